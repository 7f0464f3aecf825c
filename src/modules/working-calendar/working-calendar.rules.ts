import { addDays, weekday, yearOf } from '../../common/dates';
import { isCalendarDate } from '../../common/formats';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import type { CalendarYearData } from '../../common/working-days';
import type { WorkingCalendarYearSetInput } from './working-calendar.inputs';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Every problem of one year's notice as entered (《全国年节及纪念日放假办法》, 国务院办公厅每年通知):
 * the year 1900–2100, title and document number given, dates real, every holiday and make-up
 * day within that year, ranges ordered and not overlapping, make-up days on a Saturday or Sunday,
 * no day both holiday and make-up day, no day listed twice. Each names its field.
 */
export function noticeProblems(input: WorkingCalendarYearSetInput): UserError[] {
  const errors: UserError[] = [];
  const bad = (code: UserErrorCode, message: string, ...field: (string | number)[]) => errors.push(userError(code, message, ['input', ...field.map(String)]));
  const { year } = input;
  // The dates are checked against the year: without a valid one, that is the only problem told.
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return [userError(UserErrorCode.OUT_OF_RANGE, '年度须为1900至2100之间的整数', ['input', 'year'])];
  if (!text(input.title)) bad(UserErrorCode.REQUIRED, '通知标题不能为空', 'title');
  else if (text(input.title).length > 200) bad(UserErrorCode.TOO_LONG, '通知标题不能超过200个字符', 'title');
  if (!text(input.documentNumber)) bad(UserErrorCode.REQUIRED, '文号不能为空', 'documentNumber');
  else if (text(input.documentNumber).length > 100) bad(UserErrorCode.TOO_LONG, '文号不能超过100个字符', 'documentNumber');
  if (!isCalendarDate(input.issuedOn)) bad(UserErrorCode.INVALID, '发布日期须为真实日期（YYYY-MM-DD）', 'issuedOn');
  const url = text(input.url);
  if (url && (!/^https?:\/\/\S+$/.test(url) || url.length > 2000)) bad(UserErrorCode.INVALID, '通知网址须为 http 或 https 地址', 'url');
  if (input.holidays.length === 0) bad(UserErrorCode.REQUIRED, '至少须有一项放假安排', 'holidays');
  const inYear = (d: string) => isCalendarDate(d) && yearOf(d) === year;
  const holidayDays = new Map<string, number>();
  input.holidays.forEach((h, i) => {
    if (!text(h.name)) bad(UserErrorCode.REQUIRED, '节日名称不能为空', 'holidays', i, 'name');
    let ok = true;
    for (const key of ['from', 'to'] as const) {
      if (!isCalendarDate(h[key])) {
        bad(UserErrorCode.INVALID, `${key === 'from' ? '起始日' : '截止日'}须为真实日期（YYYY-MM-DD）`, 'holidays', i, key);
        ok = false;
      } else if (!inYear(h[key])) {
        bad(UserErrorCode.OUT_OF_RANGE, `${key === 'from' ? '起始日' : '截止日'}须在${year}年内`, 'holidays', i, key);
        ok = false;
      }
    }
    if (!ok) return;
    if (h.from > h.to) return void bad(UserErrorCode.INVALID, '截止日不能早于起始日', 'holidays', i, 'to');
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
      if (holidayDays.has(d)) return void bad(UserErrorCode.DUPLICATE, `${d} 已在第${holidayDays.get(d)! + 1}项放假安排中`, 'holidays', i, 'from');
      holidayDays.set(d, i);
    }
  });
  const makeup = new Set<string>();
  input.makeupWorkdays.forEach((m, i) => {
    if (!isCalendarDate(m.date)) return void bad(UserErrorCode.INVALID, '调休上班日须为真实日期（YYYY-MM-DD）', 'makeupWorkdays', i, 'date');
    // The notice for a year may set make-up days in the last days of December of the year before.
    if (!inYear(m.date) && !(yearOf(m.date) === year - 1 && m.date.slice(5) >= '12-25')) {
      return void bad(UserErrorCode.OUT_OF_RANGE, `调休上班日须在${year}年内（或${year - 1}年12月末）`, 'makeupWorkdays', i, 'date');
    }
    if (![0, 6].includes(weekday(m.date))) return void bad(UserErrorCode.INVALID, `${m.date} 不是周六或周日，不能作为调休上班日`, 'makeupWorkdays', i, 'date');
    if (holidayDays.has(m.date)) return void bad(UserErrorCode.INVALID, `${m.date} 既是放假日又是调休上班日`, 'makeupWorkdays', i, 'date');
    if (makeup.has(m.date)) return void bad(UserErrorCode.DUPLICATE, `${m.date} 重复列出`, 'makeupWorkdays', i, 'date');
    makeup.add(m.date);
  });
  return errors;
}

/** The in-memory calendar's shape of a checked input. */
export function calendarDataOf(input: WorkingCalendarYearSetInput): CalendarYearData {
  return {
    source: { title: text(input.title), documentNumber: text(input.documentNumber), issuedOn: input.issuedOn, url: text(input.url) || null },
    holidays: input.holidays.map((h) => ({ name: text(h.name), from: h.from, to: h.to })),
    makeupWorkdays: input.makeupWorkdays.map((m) => ({ date: m.date, for: text(m.for) || undefined })),
  };
}
