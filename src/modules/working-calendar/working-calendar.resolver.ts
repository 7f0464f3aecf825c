import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { WorkingCalendarYearSetInput } from './working-calendar.inputs';
import { WorkingCalendarYearStatus } from './working-calendar.objects';
import { WorkingCalendarYearSetPayload } from './working-calendar.payloads';

@Authorized()
@Resolver()
export class WorkingCalendarResolver {
  @Query(() => [WorkingCalendarYearStatus], {
    description: '工作日历年度 — the years of the working-day calendar, their source and whether entered from the notice',
  })
  async workingCalendarYears(@Ctx() ctx: Context): Promise<WorkingCalendarYearStatus[]> {
    return ctx.services.workingCalendar.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WorkingCalendarYearSetPayload, { description: '录入年度节假日安排 — enter one year’s holiday notice into the working-day calendar (ADMIN)' })
  async workingCalendarYearSet(@Ctx() ctx: Context, @Arg('input') input: WorkingCalendarYearSetInput): Promise<WorkingCalendarYearSetPayload> {
    const { result, userErrors } = await ctx.services.workingCalendar.set(ctx, input);
    return { workingCalendarYear: result, userErrors };
  }
}
