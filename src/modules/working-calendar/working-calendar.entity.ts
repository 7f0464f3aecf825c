import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { NullableText, UpdatedAtColumn } from '../../common/columns';
import { WorkingCalendarSource } from './working-calendar.enums';

/** A named holiday range of a notice (放假). */
@ObjectType({ description: '放假安排 — a holiday range of the notice' })
export class CalendarHoliday {
  @Field({ description: '节日名称 — e.g. 春节' })
  name: string;

  @Field({ description: '起始日（含）— first day, YYYY-MM-DD' })
  from: string;

  @Field({ description: '截止日（含）— last day, YYYY-MM-DD' })
  to: string;
}

/** A weekend day made a working day (调休上班). */
@ObjectType({ description: '调休上班日 — a weekend day made a working day' })
export class CalendarMakeupWorkday {
  @Field({ description: '日期 — YYYY-MM-DD' })
  date: string;

  @Field({ nullable: true, description: '为哪个节日调休 — the holiday it makes up for' })
  for?: string;
}

/** One year of the working-day calendar: the State Council General Office's holiday notice for it. */
@ObjectType({ description: '工作日历年度 — one year of the working-day calendar and the notice it comes from' })
@Check('working_calendar_year_range', '"year" BETWEEN 1900 AND 2100')
@Entity()
export class WorkingCalendarYear {
  @Field(() => Int, { description: '年度' })
  @PrimaryColumn('int')
  year: number;

  @Field({ description: '通知标题' })
  @Column({ length: 200 })
  title: string;

  @Field({ description: '文号，如 国办发明电〔2025〕7号' })
  @Column({ length: 100 })
  documentNumber: string;

  @Field({ description: '发布日期 — YYYY-MM-DD' })
  @Column({ type: 'date' })
  issuedOn: string;

  @NullableText('通知网址')
  url: string | null;

  @Field(() => [CalendarHoliday])
  @Column({ type: 'jsonb' })
  holidays: CalendarHoliday[];

  @Field(() => [CalendarMakeupWorkday])
  @Column({ type: 'jsonb' })
  makeupWorkdays: CalendarMakeupWorkday[];

  @Field(() => WorkingCalendarSource, { description: '来源：随版本发布的数据文件，或管理员依通知录入' })
  @Column({ type: 'enum', enum: WorkingCalendarSource, enumName: 'working_calendar_source' })
  source: WorkingCalendarSource;

  @UpdatedAtColumn('最后修改时间')
  updatedAt: Date;
}
