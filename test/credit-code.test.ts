import { creditCodeCheckChar, creditCodeProblem } from '../src/modules/organization';
import { demoCreditCode, organizationCode } from '../seeds/codes';
import { DEMO_ORGANIZATIONS } from '../seeds/organizations';

describe('统一社会信用代码 (GB 32100)', () => {
  it.each(['91350200776049653A', '123502001549897397'])('accepts the registered code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character, with 31 → 0', () => {
    expect(creditCodeCheckChar('91350200776049653')).toBe('A');
    expect(creditCodeCheckChar('12350200154989739')).toBe('7');
    // Some 17-character body has sum ≡ 0 (mod 31): its check character is 0, not the 32nd.
    const zero = Array.from({ length: 5000 }, (_, i) => `9132130${String(i).padStart(10, '0')}`).find((b) => creditCodeCheckChar(b) === '0');
    expect(zero).toBeDefined();
  });

  it.each([
    ['91350200776049653B', 'CHECK'],
    ['123502001549897391', 'CHECK'],
    ['91350200776049653', 'LENGTH'],
    ['91350200776049653AA', 'LENGTH'],
    ['91350200776O49653A', 'CHARSET'],
    ['9135020077604965IA', 'CHARSET'],
    ['91350200776049653a', 'CHARSET'],
    ['B1350200776049653A', 'STRUCTURE'],
    ['97350200776049653A', 'STRUCTURE'],
    ['9135X200776049653A', 'STRUCTURE'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('every seeded organisation has a valid code and a valid GB 11714 organisation code inside it', () => {
    for (const o of DEMO_ORGANIZATIONS) expect(creditCodeProblem(o.creditCode)).toBeNull();
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.creditCode)).size).toBe(DEMO_ORGANIZATIONS.length);
    // GB 11714 worked example: 12345678 → check 8
    expect(organizationCode(12345678)).toBe('123456788');
    expect(demoCreditCode('11', 1)).toMatch(/^11321302/);
  });
});
