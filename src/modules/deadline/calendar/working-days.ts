import data from './prc-holidays.json';
import { addDays, assertDate, daysBetween, weekday, yearOf } from './dates';

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
  url: string;
}

interface YearData {
  source: NoticeSource;
  holidays: { name: string; from: string; to: string; days: number }[];
  makeupWorkdays: { date: string; for: string }[];
}

/** A working-day computation needed a year whose holiday notice is not in the calendar. */
export class CalendarUnavailableError extends Error {
  constructor(readonly year: number) {
    super(`${year}年节假日安排（国务院办公厅关于${year}年部分节假日安排的通知）尚未录入工作日历，无法计算工作日`);
  }
}

const years = new Map<number, YearData>();
const holidays = new Set<string>();
const makeupWorkdays = new Set<string>();

/** Loads and checks the data file once: every date real, ranges as long as they say, make-up days on weekends. */
function load(all: Record<string, YearData>): void {
  for (const [key, year] of Object.entries(all)) {
    const y = Number(key);
    for (const h of year.holidays) {
      if (daysBetween(h.from, h.to) + 1 !== h.days || yearOf(h.from) !== y) throw new Error(`prc-holidays.json ${key}: bad range ${h.name} ${h.from}..${h.to}`);
      for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidays.add(d);
    }
    for (const m of year.makeupWorkdays) {
      if (![0, 6].includes(weekday(m.date)) || holidays.has(m.date)) throw new Error(`prc-holidays.json ${key}: ${m.date} is no weekend make-up day`);
      makeupWorkdays.add(m.date);
    }
    years.set(y, year);
  }
}

load(data.years as Record<string, YearData>);

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
 * The date `n` working days after `date` (before it when n < 0); `date` itself is not counted,
 * so addWorkingDays(d, 0) is d. E.g. 国发〔2016〕51号's 10 working days to answer a request made on d.
 */
export function addWorkingDays(date: string, n: number): string {
  assertDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
