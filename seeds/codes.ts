import { creditCodeCheckChar } from '../src/modules/organization';

/** 宿迁市宿城区 administrative division code (GB/T 2260). */
export const SUCHENG_DIVISION = '321302';

/** GB 11714 organisation code (组织机构代码): 8 characters and a check character. */
export function organizationCode(serial: number): string {
  const body = String(serial).padStart(8, '0');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/**
 * A demo 统一社会信用代码 that passes GB 32100: registration authority 1 (机构编制),
 * category 1 (机关) or 2 (事业单位), the district's division code, an organisation code.
 */
export function demoCreditCode(category: '11' | '12', serial: number): string {
  const first17 = category + SUCHENG_DIVISION + organizationCode(serial);
  return first17 + creditCodeCheckChar(first17);
}
