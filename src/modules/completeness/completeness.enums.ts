import { registerLabelledEnum } from '../../common/enum-labels';

/** Why a resource counts against a completeness figure (DESIGN §3). */
export enum GapReason {
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  MISSING_SHARING_TYPE = 'MISSING_SHARING_TYPE',
  MISSING_OPEN_TYPE = 'MISSING_OPEN_TYPE',
  MISSING_FREQUENCY = 'MISSING_FREQUENCY',
  MISSING_CONDITION = 'MISSING_CONDITION',
  MISSING_LEGAL_BASIS = 'MISSING_LEGAL_BASIS',
  MISSING_OPEN_CONDITION = 'MISSING_OPEN_CONDITION',
  NO_DATA_ITEMS = 'NO_DATA_ITEMS',
  MALFORMED_ITEMS = 'MALFORMED_ITEMS',
  OPEN_BUT_NOT_SHARED = 'OPEN_BUT_NOT_SHARED',
  NO_INTERFACE = 'NO_INTERFACE',
  NOT_MOUNTED = 'NOT_MOUNTED',
  NEVER_AGGREGATED = 'NEVER_AGGREGATED',
  STALE = 'STALE',
}

/** The one label map of the gap reasons (schema descriptions, reports, the console). */
export const GAP_REASON_LABEL = registerLabelledEnum(GapReason, 'GapReason', '缺口原因 — why a resource counts against a completeness figure', {
  NOT_PUBLISHED: ['未发布（编目率）', 'not published by the big-data bureau (第五条)'],
  MISSING_SHARING_TYPE: ['未填共享类型（元数据）', 'sharing type missing (第九条)'],
  MISSING_OPEN_TYPE: ['未填开放类型（元数据）', 'open type missing (第九条)'],
  MISSING_FREQUENCY: ['未填更新周期（元数据）', 'update frequency missing (第九条)'],
  MISSING_CONDITION: ['有条件共享未写条件（元数据）', 'conditional without its condition (第九条)'],
  MISSING_LEGAL_BASIS: ['不予共享未写依据（元数据）', 'not shared without a legal basis (第九条)'],
  MISSING_OPEN_CONDITION: ['有条件开放未写条件（元数据）', 'conditionally open without its condition (第九条)'],
  NO_DATA_ITEMS: ['无信息项（元数据）', 'no data items (第八条)'],
  MALFORMED_ITEMS: ['信息项不合编制指南（元数据）', 'a data item whose length does not fit its type, or a repeated name (第八条)'],
  OPEN_BUT_NOT_SHARED: ['不予共享却开放（元数据）', 'open to the public but not shared (第九条)'],
  NO_INTERFACE: ['无可用共享接口（接口覆盖率）', 'shareable without an active interface (第九条)'],
  NOT_MOUNTED: ['未挂接市共享交换平台（挂接率）', 'no interface mounted on the city platform (第十七条)'],
  NEVER_AGGREGATED: ['从未成功归集（归集率）', 'never successfully aggregated (第十七条)'],
  STALE: ['归集不及时（及时率）', 'last success older than one update window plus grace (第九条、第十七条)'],
});
