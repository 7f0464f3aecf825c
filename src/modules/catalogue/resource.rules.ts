import { UserError, userError, UserErrorCode } from '../../common/user-error';
import {
  CATALOGUE_CLASS_DIGIT,
  CATALOGUE_KIND_LABEL,
  CatalogueKind,
  DATA_ITEM_TYPE_LABEL,
  DataItemType,
  FREQUENCY_ORDER,
  OpenType,
  SharingType,
  SHAREABLE,
  UPDATE_FREQUENCY_LABEL,
  UpdateFrequency,
} from './catalogue.enums';

/**
 * The rules of a catalogue entry's metadata, as pure functions over the entry as it would stand
 * after a write. Each broken rule is a UserError naming the input field and the article it comes from.
 */

/** The metadata the rules look at. */
export interface ResourceMetadata {
  catalogueKind: CatalogueKind;
  classificationCode: string;
  code: string | null;
  sharingType: SharingType | null;
  sharingCondition: string | null;
  legalBasis: string | null;
  openType: OpenType | null;
  openCondition: string | null;
  updateFrequency: UpdateFrequency | null;
}

/** The metadata the rules read, from an entry as it would stand, with the code it would have. */
export function metadataOf(r: Omit<ResourceMetadata, 'code'>, code: string | null): ResourceMetadata {
  const { catalogueKind, classificationCode, sharingType, sharingCondition, legalBasis, openType, openCondition, updateFrequency } = r;
  return { catalogueKind, classificationCode, code, sharingType, sharingCondition, legalBasis, openType, openCondition, updateFrequency };
}

/** 类 (1 digit, 1-3) + 项 (2) + 目 (3) + optional 细目 (3), per 政务信息资源目录编制指南. */
export const CLASSIFICATION_CODE = /^[1-3]\d{5}(\d{3})?$/;
/** `<classificationCode>/<6-digit sequence>`. */
export const RESOURCE_CODE = /^([1-3]\d{5}(?:\d{3})?)\/(\d{6})$/;

const field = (name: string) => ['input', name];

/** Every rule the metadata breaks (empty when it satisfies them all). */
export function metadataProblems(m: ResourceMetadata): UserError[] {
  const out: UserError[] = [];
  // 第八条: the construction scheme carries the 信息资源目录; its codes follow the catalogue guide.
  if (!CLASSIFICATION_CODE.test(m.classificationCode)) {
    out.push(
      userError(UserErrorCode.INVALID, '分类代码应为数字：类1位（1-3）、项2位、目3位，可加细目3位（共6位或9位）', field('classificationCode'), '第八条'),
    );
  } else if (m.classificationCode[0] !== CATALOGUE_CLASS_DIGIT[m.catalogueKind]) {
    // 第八条: the 类 digit says which catalogue the entry belongs to.
    out.push(
      userError(
        UserErrorCode.INVALID,
        `${CATALOGUE_KIND_LABEL[m.catalogueKind]}的分类代码应以 ${CATALOGUE_CLASS_DIGIT[m.catalogueKind]} 开头`,
        field('classificationCode'),
        '第八条',
      ),
    );
  }
  if (m.code !== null) {
    // 第八条: resource code = classification code + "/" + sequence.
    const match = RESOURCE_CODE.exec(m.code);
    if (!match || match[2] === '000000') {
      out.push(userError(UserErrorCode.INVALID, '信息资源代码应为「分类代码/6位顺序号」，如 101001/000001', field('code'), '第八条'));
    } else if (match[1] !== m.classificationCode) {
      out.push(userError(UserErrorCode.INVALID, `信息资源代码的前缀应与分类代码 ${m.classificationCode} 一致`, field('code'), '第八条'));
    }
  }
  out.push(...sharingProblems(m));
  return out;
}

const blank = (s: string | null) => !s || s.trim() === '';

/**
 * 第九条: the sharing analysis states, per resource, whether and how it is shared and opened (分级分类管理).
 * The writes refuse what it finds; the completeness figures (completeness.sql.ts CHECKED) count the
 * same rules as the gaps MISSING_CONDITION, MISSING_LEGAL_BASIS, MISSING_OPEN_CONDITION and
 * OPEN_BUT_NOT_SHARED, and projectApprove asks completeness for them: the property test
 * (completeness.property.test.ts) holds this function and that SQL to one reading.
 */
export function sharingProblems(m: Pick<ResourceMetadata, 'sharingType' | 'sharingCondition' | 'legalBasis' | 'openType' | 'openCondition'>): UserError[] {
  const out: UserError[] = [];
  // 第九条: a conditional share states its condition.
  if (m.sharingType === SharingType.CONDITIONAL && blank(m.sharingCondition)) {
    out.push(userError(UserErrorCode.REQUIRED, '有条件共享的信息资源须填写共享条件', field('sharingCondition'), '第九条'));
  }
  // 第九条: not sharing needs a legal basis …
  if (m.sharingType === SharingType.NOT_SHARED && blank(m.legalBasis)) {
    out.push(userError(UserErrorCode.REQUIRED, '不予共享的信息资源须填写法律法规或政策依据', field('legalBasis'), '第九条'));
  }
  // 第九条: … and what is not shared between governments is not opened to the public.
  const opened = m.openType === OpenType.OPEN || m.openType === OpenType.CONDITIONAL_OPEN;
  if (opened && m.sharingType === SharingType.NOT_SHARED) {
    out.push(userError(UserErrorCode.RULE_VIOLATION, '不予共享的信息资源，开放类型只能是不予开放', field('openType'), '第九条'));
  } else if (opened && !SHAREABLE.includes(m.sharingType as SharingType)) {
    // 第九条 (gap OPEN_BUT_NOT_SHARED): open only what is shared.
    out.push(userError(UserErrorCode.RULE_VIOLATION, '开放的信息资源须先确定为无条件共享或有条件共享', field('openType'), '第九条'));
  }
  // 第九条: a conditional opening states its condition.
  if (m.openType === OpenType.CONDITIONAL_OPEN && blank(m.openCondition)) {
    out.push(userError(UserErrorCode.REQUIRED, '有条件开放的信息资源须填写开放条件', field('openCondition'), '第九条'));
  }
  return out;
}

