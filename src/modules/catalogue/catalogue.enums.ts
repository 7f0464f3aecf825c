import { registerEnumType } from 'type-graphql';

export enum CatalogueKind {
  BASIC = 'BASIC',
  THEMATIC = 'THEMATIC',
  DEPARTMENTAL = 'DEPARTMENTAL',
}

registerEnumType(CatalogueKind, {
  name: 'CatalogueKind',
  description: '目录类别 — catalogue kind (政务信息资源目录编制指南)',
  valuesConfig: {
    BASIC: { description: '基础信息资源 — basic (类 code 1)' },
    THEMATIC: { description: '主题信息资源 — thematic (类 code 2)' },
    DEPARTMENTAL: { description: '部门信息资源 — departmental (类 code 3)' },
  },
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

registerEnumType(ResourceFormat, {
  name: 'ResourceFormat',
  description: '信息资源格式 — resource format',
  valuesConfig: {
    DOCUMENT: { description: '电子文件 — electronic documents' },
    SPREADSHEET: { description: '电子表格 — spreadsheets' },
    DATABASE: { description: '数据库 — database' },
    IMAGE: { description: '图形图像 — graphics and images' },
    STREAMING: { description: '流媒体 — streaming media' },
    SELF_DESCRIBING: { description: '自描述格式 — self-describing format (XML, JSON …)' },
    SERVICE: { description: '服务接口 — service interface' },
  },
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

registerEnumType(DataItemType, {
  name: 'DataItemType',
  description: '数据类型 — data type of an information item',
  valuesConfig: {
    C: { description: '字符型 C — character' },
    N: { description: '数值型 N — numeric' },
    Y: { description: '货币型 Y — currency' },
    D: { description: '日期型 D — date' },
    T: { description: '日期时间型 T — date-time' },
    L: { description: '逻辑型 L — logical' },
    M: { description: '备注型 M — memo' },
    G: { description: '通用型 G — general' },
    B: { description: '二进制 B — binary' },
    I: { description: '图像型 I — image' },
    F: { description: '文件型 F — file' },
  },
});

export enum SharingType {
  UNCONDITIONAL = 'UNCONDITIONAL',
  CONDITIONAL = 'CONDITIONAL',
  NOT_SHARED = 'NOT_SHARED',
}

registerEnumType(SharingType, {
  name: 'SharingType',
  description: '共享类型 — sharing type',
  valuesConfig: {
    UNCONDITIONAL: { description: '无条件共享 — shared with every government unit' },
    CONDITIONAL: { description: '有条件共享 — shared on a condition; consumers apply' },
    NOT_SHARED: { description: '不予共享 — not shared, by a legal basis' },
  },
});

export enum SharingMethod {
  PLATFORM_DATABASE = 'PLATFORM_DATABASE',
  PLATFORM_INTERFACE = 'PLATFORM_INTERFACE',
  PLATFORM_FILE = 'PLATFORM_FILE',
  EMAIL = 'EMAIL',
  MEDIA = 'MEDIA',
}

registerEnumType(SharingMethod, {
  name: 'SharingMethod',
  description: '共享方式 — how the resource is shared',
  valuesConfig: {
    PLATFORM_DATABASE: { description: '共享平台·库表 — exchange platform, database tables' },
    PLATFORM_INTERFACE: { description: '共享平台·接口 — exchange platform, service interface' },
    PLATFORM_FILE: { description: '共享平台·文件 — exchange platform, files' },
    EMAIL: { description: '电子邮件 — e-mail' },
    MEDIA: { description: '介质 — physical media' },
  },
});

export enum OpenType {
  OPEN = 'OPEN',
  CONDITIONAL_OPEN = 'CONDITIONAL_OPEN',
  NOT_OPEN = 'NOT_OPEN',
}

registerEnumType(OpenType, {
  name: 'OpenType',
  description: '开放类型 — openness to the public',
  valuesConfig: {
    OPEN: { description: '无条件开放 — open' },
    CONDITIONAL_OPEN: { description: '有条件开放 — open on a condition' },
    NOT_OPEN: { description: '不予开放 — not open' },
  },
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

registerEnumType(UpdateFrequency, {
  name: 'UpdateFrequency',
  description: '更新周期 — update frequency',
  valuesConfig: {
    REALTIME: { description: '实时 — real time' },
    DAILY: { description: '每日 — daily' },
    WEEKLY: { description: '每周 — weekly' },
    MONTHLY: { description: '每月 — monthly' },
    QUARTERLY: { description: '每季度 — quarterly' },
    HALF_YEARLY: { description: '每半年 — half-yearly' },
    YEARLY: { description: '每年 — yearly' },
    IRREGULAR: { description: '不定期 — irregular' },
  },
});

export enum DataGrade {
  CORE = 'CORE',
  IMPORTANT = 'IMPORTANT',
  GENERAL = 'GENERAL',
}

registerEnumType(DataGrade, {
  name: 'DataGrade',
  description: '数据分级 — data grade (GB/T 43697)',
  valuesConfig: {
    CORE: { description: '核心数据 — core' },
    IMPORTANT: { description: '重要数据 — important' },
    GENERAL: { description: '一般数据 — general' },
  },
});

export enum ResourceStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  RETURNED = 'RETURNED',
  RETIRED = 'RETIRED',
}

registerEnumType(ResourceStatus, {
  name: 'ResourceStatus',
  description: '目录审核状态 — review status of a catalogue entry (第五条)',
  valuesConfig: {
    DRAFT: { description: '草稿 — being edited by the project unit' },
    SUBMITTED: { description: '已提交 — awaiting the big-data bureau review' },
    PUBLISHED: { description: '已发布 — published by the big-data bureau' },
    RETURNED: { description: '已退回 — returned with the bureau reason' },
    RETIRED: { description: '已停用 — retired; history kept' },
  },
});

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
