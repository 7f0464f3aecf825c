/** Formats the hub checks in more than one layer: ids, calendar dates, instants. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the canonical form PostgreSQL's uuid type prints. */
export const isUuid = (s: string) => UUID.test(s);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD in form, whether or not the calendar has that day. */
export const isDateShaped = (s: string) => DATE.test(s);

/** Why `s` is not a calendar date, in Chinese for messages: a day the calendar lacks (2026-02-30) or a wrong form. */
export function calendarDateProblem(s: string): string | null {
  if (isCalendarDate(s)) return null;
  return isDateShaped(s) ? `日期不存在：${s}（该月没有这一天）` : `日期格式无效：${s}（应为 YYYY-MM-DD）`;
}

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Years an instant may fall in: PostgreSQL has no year 0000, and the hub's dates are all in these. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

/** An RFC 3339 instant (as a cursor or the hub itself writes them) within FIRST_YEAR..LAST_YEAR. */
export function isInstant(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(s)) return false;
  const year = new Date(s).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
