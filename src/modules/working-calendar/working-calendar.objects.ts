import { Field, Int, ObjectType } from 'type-graphql';
import { WorkingCalendarYear } from './working-calendar.entity';
import { WorkingCalendarSource } from './working-calendar.enums';

@ObjectType({ description: '工作日历中的一个年度及其状态' })
export class WorkingCalendarYearStatus {
  @Field(() => Int)
  year: number;

  @Field(() => WorkingCalendarSource)
  source: WorkingCalendarSource;

  @Field({ description: '是否依通知录入（否：暂按临时规则计算，即周一至周五除法定节日）' })
  fromNotice: boolean;

  @Field(() => WorkingCalendarYear, { nullable: true, description: '通知内容；临时规则年度为空' })
  notice: WorkingCalendarYear | null;
}
