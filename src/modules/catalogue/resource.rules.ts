import { UserError, userError, UserErrorCode } from '../../common/user-error';
import {
  CATALOGUE_CLASS_DIGIT,
  CATALOGUE_KIND_LABEL,
  CatalogueKind,
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

/** 第九条: the sharing analysis states, per resource, whether and how it is shared and opened (分级分类管理). */
export function sharingProblems(m: ResourceMetadata): UserError[] {
  const out: UserError[] = [];
  // 第九条: a conditional share states its condition.
  if (m.sharingType === SharingType.CONDITIONAL && !m.sharingCondition) {
    out.push(userError(UserErrorCode.REQUIRED, '有条件共享的信息资源须填写共享条件', field('sharingCondition'), '第九条'));
  }
  // 第九条: not sharing needs a legal basis …
  if (m.sharingType === SharingType.NOT_SHARED && !m.legalBasis) {
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
  if (m.openType === OpenType.CONDITIONAL_OPEN && !m.openCondition) {
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