/**
 * What a submission needs beyond the rules above: data items, and the sharing type, open type and
 * update frequency the sharing analysis must state (第八条 目录, 第九条 共享清单、频率、开放).
 * Fields name the resourceUpdate input to complete.
 */
export function submissionProblems(m: ResourceMetadata, dataItemCount: number): UserError[] {
  const out: UserError[] = [];
  // 第八条: a catalogue entry lists its data items.
  if (dataItemCount === 0) out.push(userError(UserErrorCode.REQUIRED, '提交前须至少登记一个信息项', field('dataItems'), '第八条'));
  // 第九条: 共享、开放、频率 are part of every entry of the sharing analysis.
  if (!m.sharingType) out.push(userError(UserErrorCode.REQUIRED, '提交前须确定共享类型', field('sharingType'), '第九条'));
  if (!m.openType) out.push(userError(UserErrorCode.REQUIRED, '提交前须确定开放类型', field('openType'), '第九条'));
  if (!m.updateFrequency) out.push(userError(UserErrorCode.REQUIRED, '提交前须确定更新周期', field('updateFrequency'), '第九条'));
  return [...out, ...metadataProblems(m)];
}

/** 编制指南: the types whose items state a length (字符、数值、货币: the width). */
export const LENGTH_REQUIRED: readonly DataItemType[] = [DataItemType.C, DataItemType.N, DataItemType.Y];
/** 编制指南: the types of a fixed form: the length is theirs (日期 8, 日期时间 14, 逻辑 1) or none at all. */
export const FIXED_LENGTH: Partial<Record<DataItemType, number | null>> = {
  [DataItemType.D]: 8,
  [DataItemType.T]: 14,
  [DataItemType.L]: 1,
  [DataItemType.M]: null,
  [DataItemType.G]: null,
  [DataItemType.B]: null,
  [DataItemType.I]: null,
  [DataItemType.F]: null,
};

/** A data item as the rules read it. */
export interface ItemShape {
  name: string;
  dataType: DataItemType;
  length?: number | null;
}

/** One broken rule of one data item: where (its index), which part, why. */
export interface ItemProblem {
  index: number;
  part: 'name' | 'length';
  code: UserErrorCode;
  message: string;
}

/**
 * 第八条 (目录按编制指南编制): each data item's length fits its type, and names are unique within an
 * entry. Read by the writes (dataItemProblems) and by the completeness gap MALFORMED_ITEMS (its detail).
 */
export function itemProblems(items: readonly ItemShape[]): ItemProblem[] {
  const out: ItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const type = `${DATA_ITEM_TYPE_LABEL[item.dataType]}`;
    const length = item.length ?? null;
    if (LENGTH_REQUIRED.includes(item.dataType) && length === null) {
      out.push({ index, part: 'length', code: UserErrorCode.REQUIRED, message: `信息项「${item.name}」为${type}，须填写长度` });
    } else if (item.dataType in FIXED_LENGTH && length !== null && length !== FIXED_LENGTH[item.dataType]) {
      const fixed = FIXED_LENGTH[item.dataType];
      const rule = fixed === null ? '不填长度' : `长度为 ${fixed} 或不填`;
      out.push({ index, part: 'length', code: UserErrorCode.INVALID, message: `信息项「${item.name}」为${type}，格式固定，应${rule}（收到 ${length}）` });
    }
    const first = seen.get(item.name);
    if (first !== undefined) {
      out.push({ index, part: 'name', code: UserErrorCode.DUPLICATE, message: `信息项名称「${item.name}」与第${first + 1}项重复` });
    } else seen.set(item.name, index);
  });
  return out;
}

/** itemProblems as userErrors naming each item's input field (第八条). */
export function dataItemProblems(items: readonly ItemShape[], field: string[] = ['input', 'dataItems']): UserError[] {
  return itemProblems(items).map((p) => userError(p.code, p.message, [...field, String(p.index), p.part], '第八条'));
}

/**
 * True when an interface syncing at `sync` cannot keep up with a resource updated at `update`
 * (第十七条: 实时数据传输). An irregular resource, or one without a frequency yet, takes any.
 */
export function syncTooRare(sync: UpdateFrequency, update: UpdateFrequency | null): boolean {
  if (!update || update === UpdateFrequency.IRREGULAR) return false;
  return FREQUENCY_ORDER.indexOf(sync) > FREQUENCY_ORDER.indexOf(update);
}

/** The Chinese name of each update frequency, for messages. */
export const FREQUENCY_NAME = UPDATE_FREQUENCY_LABEL;

/** The text the trigram index searches: name, summary and the data-item names. */
export function searchTextOf(name: string, summary: string, itemNames: string[]): string {
  return [name, summary, ...itemNames].filter((s) => s).join('\n');
}
