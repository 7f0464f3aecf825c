/*
 * Calendar dates as 'YYYY-MM-DD' strings of the Asia/Shanghai calendar (UTC+8 all year, no
 * daylight saving since 1991). Pure functions: no clock, no zone database.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Milliseconds of a date's UTC midnight; throws on anything but a real 'YYYY-MM-DD' date. */
function toUtc(date: string): number {
  const m = DATE.exec(date);
  const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || new Date(t).getUTCMonth() !== +m[2] - 1 || new Date(t).getUTCDate() !== +m[3]) {
    throw new RangeError(`not a calendar date YYYY-MM-DD: ${String(date)}`);
  }
  return t;
}

const fromUtc = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function assertDate(date: string): void {
  toUtc(date);
}

export const yearOf = (date: string): number => new Date(toUtc(date)).getUTCFullYear();

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(toUtc(date)).getUTCDay();

export const addDays = (date: string, n: number): string => fromUtc(toUtc(date) + n * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** Adds calendar months, clamped to the month's end: 2026-01-31 + 1 month = 2026-02-28 (as PostgreSQL's date + interval). */
export function addMonths(date: string, n: number): string {
  const d = new Date(toUtc(date));
  const month = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(d.getUTCFullYear(), month, Math.min(d.getUTCDate(), lastDay)));
}

/** The SQL twin of addMonths, on a date expression: PostgreSQL's date + interval clamps to the month's end the same way. */
export const addMonthsSql = (date: string, n: number): string => {
  if (!Number.isInteger(n)) throw new RangeError(`addMonthsSql: not a whole number of months: ${n}`);
  return `(${date} + interval '${n} months')::date`;
};

/** The Asia/Shanghai calendar date of an instant. */
export const shanghaiDateOf = (at: Date): string => fromUtc(at.getTime() + SHANGHAI_OFFSET_MS);
