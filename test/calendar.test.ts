/** The working-day calendar against the State Council General Office's notice for 2026 (国办发明电〔2025〕7号). */
import data from '../src/common/prc-holidays.json';
import { addDays, addMonths, daysBetween, shanghaiDateOf, weekday } from '../src/common/dates';
import { addWorkingDays, calendarCovers, calendarSource, calendarYears, CalendarUnavailableError, isWorkingDay } from '../src/common/working-days';

/** Every day of 2026 the notice gives off that would otherwise be a weekday, listed day by day apart from the file's ranges. */
const WEEKDAYS_OFF_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-23',
  '2026-04-06',
  '2026-05-01',
  '2026-05-04',
  '2026-05-05',
  '2026-06-19',
  '2026-09-25',
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
];

/** 调休上班: the weekend days the notice makes working days. */
const MAKEUP_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('the calendar data', () => {
  it('records the 2026 notice by title, number and date', () => {
    expect(calendarYears()).toEqual([2026]);
    expect(calendarSource(2026)).toMatchObject({
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      documentNumber: '国办发明电〔2025〕7号',
      issuedOn: '2025-11-04',
    });
  });

  it('says that the 2027 notice was not found, and holds no 2027 dates', () => {
    expect(calendarSource(2027)).toBeNull();
    expect(data.missing['2027'].title).toBe('国务院办公厅关于2027年部分节假日安排的通知');
    expect(JSON.stringify(data.years)).not.toContain('2027-');
  });

  it('has the 2025 rules: Spring Festival 4 statutory days (除夕 16 Feb to 初三 19 Feb) and Labour Day 2 (1 and 2 May) inside the holidays', () => {
    const spring = data.years['2026'].holidays.find((h) => h.name === '春节')!;
    expect([spring.from, spring.to, spring.days]).toEqual(['2026-02-15', '2026-02-23', 9]);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-05-01', '2026-05-02']) expect(isWorkingDay(d)).toBe(false);
  });
});

describe('isWorkingDay (2026)', () => {
  it('matches the notice on every day of the year', () => {
    const off = new Set(WEEKDAYS_OFF_2026);
    const makeup = new Set(MAKEUP_2026);
    let working = 0;
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      const weekend = [0, 6].includes(weekday(d));
      const expected = makeup.has(d) || (!weekend && !off.has(d));
      expect([d, isWorkingDay(d)]).toEqual([d, expected]);
      if (expected) working++;
    }
    // 261 weekdays − 19 weekdays off + 6 make-up weekend days.
    expect(working).toBe(248);
  });

  it('takes the make-up Saturdays and Sundays as working days', () => {
    expect(MAKEUP_2026.map((d) => [d, weekday(d)])).toEqual([
      ['2026-01-04', 0],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-05-09', 6],
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ]);
    for (const d of MAKEUP_2026) expect(isWorkingDay(d)).toBe(true);
  });

  it('refuses a date of a year without its notice rather than guessing', () => {
    expect(() => isWorkingDay('2027-01-04')).toThrow(CalendarUnavailableError);
    expect(() => isWorkingDay('2025-12-31')).toThrow('2025年节假日安排');
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Around 春节: Fri 13 Feb → Sat 14 Feb (make-up) → 15–23 Feb off → Tue 24 Feb …
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 10, '2026-03-05'], // Sat 14 and Sat 28 Feb (make-up) count, 15–23 Feb and Sun 1 Mar do not
    ['2026-02-14', 10, '2026-03-06'],
    ['2026-02-15', 1, '2026-02-24'],
    // Around 国庆: Sun 20 Sep (make-up) → 25–27 Sep 中秋 → 1–7 Oct off → Sat 10 Oct (make-up).
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-28', 10, '2026-10-16'],
    ['2026-09-27', 10, '2026-10-15'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    // Around 劳动节: 1–5 May off, Sat 9 May (make-up).
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-04-30', 4, '2026-05-09'],
    // Around 元旦: 1–3 Jan off, Sun 4 Jan (make-up).
    ['2026-01-01', 1, '2026-01-04'],
    // No holiday: two plain weeks.
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-12-17', 10, '2026-12-31'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-10-16', -10, '2026-09-28'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses a count that reaches a year without its notice', () => {
    expect(() => addWorkingDays('2026-12-18', 10)).toThrow(CalendarUnavailableError);
    const err = (() => {
      try {
        addWorkingDays('2026-12-31', 1);
      } catch (e) {
        return e as CalendarUnavailableError;
      }
    })();
    expect(err).toBeInstanceOf(CalendarUnavailableError);
    expect(err!.year).toBe(2027);
    expect(err!.message).toContain('国务院办公厅关于2027年部分节假日安排的通知');
    expect(() => addWorkingDays('2026-01-05', -2)).toThrow(CalendarUnavailableError);
  });

  it('counts provisionally, when asked, in a year without its notice: weekdays less the fixed-date statutory holidays', () => {
    expect(addWorkingDays('2026-12-18', 10, { provisional: true })).toBe('2027-01-04'); // 1 January skipped
    expect(addWorkingDays('2026-12-17', 10, { provisional: true })).toBe('2026-12-31'); // within 2026: the notice decides
    expect(addWorkingDays('2027-04-28', 3, { provisional: true })).toBe('2027-05-03'); // 1-2 May (statutory) fall on a weekend
    expect(addWorkingDays('2027-09-29', 3, { provisional: true })).toBe('2027-10-05'); // 1 October a Friday, 4 October Monday counts
    expect(calendarCovers('2026-12-18', '2026-12-31')).toBe(true);
    expect(calendarCovers('2026-12-18', '2027-01-04')).toBe(false);
  });

  it('refuses malformed arguments', () => {
    expect(() => addWorkingDays('2026/03/01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-01', 1.5)).toThrow(RangeError);
  });
});

describe('calendar dates (Asia/Shanghai)', () => {
  it('takes the Shanghai date of an instant', () => {
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(shanghaiDateOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-10-25', 1)).toBe('2026-11-25');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-09-28', '2026-10-16')).toBe(18);
    expect(daysBetween('2026-11-25', '2026-11-24')).toBe(-1);
  });
});
