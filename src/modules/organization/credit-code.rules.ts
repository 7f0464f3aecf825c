/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set without I, O, Z, S, V.
 *   1    登记管理部门代码  1 5 9 Y
 *   2    机构类别代码
 *   3-8  登记管理机关行政区划码 (digits)
 *   9-17 主体标识码 (组织机构代码, GB 11714)
 *   18   校验码: 31 − (Σ value·weight mod 31), 31 → 0
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration-authority code → the institution-category codes it may issue (GB 32100 table 1). */
const CATEGORIES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '123459', // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级、村级、乡镇级集体经济组织, 其他
  Y: '1', // 其他登记管理部门
};

export type CreditCodeProblem = 'LENGTH' | 'CHARSET' | 'STRUCTURE' | 'CHECK';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** null when the code is valid, else what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'LENGTH';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'CHARSET';
  const categories = CATEGORIES[code[0]];
  if (!categories || !categories.includes(code[1]) || !/^\d{6}$/.test(code.slice(2, 8))) return 'STRUCTURE';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'CHECK';
  return null;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  LENGTH: '统一社会信用代码应为18位',
  CHARSET: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  STRUCTURE: '统一社会信用代码的登记管理部门代码、机构类别代码或行政区划码不符合 GB 32100',
  CHECK: '统一社会信用代码校验位错误',
};
