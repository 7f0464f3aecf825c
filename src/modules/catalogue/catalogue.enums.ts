import { registerLabelledEnum } from '../../common/enum-labels';

export enum CatalogueKind {
  BASIC = 'BASIC',
  THEMATIC = 'THEMATIC',
  DEPARTMENTAL = 'DEPARTMENTAL',
}

export const CATALOGUE_KIND_LABEL = registerLabelledEnum(CatalogueKind, 'CatalogueKind', '目录类别 — catalogue kind (政务信息资源目录编制指南)', {
  BASIC: ['基础信息资源', 'basic (类 code 1)'],
  THEMATIC: ['主题信息资源', 'thematic (类 code 2)'],
  DEPARTMENTAL: ['部门信息资源', 'departmental (类 code 3)'],
});

export enum ResourceFormat {
  DOCUMENT = 'DOCUMENT',
  SPREADSHEET = 'SPREADSHEET',
  DATABASE = 'DATABASE',
  IMAGE = 'IMAGE',
  STREAMING = 'STREAMING',
  SELF_DESCRIBING = 'SELF_DESCRIBING',
  SERVICE = 'SERVICE',
}

export const RESOURCE_FORMAT_LABEL = registerLabelledEnum(ResourceFormat, 'ResourceFormat', '信息资源格式 — resource format', {
  DOCUMENT: ['电子文件', 'electronic documents'],
  SPREADSHEET: ['电子表格', 'spreadsheets'],
  DATABASE: ['数据库', 'database'],
  IMAGE: ['图形图像', 'graphics and images'],
  STREAMING: ['流媒体', 'streaming media'],
  SELF_DESCRIBING: ['自描述格式', 'self-describing format (XML, JSON …)'],
  SERVICE: ['服务接口', 'service interface'],
});

export enum DataItemType {
  C = 'C',
  N = 'N',
  Y = 'Y',
  D = 'D',
  T = 'T',
  L = 'L',
  M = 'M',
  G = 'G',
  B = 'B',
  I = 'I',
  F = 'F',
}

export const DATA_ITEM_TYPE_LABEL = registerLabelledEnum(DataItemType, 'DataItemType', '数据类型 — data type of an information item', {
  C: ['字符型 C', 'character'],
  N: ['数值型 N', 'numeric'],
  Y: ['货币型 Y', 'currency'],
  D: ['日期型 D', 'date'],
  T: ['日期时间型 T', 'date-time'],
  L: ['逻辑型 L', 'logical'],
  M: ['备注型 M', 'memo'],
  G: ['通用型 G', 'general'],
  B: ['二进制 B', 'binary'],
  I: ['图像型 I', 'image'],
  F: ['文件型 F', 'file'],
});

export enum SharingType {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_SHARED = 'NOT_SHARED',
}

export const SHARING_TYPE_LABEL = registerLabelledEnum(SharingType, 'SharingType', '共享类型 — sharing type', {
  UNCONDITIONAL: ['无条件共享', 'shared with every government unit'],
  CONDITIONAL: ['有条件共享', 'shared on a condition; consumers apply'],
  NOT_SHARED: ['不予共享', 'not shared, by a legal basis'],
});

export enum SharingMethod {
  PLATFORM_DATABASE = 'PLATFORM_DATABASE',
  PLATFORM_INTERFACE = 'PLATFORM_INTERFACE',
  PLATFORM_FILE = 'PLATFORM_FILE',
  EMAIL = 'EMAIL',
  MEDIA = 'MEDIA',
}

export const SHARING_METHOD_LABEL = registerLabelledEnum(SharingMethod, 'SharingMethod', '共享方式 — how the resource is shared', {
  PLATFORM_DATABASE: ['共享平台·库表', 'exchange platform, database tables'],
  PLATFORM_INTERFACE: ['共享平台·接口', 'exchange platform, service interface'],
  PLATFORM_FILE: ['共享平台·文件', 'exchange platform, files'],
  EMAIL: ['电子邮件', 'e-mail'],
  MEDIA: ['介质', 'physical media'],
});

