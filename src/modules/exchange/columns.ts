import {
  CATALOGUE_KIND_LABEL,
  DATA_GRADE_LABEL,
  OPEN_TYPE_LABEL,
  RESOURCE_FORMAT_LABEL,
  SHARING_METHOD_LABEL,
  SHARING_TYPE_LABEL,
  UPDATE_FREQUENCY_LABEL,
  FREQUENCY_ORDER,
} from '../catalogue';
import { INTERFACE_KIND_LABEL } from '../sharing';

/**
 * The columns of the catalogue workbook (政务信息资源目录编制指南): the template, the import and the
 * exports all use these, so that an export re-imports to the same catalogue.
 */
export interface SheetColumn {
  key: string;
  /** The header, as the first row of the sheet shows it and the import looks for it. */
  header: string;
  /** The hint row under the header (row 2 of the template). */
  hint: string;
  /** An enumerated column: the enum's Chinese labels, offered as a drop-down. */
  labels?: Record<string, string>;
  required?: boolean;
  /** Digits kept as text (leading zeros), stored as a text cell. */
  digits?: number;
  width: number;
}

export const RESOURCE_SHEET = '信息资源目录';
export const INTERFACE_SHEET = '共享接口';
export const INSTRUCTIONS_SHEET = '填写说明';
/** The header row and the hint row; data starts on row 3. */
export const HEADER_ROWS = 2;

export const RESOURCE_COLUMNS: SheetColumn[] = [
  { key: 'catalogueKind', header: '类', hint: '必填，下拉选择', labels: CATALOGUE_KIND_LABEL, required: true, width: 14 },
  { key: 'item', header: '项', hint: '必填，2位数字', digits: 2, required: true, width: 6 },
  { key: 'category', header: '目', hint: '必填，3位数字', digits: 3, required: true, width: 6 },
  { key: 'subcategory', header: '细目', hint: '可选，3位数字', digits: 3, width: 6 },
  { key: 'name', header: '信息资源名称', hint: '必填，200字以内', required: true, width: 28 },
  { key: 'code', header: '信息资源代码', hint: '分类代码/6位顺序号；留空自动生成；再次导入时按此代码更新', width: 20 },
  { key: 'provider', header: '提供方', hint: '统一社会信用代码或单位全称；留空为导入单位', width: 24 },
  { key: 'summary', header: '摘要', hint: '4000字以内', width: 36 },
  { key: 'format', header: '格式', hint: '必填，下拉选择', labels: RESOURCE_FORMAT_LABEL, required: true, width: 12 },
  { key: 'subFormat', header: '子格式', hint: '如 OFD、xlsx、MySQL', width: 12 },
  { key: 'dataItems', header: '信息项', hint: '名称:类型:长度；… 或本列单独成行（其余列留空）', width: 40 },
  { key: 'sharingType', header: '共享类型', hint: '下拉选择', labels: SHARING_TYPE_LABEL, width: 14 },
  { key: 'condition', header: '共享条件/不予共享依据', hint: '有条件共享填条件；不予共享填法律法规依据', width: 30 },
  { key: 'sharingMethod', header: '共享方式', hint: '下拉选择', labels: SHARING_METHOD_LABEL, width: 16 },
  { key: 'openType', header: '开放类型', hint: '是否向社会开放，下拉选择', labels: OPEN_TYPE_LABEL, width: 14 },
  { key: 'openCondition', header: '开放条件', hint: '有条件开放时必填', width: 24 },
  { key: 'updateFrequency', header: '更新周期', hint: '下拉选择', labels: UPDATE_FREQUENCY_LABEL, width: 10 },
  { key: 'dataGrade', header: '数据分级', hint: '下拉选择', labels: DATA_GRADE_LABEL, width: 10 },
  { key: 'publishedOn', header: '发布日期', hint: 'YYYY-MM-DD', width: 12 },
  { key: 'relatedResourceCodes', header: '关联资源代码', hint: '多个以分号或逗号分隔', width: 24 },
];

export const INTERFACE_COLUMNS: SheetColumn[] = [
  { key: 'resourceCode', header: '资源代码', hint: '必填，本表或目录中已有的信息资源代码', required: true, width: 20 },
  { key: 'kind', header: '接口类型', hint: '必填，下拉选择', labels: INTERFACE_KIND_LABEL, required: true, width: 16 },
  { key: 'endpoint', header: '地址', hint: '必填，URL 或 DSN，不含密码', required: true, width: 40 },
  { key: 'syncFrequency', header: '同步频率', hint: '必填，不低于更新周期', labels: UPDATE_FREQUENCY_LABEL, required: true, width: 10 },
];

/** The input field a service names in a userError → the column that holds it. */
export const RESOURCE_FIELD_COLUMN: Record<string, string> = {
  catalogueKind: '类',
  classificationCode: '项',
  code: '信息资源代码',
  name: '信息资源名称',
  providerId: '提供方',
  projectId: '信息资源名称',
  id: '信息资源代码',
  summary: '摘要',
  format: '格式',
  subFormat: '子格式',
  dataItems: '信息项',
  sharingType: '共享类型',
  sharingCondition: '共享条件/不予共享依据',
  legalBasis: '共享条件/不予共享依据',
  sharingMethod: '共享方式',
  openType: '开放类型',
  openCondition: '开放条件',
  updateFrequency: '更新周期',
  dataGrade: '数据分级',
  publishedOn: '发布日期',
  relatedResourceCodes: '关联资源代码',
};

export const INTERFACE_FIELD_COLUMN: Record<string, string> = {
  resourceId: '资源代码',
  id: '资源代码',
  kind: '接口类型',
  endpoint: '地址',
  syncFrequency: '同步频率',
  consumerIds: '资源代码',
};

/** Label → enum value, for a column's labels; the enum value itself is accepted too. */
export function enumOf(labels: Record<string, string>, cell: string): string | undefined {
  if (cell in labels) return cell;
  return Object.entries(labels).find(([, label]) => label === cell)?.[0];
}

/**
 * What the console shows of the catalogue's terms, written to console/src/generated/catalogue.json
 * by `npm run schema`: the field names of the columns above (a classification code is one field there,
 * where the workbook splits it into 类/项/目/细目, and the sharing condition and its legal basis two
 * fields where the workbook has one column; the provider by name) and the frequencies in their
 * natural order (FREQUENCY_ORDER).
 */
export function consoleCatalogueTerms(): { fieldLabels: Record<string, string>; frequencyOrder: Record<string, number> } {
  return {
    fieldLabels: {
      ...RESOURCE_FIELD_COLUMN,
      catalogueKind: '目录类型',
      classificationCode: '分类代码',
      sharingCondition: '共享条件',
      legalBasis: '不予共享依据',
      providerName: RESOURCE_FIELD_COLUMN.providerId,
    },
    frequencyOrder: Object.fromEntries(FREQUENCY_ORDER.map((f, i) => [f, i])),
  };
}
