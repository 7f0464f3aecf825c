/**
 * graphql-js and Apollo answer malformed requests in English; the hub answers in Chinese (the
 * stable code is kept). Each pattern is one message graphql-js (16) or Apollo Server (5) writes for
 * a bad scalar, enum, missing value or operation; a message already in Chinese (the hub's own
 * scalars) is kept, and one no pattern knows is prefixed, so the client always reads Chinese.
 */
type Rule = [RegExp, (m: RegExpExecArray) => string];

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
const suggestion = (s: string | undefined) => (s ? `（是否为 ${s.replace(/"/g, '').replace(/\?$/, '')}？）` : '');

const RULES: Rule[] = [
  [/^Variable "\$(\w+)" got invalid value (.*?) at "([^"]+)"; ([\s\S]*)$/, (m) => `变量 $${m[1]} 中 ${m[3]} 的取值 ${m[2]} 无效：${translate(m[4])}`],
  [/^Variable "\$(\w+)" got invalid value (.*?); ([\s\S]*)$/, (m) => `变量 $${m[1]} 的取值 ${m[2]} 无效：${translate(m[3])}`],
  [/^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/, (m) => `缺少必填变量 $${m[1]}（类型 ${m[2]}）`],
  [/^Variable "\$(\w+)" of non-null type "(.+)" must not be null\.$/, (m) => `变量 $${m[1]}（类型 ${m[2]}）不能为 null`],
  [/^Field "(\w+)" of required type "(.+)" was not provided\.$/, (m) => `缺少必填字段 ${m[1]}（类型 ${m[2]}）`],
  [/^Field "(\w+)" is not defined by type "(\w+)"\.(?: Did you mean (.+))?$/, (m) => `类型 ${m[2]} 没有字段 ${m[1]}${suggestion(m[3])}`],
  [/^Value "(.*)" does not exist in "(\w+)" enum\.(?: Did you mean the enum value (.+))?$/, (m) => `「${m[1]}」不是枚举 ${m[2]} 的取值${suggestion(m[3])}`],
  [
    /^Enum "(\w+)" cannot represent non-enum value: (.*?)\.(?: Did you mean the enum value (.+))?$/,
    (m) => `${m[2]} 不是枚举 ${m[1]} 的取值${suggestion(m[3])}`,
  ],
  [/^Enum "(\w+)" cannot represent value: (.*)$/, (m) => `${m[2]} 不是枚举 ${m[1]} 的取值`],
  [/^Int cannot represent non-integer value: (.*)$/, (m) => `${m[1]} 不是整数`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/, (m) => `${m[1]} 超出 32 位整数的范围`],
  [/^Float cannot represent non numeric value: (.*)$/, (m) => `${m[1]} 不是数字`],
  [/^String cannot represent a non string value: (.*)$/, (m) => `${m[1]} 不是字符串`],
  [/^Boolean cannot represent a non boolean value: (.*)$/, (m) => `${m[1]} 不是布尔值`],
  [/^ID cannot represent value: (.*)$/, (m) => `${m[1]} 不是有效的 ID`],
  [/^Expected value of type "(.+?)", found (.+?)(?:; ([\s\S]*))?\.?$/, (m) => `取值 ${m[2]} 不符合类型 ${m[1]}${m[3] ? `：${translate(m[3])}` : ''}`],
  [/^Expected type "(.+?)" to be an object\.$/, (m) => `取值须为 ${m[1]} 类型的对象`],
  [/^Cannot query field "(\w+)" on type "(\w+)"\.(?: Did you mean (.+))?$/, (m) => `类型 ${m[2]} 没有字段 ${m[1]}${suggestion(m[3])}`],
  [/^Unknown argument "(\w+)" on field "([\w.]+)"\.(?: Did you mean (.+))?$/, (m) => `字段 ${m[2]} 没有参数 ${m[1]}${suggestion(m[3])}`],
  [/^Can only perform a (\w+) operation from a POST request\.$/, (m) => `${m[1] === 'mutation' ? '变更（mutation）' : m[1]}操作只能通过 POST 请求执行`],
  [
    /^GET requests only support query operations, not (\w+) operations$/,
    (m) => `GET 请求只能执行查询（query），${m[1] === 'mutation' ? '变更（mutation）' : m[1]}须用 POST`,
  ],
  [/^Syntax Error: ([\s\S]*)$/, (m) => `查询语法错误：${m[1]}`],
];

/** The message in Chinese: as the hub wrote it, translated by a known pattern, or prefixed. */
export function translate(message: string): string {
  for (const [pattern, render] of RULES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return hasChinese(message) ? message : `请求无效：${message}`;
}