export enum OpenType {
  OPEN = 'OPEN',
  CONDITIONAL_OPEN = 'CONDITIONAL_OPEN',
  NOT_OPEN = 'NOT_OPEN',
}

export const OPEN_TYPE_LABEL = registerLabelledEnum(OpenType, 'OpenType', '开放类型 — openness to the public', {
  OPEN: ['无条件开放', 'open'],
  CONDITIONAL_OPEN: ['有条件开放', 'open on a condition'],
  NOT_OPEN: ['不予开放', 'not open'],
});

export enum UpdateFrequency {
  REALTIME = 'REALTIME',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
  IRREGULAR = 'IRREGULAR',
}

export const UPDATE_FREQUENCY_LABEL = registerLabelledEnum(UpdateFrequency, 'UpdateFrequency', '更新周期 — update frequency', {
  REALTIME: ['实时', 'real time'],
  DAILY: ['每日', 'daily'],
  WEEKLY: ['每周', 'weekly'],
  MONTHLY: ['每月', 'monthly'],
  QUARTERLY: ['每季度', 'quarterly'],
  HALF_YEARLY: ['每半年', 'half-yearly'],
  YEARLY: ['每年', 'yearly'],
  IRREGULAR: ['不定期', 'irregular'],
});

export enum DataGrade {
  CORE = 'CORE',
  IMPORTANT = 'IMPORTANT',
  GENERAL = 'GENERAL',
}

export const DATA_GRADE_LABEL = registerLabelledEnum(DataGrade, 'DataGrade', '数据分级 — data grade (GB/T 43697)', {
  CORE: ['核心数据', 'core'],
  IMPORTANT: ['重要数据', 'important'],
  GENERAL: ['一般数据', 'general'],
});

export enum ResourceStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  RETURNED = 'RETURNED',
  RETIRED = 'RETIRED',
}

export const RESOURCE_STATUS_LABEL = registerLabelledEnum(ResourceStatus, 'ResourceStatus', '目录审核状态 — review status of a catalogue entry (第五条)', {
  DRAFT: ['草稿', 'being edited by the project unit'],
  SUBMITTED: ['已提交待审核', 'awaiting the big-data bureau review'],
  PUBLISHED: ['已发布', 'published by the big-data bureau'],
  RETURNED: ['已退回', 'returned with the bureau reason'],
  RETIRED: ['已停用', 'retired; history kept'],
});

/** 修订状态 — where the revision of a published entry stands (第五条). */
export enum RevisionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
}

export const REVISION_STATUS_LABEL = registerLabelledEnum(
  RevisionStatus,
  'RevisionStatus',
  '修订状态 — review status of the revision of a published entry (第五条)',
  {
    DRAFT: ['修订中', 'being edited by the project unit; the published version stays'],
    SUBMITTED: ['修订待审核', 'awaiting the big-data bureau review; the published version stays'],
    RETURNED: ['修订已退回', 'returned with the bureau reason; the published version stays'],
  },
);

/** Order of frequencies from most to least frequent; IRREGULAR last. */
export const FREQUENCY_ORDER: UpdateFrequency[] = [
  UpdateFrequency.REALTIME,
  UpdateFrequency.DAILY,
  UpdateFrequency.WEEKLY,
  UpdateFrequency.MONTHLY,
  UpdateFrequency.QUARTERLY,
  UpdateFrequency.HALF_YEARLY,
  UpdateFrequency.YEARLY,
  UpdateFrequency.IRREGULAR,
];

/** The 类 digit of a classification code for each catalogue kind. */
export const CATALOGUE_CLASS_DIGIT: Record<CatalogueKind, string> = {
  [CatalogueKind.BASIC]: '1',
  [CatalogueKind.THEMATIC]: '2',
  [CatalogueKind.DEPARTMENTAL]: '3',
};

export const SHAREABLE: SharingType[] = [SharingType.UNCONDITIONAL, SharingType.CONDITIONAL];
