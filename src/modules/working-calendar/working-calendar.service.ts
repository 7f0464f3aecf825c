import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import { shanghaiDateOf, yearOf } from '../../common/dates';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode } from '../../common/user-error';
import { CalendarYearData, calendarYear, SEED_YEARS, setCalendarYear } from '../../common/working-days';
import { mutate, Outcome } from '../../db/transaction';
import { refreshAnswerDueDates } from '../sharing-request';
import { WorkingCalendarYear } from './working-calendar.entity';
import { WorkingCalendarSource } from './working-calendar.enums';
import { WorkingCalendarYearSetInput } from './working-calendar.inputs';
import { WorkingCalendarYearStatus } from './working-calendar.objects';
import { calendarDataOf, noticeProblems } from './working-calendar.rules';

const dataOf = (row: WorkingCalendarYear): CalendarYearData => ({
  source: { title: row.title, documentNumber: row.documentNumber, issuedOn: row.issuedOn, url: row.url },
  holidays: row.holidays,
  makeupWorkdays: row.makeupWorkdays,
});

/**
 * The working-day calendar kept in the database (working_calendar_year), one row per year's
 * notice. prc-holidays.json is its seed: at start the years missing from the table are loaded
 * from it, then the whole table becomes this process's in-memory calendar (common/working-days.ts).
 * An administrator enters a year with workingCalendarYearSet: this process has it at once; other
 * hub processes on the same database take it at their next start.
 */
export class WorkingCalendarService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** At start: seeds the years the table lacks from the data file, then loads the table into memory. Returns the years loaded. */
  async load(): Promise<number[]> {
    const repo = this.ds.getRepository(WorkingCalendarYear);
    for (const [year, d] of SEED_YEARS) {
      await repo
        .createQueryBuilder()
        .insert()
        .values({
          year,
          title: d.source.title,
          documentNumber: d.source.documentNumber,
          issuedOn: d.source.issuedOn,
          url: d.source.url ?? null,
          holidays: d.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
          makeupWorkdays: d.makeupWorkdays.map((m) => ({ date: m.date, for: m.for })),
          source: WorkingCalendarSource.SEED,
        })
        .orIgnore()
        .execute();
    }
    const rows = await repo.find({ order: { year: 'ASC' } });
    for (const row of rows) setCalendarYear(row.year, dataOf(row));
    return rows.map((r) => r.year);
  }

  /**
   * The years known: those in the table, and the current and next year when absent (the
   * provisional rule applies to them: weekdays less the statutory holidays).
   */
  async list(): Promise<WorkingCalendarYearStatus[]> {
    const rows = await this.ds.getRepository(WorkingCalendarYear).find({ order: { year: 'ASC' } });
    const out: WorkingCalendarYearStatus[] = rows.map((notice) =>
      Object.assign(new WorkingCalendarYearStatus(), { year: notice.year, source: notice.source, fromNotice: true, notice }),
    );
    const thisYear = yearOf(shanghaiDateOf(this.clock.now()));
    for (const year of [thisYear, thisYear + 1]) {
      if (!rows.some((r) => r.year === year))
        out.push(Object.assign(new WorkingCalendarYearStatus(), { year, source: WorkingCalendarSource.PROVISIONAL, fromNotice: false, notice: null }));
    }
    return out.sort((a, b) => a.year - b.year);
  }

  /**
   * Enters one year's notice (ADMIN). A year already in the table is replaced only with
   * `replace: true`. In the same transaction, the pending sharing requests' due dates are
   * recomputed with the new year (refreshAnswerDueDates, the code run at start); the in-memory
   * calendar takes the year at once and gives it back if the transaction does not commit.
   */
  async set(ctx: RequestContext, input: WorkingCalendarYearSetInput): Promise<Outcome<WorkingCalendarYear>> {
    const problems = noticeProblems(input);
    if (problems.length) return { result: null, userErrors: problems };
    const data = calendarDataOf(input);
    const before = calendarYear(input.year);
    let committed = false;
    try {
      const outcome = await mutate(this.ds, ctx, async (em: EntityManager) => {
        const repo = em.getRepository(WorkingCalendarYear);
        const existing = await repo.findOne({ where: { year: input.year }, lock: { mode: 'pessimistic_write' } });
        if (existing && !input.replace) {
          refuse(UserErrorCode.DUPLICATE, `${input.year}年的节假日安排已录入（${existing.documentNumber}）；如需替换，请设 replace 为 true`, [
            'input',
            'replace',
          ]);
        }
        await repo.save(
          Object.assign(existing ?? repo.create({ year: input.year }), {
            title: data.source.title,
            documentNumber: data.source.documentNumber,
            issuedOn: data.source.issuedOn,
            url: data.source.url ?? null,
            holidays: data.holidays,
            makeupWorkdays: data.makeupWorkdays,
            source: WorkingCalendarSource.ENTERED,
          }),
        );
        setCalendarYear(input.year, data);
        await refreshAnswerDueDates(em);
        return repo.findOneOrFail({ where: { year: input.year } });
      });
      committed = outcome.result !== null;
      return outcome;
    } finally {
      if (!committed) setCalendarYear(input.year, before);
    }
  }
}
