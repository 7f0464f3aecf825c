import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { isUuid } from './formats';
import { textProblem } from './text';

/** Where a page stands in its list (the GraphQL PageInfo type has this shape). */
export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** The page arguments of a connection field. */
export interface PageArgs {
  first?: number;
  after?: string;
  /** false when the caller's query does not read the total: nothing is counted. */
  countTotal?: boolean;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfoShape;
  cursors: string[];
}

/** The ordering of a keyset page: a SQL expression and how to read the same value off a row; the id breaks ties. */
export interface SortKey<T> {
  expression: string;
  value: (row: T) => string | number | null;
  /** Whether a value read off a cursor can be compared with the expression (e.g. a calendar date). */
  valid?: (value: unknown) => boolean;
}

export const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** A value a cursor may carry: a finite number or a short, clean text. */
const cursorValue = (x: unknown) => (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= 500 && textProblem(x) === null);

/**
 * The values a cursor carries; BAD_USER_INPUT on anything that is not a cursor made here: not
 * base64url JSON, a value that is not a number or clean text, or one that fails `valid` (by
 * default: a value and a uuid).
 */
export function decodeCursor<T extends unknown[] = [string | number, string]>(
  cursor: string,
  valid: (values: unknown[]) => boolean = (v) => v.length === 2 && typeof v[1] === 'string' && isUuid(v[1]),
): T {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.every((x) => x === null || cursorValue(x)) && valid(v)) return v as T;
  } catch {
    /* falls through */
  }
  throw badInput('after', '分页游标无效');
}

/** The page size of a connection asked without `first`. */
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | undefined, max: number): number {
  if (first === undefined || first === null) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput('first', `每页条数 first 须在 1 到 ${max} 之间`);
  return first;
}

/**
 * A page from the rows a keyset query returned (at most size + 1: one more than the page tells
 * that there is a next page), each row's cursor, and the total of the whole filtered set.
 */
export function pageOf<R, T = R>(
  rows: R[],
  size: number,
  after: string | null | undefined,
  totalCount: number,
  cursorOf: (row: R) => unknown[],
  toNode: (row: R) => T = (row) => row as unknown as T,
): Page<T> {
  const kept = rows.slice(0, size);
  const cursors = kept.map((r) => encodeCursor(cursorOf(r)));
  return {
    nodes: kept.map(toNode),
    totalCount,
    cursors,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
}

/**
 * One keyset page of a filtered query: the rows after the cursor, ordered by the sort key then id,
 * and unless `args.countTotal` is false the count of the whole filtered set, as a scalar subquery
 * of the same statement. One statement whatever the page or table size (a second only for an
 * empty page after a cursor, whose total no row carries). Without a count, totalCount is NaN:
 * only a query that does not read it gets there.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: SortKey<T>,
  maxPageSize: number,
): Promise<Page<T>> {
  const size = pageSize(args.first, maxPageSize);
  const alias = qb.alias;
  const pageQb = qb.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after, (v) => v.length === 2 && typeof v[1] === 'string' && isUuid(v[1]) && (sort.valid ?? (() => true))(v[0]));
    pageQb.andWhere(`(${sort.expression}, ${alias}.id) > (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
  }
  pageQb
    .orderBy(sort.expression, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(size + 1);
  if (args.countTotal === false) return pageOf(await pageQb.getMany(), size, args.after, NaN, (n) => [sort.value(n), n.id]);
  // The same builder's SQL, its alias shadowing the outer one; its named parameters are the outer query's.
  const countSql = qb.clone().select(`count(DISTINCT ${alias}.id)`).orderBy().getQuery();
  const { entities, raw } = await pageQb.addSelect(`(${countSql})::int`, 'page_total_count').getRawAndEntities();
  const totalCount = raw.length ? Number(raw[0].page_total_count) : args.after ? await qb.clone().getCount() : 0;
  return pageOf(entities, size, args.after, totalCount, (n) => [sort.value(n), n.id]);
}
