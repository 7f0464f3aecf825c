import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { calendarDateProblem, FIRST_YEAR, LAST_YEAR } from '../common/formats';

export { isCalendarDate, isInstant, isUuid } from '../common/formats';

function stringLiteral(name: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} 须为字符串`, { extensions: { code: 'BAD_USER_INPUT' } });
  return ast.value;
}

const DECIMAL = /^-?(0|[1-9]\d{0,17})(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof s !== 'string' || !DECIMAL.test(s)) {
    // The amounts are yuan to the fen (project.rules moneyProblems): the message states that rule.
    throw new GraphQLError(`金额格式无效：${String(value)}（应为十进制数字字符串，单位元，最多两位小数，如 "1250000.00"）`, {
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

function parseDate(value: unknown): string {
  // A day the calendar lacks (2026-02-30) is said so, not called a wrong format.
  const problem = typeof value === 'string' ? calendarDateProblem(value) : `日期格式无效：${String(value)}（应为 YYYY-MM-DD）`;
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT' } });
  return value as string;
}

/** A calendar date without time or zone (the Asia/Shanghai calendar), e.g. "2027-09-30". */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期 — calendar date YYYY-MM-DD (Asia/Shanghai calendar)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(stringLiteral('Date', ast)),
});

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
