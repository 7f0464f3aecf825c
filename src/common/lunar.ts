import { addDays } from './dates';

/*
 * 农历 — the Chinese lunisolar calendar, 1900–2100, for the statutory lunar holidays (春节、清明节、
 * 端午节、中秋节 of the 全国年节及纪念日放假办法) of a year whose holiday notice is not entered yet.
 *
 * The data is the standard table of lunar month lengths (one number per lunar year from 1900,
 * the year whose 正月初一 is 31 January 1900): bits 15..4 say whether months 1..12 have 30 days
 * (else 29), bits 3..0 the leap month (0 = none), bit 16 whether the leap month has 30 days.
 * 清明 is a solar term (the sun at 15° longitude), by the standard formula for the 21st century.
 */
// prettier-ignore
const MONTHS = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920
  0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06aa0, 0x1a6c4, 0x0aae0, // 2050
  0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a4d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
];

export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = 2100;
const EPOCH = '1900-01-31'; // 正月初一 of lunar year 1900

const info = (y: number): number => MONTHS[y - LUNAR_FIRST_YEAR];
const leapMonth = (y: number): number => info(y) & 0xf;
const leapDays = (y: number): number => (leapMonth(y) ? (info(y) & 0x10000 ? 30 : 29) : 0);
const monthDays = (y: number, m: number): number => (info(y) & (0x10000 >> m) ? 30 : 29);
function yearDays(y: number): number {
  let sum = leapDays(y);
  for (let m = 1; m <= 12; m++) sum += monthDays(y, m);
  return sum;
}

const newYears = new Map<number, string>();

/** 正月初一 of lunar year `y` (which falls in January or February of the solar year y). */
export function lunarNewYear(y: number): string {
  if (!Number.isInteger(y) || y < LUNAR_FIRST_YEAR || y > LUNAR_LAST_YEAR)
    throw new RangeError(`lunar calendar covers ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR}: ${y}`);
  let d = newYears.get(y);
  if (!d) {
    d = EPOCH;
    for (let k = LUNAR_FIRST_YEAR; k < y; k++) d = addDays(d, yearDays(k));
    newYears.set(y, d);
  }
  return d;
}

/** The solar date of day `day` of (non-leap) month `month` of lunar year `y`. */
export function lunarToSolar(y: number, month: number, day: number): string {
  let offset = 0;
  for (let m = 1; m < month; m++) offset += monthDays(y, m);
  // A leap month follows the month it repeats.
  if (leapMonth(y) && leapMonth(y) < month) offset += leapDays(y);
  if (day < 1 || day > monthDays(y, month)) throw new RangeError(`lunar ${y}-${month} has no day ${day}`);
  return addDays(lunarNewYear(y), offset + day - 1);
}

/**
 * 清明 of solar year `y` (2000–2099): the day of April by the solar-term formula
 * [Y×D+C]−L with Y the year's last two digits, D = 0.2422, C = 4.81, L = [Y/4].
 */
export function qingming(y: number): string {
  if (y < 2000 || y > 2099) throw new RangeError(`清明 formula covers 2000–2099: ${y}`);
  const yy = y % 100;
  const day = Math.floor(yy * 0.2422 + 4.81) - Math.floor(yy / 4);
  return `${y}-04-${String(day).padStart(2, '0')}`;
}

/**
 * The statutory lunar holidays of solar year `y` (《全国年节及纪念日放假办法》, 2025年起): 春节
 * 4 days (除夕 and 正月初一 to 初三), 清明节, 端午节 (五月初五), 中秋节 (八月十五).
 */
export function lunarHolidays(y: number): { name: string; dates: string[] }[] {
  const spring = lunarNewYear(y);
  return [
    { name: '春节', dates: [addDays(spring, -1), spring, addDays(spring, 1), addDays(spring, 2)] },
    { name: '清明节', dates: [qingming(y)] },
    { name: '端午节', dates: [lunarToSolar(y, 5, 5)] },
    { name: '中秋节', dates: [lunarToSolar(y, 8, 15)] },
  ];
}
