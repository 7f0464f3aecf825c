import data from './prc-holidays.json';
import { addDays, assertDate, daysBetween, weekday, yearOf } from './dates';
import { lunarHolidays } from './lunar';

/*
 * 工作日 — the working days of the PRC's official calendar: Monday to Friday, except the public
 * holidays (放假), plus the weekend days made working days (调休上班), as the State Council General
 * Office's yearly notice sets them (prc-holidays.json, with each notice's title, number and date).
 * A year without its notice is never guessed: asking about one of its dates throws
 * CalendarUnavailableError.
 */

export interface NoticeSource {
  title: string;
  documentNumber: string;
  issuedOn: string;
  url?: string | null;
}

export interface CalendarYearData {
  source: NoticeSource;
  holidays: { name: string; from: string; to: string; days?: number }[];
  makeupWorkdays: { date: string; for?: string }[];
}

/** A working-day computation needed a year whose holiday notice is not in the calendar. */
export class CalendarUnavailableError extends Error {
  constructor(readonly year: number) {
    super(`${year}年节假日安排（国务院办公厅关于${year}年部分节假日安排的通知）尚未录入工作日历，无法计算工作日`);
  }
}

const years = new Map<number, CalendarYearData>();
let holidays = new Set<string>();
let makeupWorkdays = new Set<string>();

/** Rebuilds the day sets from the years held. */
function rebuild(): void {
  const h = new Set<string>();
  const m = new Set<string>();
  for (const year of years.values()) {
    for (const r of year.holidays) for (let d = r.from; d <= r.to; d = addDays(d, 1)) h.add(d);
    for (const w of year.makeupWorkdays) m.add(w.date);
  }
  holidays = h;
  makeupWorkdays = m;
}

/** Checks the seed file's years once: every date real, ranges as long as they say, make-up days on weekends. */
function check(key: string, year: CalendarYearData): void {
  const y = Number(key);
  const days = new Set<string>();
  for (const h of year.holidays) {
    if ((h.days !== undefined && daysBetween(h.from, h.to) + 1 !== h.days) || yearOf(h.from) !== y)
      throw new Error(`prc-holidays.json ${key}: bad range ${h.name} ${h.from}..${h.to}`);
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.add(d);
  }
  for (const m of year.makeupWorkdays)
    if (![0, 6].includes(weekday(m.date)) || days.has(m.date)) throw new Error(`prc-holidays.json ${key}: ${m.date} is no weekend make-up day`);
}

/** The seed: the notices shipped in prc-holidays.json (loaded into the database's calendar at start when missing there). */
export const SEED_YEARS: ReadonlyMap<number, CalendarYearData> = new Map(
  Object.entries(data.years as Record<string, CalendarYearData>).map(([key, year]) => {
    check(key, year);
    return [Number(key), year];
  }),
);

/**
 * Puts one year's notice into this process's calendar (replacing what it held for that year), or
 * takes the year out with null. The caller has validated the data (working-calendar module).
 */
export function setCalendarYear(year: number, data: CalendarYearData | null): void {
  if (data) years.set(year, data);
  else years.delete(year);
  rebuild();
}

/** What this process's calendar holds for a year, or null. */
export const calendarYear = (year: number): CalendarYearData | null => years.get(year) ?? null;

for (const [y, year] of SEED_YEARS) years.set(y, year);
rebuild();

/** Years the calendar holds, ascending. */
export const calendarYears = (): number[] => [...years.keys()].sort((a, b) => a - b);

/** The notice a year's dates come from; null when the year is not in the calendar. */
export const calendarSource = (year: number): NoticeSource | null => years.get(year)?.source ?? null;

/** Is `date` ('YYYY-MM-DD', Asia/Shanghai calendar) a working day? Throws CalendarUnavailableError for a year without its notice. */
export function isWorkingDay(date: string): boolean {
  const year = yearOf(date);
  if (!years.has(year)) throw new CalendarUnavailableError(year);
  if (makeupWorkdays.has(date)) return true;
  if (holidays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The fixed-date statutory holidays of the 全国年节及纪念日放假办法 (元旦 1 January, 劳动节 1-2 May,
 * 国庆节 1-3 October), which hold in every year; the 调休 arrangements come only with each year's notice.
 */
const STATUTORY_FIXED = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

const lunarDays = new Map<number, Set<string>>();
/** The statutory lunar holidays of a year (春节 4 days, 清明节, 端午节, 中秋节), computed (common/lunar.ts). */
function lunarHolidaysOf(year: number): Set<string> {
  let days = lunarDays.get(year);
  if (!days) {
    days = new Set(lunarHolidays(year).flatMap((h) => h.dates));
    lunarDays.set(year, days);
  }
  return days;
}

/**
 * The provisional rule for a year whose notice is not in the calendar yet: Monday to Friday except
 * the statutory holidays, the fixed-date ones and the lunar ones as the lunisolar calendar places
 * them (no 调休, which only the notice sets). A due date computed with it is marked provisional and
 * recomputed once the notice is entered (refreshAnswerDueDates of the sharing-request module).
 */
export function provisionalWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !STATUTORY_FIXED.includes(date.slice(5)) && !lunarHolidaysOf(yearOf(date)).has(date);
}

/** True when every year from `from` to `to` has its notice in the calendar. */
export function calendarCovers(from: string, to: string): boolean {
  for (let y = Math.min(yearOf(from), yearOf(to)); y <= Math.max(yearOf(from), yearOf(to)); y++) if (!years.has(y)) return false;
  return true;
}

/**
 * The date `n` working days after `date` (before it when n < 0); `date` itself is not counted,
 * so addWorkingDays(d, 0) is d. E.g. 国发〔2016〕51号's 10 working days to answer a request made on d.
 * A year without its notice throws CalendarUnavailableError, unless `provisional` allows the
 * provisional rule for it (then check calendarCovers to know whether the answer is final).
 */
export function addWorkingDays(date: string, n: number, opts: { provisional?: boolean } = {}): string {
  assertDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    const working = opts.provisional && !years.has(yearOf(d)) ? provisionalWorkingDay(d) : isWorkingDay(d);
    if (working) left--;
  }
  return d;
}
