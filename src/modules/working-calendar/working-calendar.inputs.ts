import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: '放假安排 — one holiday range' })
export class CalendarHolidayInput {
  @Field({ description: '节日名称，如 春节' })
  name: string;

  @Field({ description: '起始日（含）YYYY-MM-DD' })
  from: string;

  @Field({ description: '截止日（含）YYYY-MM-DD' })
  to: string;
}

@InputType({ description: '调休上班日' })
export class CalendarMakeupWorkdayInput {
  @Field({ description: '日期 YYYY-MM-DD（周六或周日）' })
  date: string;

  @Field({ nullable: true, description: '为哪个节日调休' })
  for?: string;
}

@InputType({ description: '录入一个年度的节假日安排通知 — one year of the calendar, from its notice' })
export class WorkingCalendarYearSetInput {
  @Field(() => Int, { description: '年度（1900–2100）' })
  year: number;

  @Field({ description: '通知标题' })
  title: string;

  @Field({ description: '文号' })
  documentNumber: string;

  @Field({ description: '发布日期 YYYY-MM-DD' })
  issuedOn: string;

  @Field(() => String, { nullable: true, description: '通知网址（可选，http/https）' })
  url?: string | null;

  @Field(() => [CalendarHolidayInput])
  holidays: CalendarHolidayInput[];

  @Field(() => [CalendarMakeupWorkdayInput])
  makeupWorkdays: CalendarMakeupWorkdayInput[];

  @Field({ defaultValue: false, description: '该年度已录入时是否替换（默认否：已有年度须明确替换）' })
  replace: boolean;
}
