import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

function stringLiteral(name: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} 须为字符串`, { extensions: { code: 'BAD_USER_INPUT' } });
  return ast.value;
}

const DECIMAL = /^-?(0|[1-9]\d{0,17})(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof s !== 'string' || !DECIMAL.test(s)) {
    throw new GraphQLError(`金额格式无效：${String(value)}（应为十进制数字字符串，最多4位小数）`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return s;
}

/** Money and other exact numbers: a decimal string on the wire, numeric in SQL, never a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: '十进制数（字符串）— exact decimal number as a string, e.g. "1250000.00"; money is in yuan',
  serialize: (v) => String(v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : stringLiteral('Decimal', ast)),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the canonical form PostgreSQL's uuid type prints. */
export const isUuid = (s: string) => UUID.test(s);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`日期格式无效：${String(value)}（应为 YYYY-MM-DD）`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar date without time or zone (the Asia/Shanghai calendar), e.g. "2027-09-30". */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期 — calendar date YYYY-MM-DD (Asia/Shanghai calendar)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(stringLiteral('Date', ast)),
});

/** Years an instant may fall in: PostgreSQL has no year 0000, and the hub's dates are all in these. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

/** An RFC 3339 instant (as a cursor or the hub itself writes them) within FIRST_YEAR..LAST_YEAR. */
export function isInstant(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(s)) return false;
  const year = new Date(s).getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const dateTime = DateTimeResolver.toConfig();

function inRange(d: Date): Date {
  const year = d.getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new GraphQLError(`时刻超出范围：年份须在 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return d;
}

/** An instant, RFC 3339 with offset, in the years FIRST_YEAR..LAST_YEAR. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  description: '时刻 — an instant, RFC 3339 with offset, e.g. 2027-03-01T09:30:00+08:00 (served in UTC), years 1900–9999',
  parseValue: (v) => inRange(dateTime.parseValue!(v) as Date),
  parseLiteral: (ast, vars) => inRange(dateTime.parseLiteral!(ast, vars) as Date),
});

export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
