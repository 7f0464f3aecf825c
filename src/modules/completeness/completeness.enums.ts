import { registerEnumType } from 'type-graphql';

/** Why a resource counts against a completeness figure (DESIGN §3). */
export enum GapReason {
  NOT_PUBLISHED = 'NOT_PUBLISHED',
  MISSING_SHARING_TYPE = 'MISSING_SHARING_TYPE',
  MISSING_OPEN_TYPE = 'MISSING_OPEN_TYPE',
  MISSING_FREQUENCY = 'MISSING_FREQUENCY',
  MISSING_CONDITION = 'MISSING_CONDITION',
  MISSING_LEGAL_BASIS = 'MISSING_LEGAL_BASIS',
  NO_DATA_ITEMS = 'NO_DATA_ITEMS',
  OPEN_BUT_NOT_SHARED = 'OPEN_BUT_NOT_SHARED',
  NO_INTERFACE = 'NO_INTERFACE',
  NOT_MOUNTED = 'NOT_MOUNTED',
  NEVER_AGGREGATED = 'NEVER_AGGREGATED',
  STALE = 'STALE',
}

registerEnumType(GapReason, {
  name: 'GapReason',
  description: '缺口原因 — why a resource counts against a completeness figure',
  valuesConfig: {
    NOT_PUBLISHED: { description: '未发布（编目率）— not published by the big-data bureau (第五条)' },
    MISSING_SHARING_TYPE: { description: '未填共享类型（元数据）— sharing type missing (第九条)' },
    MISSING_OPEN_TYPE: { description: '未填开放类型（元数据）— open type missing (第九条)' },
    MISSING_FREQUENCY: { description: '未填更新周期（元数据）— update frequency missing (第九条)' },
    MISSING_CONDITION: { description: '有条件共享未写条件（元数据）— conditional without its condition (第九条)' },
    MISSING_LEGAL_BASIS: { description: '不予共享未写依据（元数据）— not shared without a legal basis (第九条)' },
    NO_DATA_ITEMS: { description: '无信息项（元数据）— no data items' },
    OPEN_BUT_NOT_SHARED: { description: '不予共享却开放（元数据）— open to the public but not shared' },
    NO_INTERFACE: { description: '无可用共享接口（接口覆盖率）— shareable without an active interface (第九条)' },
    NOT_MOUNTED: { description: '未挂接市共享交换平台（挂接率）— no interface mounted on the city platform (第十七条)' },
    NEVER_AGGREGATED: { description: '从未成功归集（归集率）— never successfully aggregated (第十七条)' },
    STALE: { description: '归集不及时（及时率）— last success older than one update window plus grace (第九条、第十七条)' },
  },
});
