import { registerEnumType } from 'type-graphql';

/** Where a year of the working-day calendar comes from. */
export enum WorkingCalendarSource {
  /** The data file shipped with the release (src/common/prc-holidays.json), loaded at start. */
  SEED = 'SEED',
  /** Entered by an administrator from the notice (workingCalendarYearSet). */
  ENTERED = 'ENTERED',
  /** No notice yet: the provisional rule (weekdays less the statutory holidays); never stored. */
  PROVISIONAL = 'PROVISIONAL',
}

registerEnumType(WorkingCalendarSource, {
  name: 'WorkingCalendarSource',
  description: '工作日历来源',
  valuesConfig: {
    SEED: { description: '随版本发布的数据文件（prc-holidays.json），启动时载入' },
    ENTERED: { description: '管理员依国务院办公厅通知录入' },
    PROVISIONAL: { description: '尚无通知，按临时规则（周一至周五，除法定节日）计算' },
  },
});
