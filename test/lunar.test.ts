import data from '../src/common/prc-holidays.json';
import { daysBetween, weekday } from '../src/common/dates';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarHolidays, lunarNewYear, lunarToSolar, qingming } from '../src/common/lunar';
import { addWorkingDays, provisionalWorkingDay } from '../src/common/working-days';

const years = data.years as Record<string, { holidays: { name: string; from: string; to: string }[] }>;

describe('the lunar holidays', () => {
  // Table-driven against the notices in the data file: each computed 春节/清明/端午/中秋 day lies in the notice's range of that name.
  const cases = Object.entries(years).flatMap(([y, year]) =>
    lunarHolidays(Number(y)).map((h) => [y, h.name, h.dates, year.holidays.find((n) => n.name === h.name)] as const),
  );
  it.each(cases)('%s %s: %j falls within the notice', (_y, name, dates, notice) => {
    expect(notice).toBeDefined();
    for (const d of dates) expect(d >= notice!.from && d <= notice!.to).toBe(true);
  });

  it('places 春节 between 21 January and 20 February, and the lunar year runs 353 to 385 days, every year 1900–2100', () => {
    for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) {
      const d = lunarNewYear(y);
      expect(d >= `${y}-01-21` && d <= `${y}-02-20`).toBe(true);
      if (y < LUNAR_LAST_YEAR) expect(daysBetween(d, lunarNewYear(y + 1))).toBeGreaterThanOrEqual(353);
      if (y < LUNAR_LAST_YEAR) expect(daysBetween(d, lunarNewYear(y + 1))).toBeLessThanOrEqual(385);
    }
  });

  it('places 端午 (5/5) from 27 May to 25 June, 中秋 (8/15) from 7 September to 8 October, 清明 on 4 or 5 April (2000–2099)', () => {
    for (let y = 2000; y <= 2099; y++) {
      const dw = lunarToSolar(y, 5, 5);
      const zq = lunarToSolar(y, 8, 15);
      expect(dw >= `${y}-05-27` && dw <= `${y}-06-25`).toBe(true);
      expect(zq >= `${y}-09-07` && zq <= `${y}-10-08`).toBe(true);
      expect([`${y}-04-04`, `${y}-04-05`]).toContain(qingming(y));
    }
  });

  it('leaves the lunar holidays out of a provisional year', () => {
    const [spring, qm, dw, zq] = lunarHolidays(2027);
    for (const d of [...spring.dates, ...qm.dates, ...dw.dates, ...zq.dates]) if (![0, 6].includes(weekday(d))) expect(provisionalWorkingDay(d)).toBe(false);
    // 2027: 端午 falls on Wednesday 9 June; from Tuesday 8 June one working day is Thursday 10 June.
    expect(dw.dates).toEqual(['2027-06-09']);
    expect(addWorkingDays('2027-06-08', 1, { provisional: true })).toBe('2027-06-10');
  });
});
