import type { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, SelectionSetNode } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Look-ahead, as PostGraphile does it: a resolver reads the fields asked under it and fetches the
 * whole subtree in one statement, PostgreSQL building each child list as JSON (`jsonb_agg`); the
 * children are then primed into the request's DataLoaders, so their own resolvers (and rules) run
 * unchanged without another round trip.
 */

/** The names of the fields selected directly under the field being resolved (through fragments too). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') out.add(s.name.value);
      else if (s.kind === 'InlineFragment') walk(s.selectionSet);
      else walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return out;
}

/** An entity from the JSON PostgreSQL made of its row (`to_jsonb(alias)`), each column hydrated as TypeORM hydrates it. */
export function fromJsonRow<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>, json: Record<string, unknown>): T {
  const meta = ds.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    const value = json[column.databaseName];
    if (value === undefined || (column.relationMetadata && column.propertyName === column.relationMetadata.propertyName)) continue;
    column.setEntityValue(entity, ds.driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/** The names of the fields selected at `path` under the field being resolved (e.g. ['edges', 'node']), through fragments too. */
export function selectedAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, rest: string[]) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (rest.length === 0) out.add(s.name.value);
        else if (s.name.value === rest[0]) walk(s.selectionSet, rest.slice(1));
      } else if (s.kind === 'InlineFragment') walk(s.selectionSet, rest);
      else walk(info.fragments[s.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, path);
  return out;
}

/**
 * The columns a look-ahead row must carry for the fields `asked` of GraphQL type `typeName`: the
 * primary key and foreign keys (unless `keys` is false), `always`, and each asked plain field's
 * column — or null (the whole row) when a field is asked that a resolver of its own computes
 * (`allowed` lists those the caller handles itself), since such a resolver may read any column.
 * A leaf of the look-ahead (an entry's data items, interfaces, provider) whose selection is plain
 * fields only is read by graphql-js's default resolver alone, so it needs no keys: S1's 13,000 data
 * items and 3,300 interfaces carried two or three UUIDs each that nothing read, about half of the
 * statement's JSON.
 */
export function columnsFor(
  ds: DataSource,
  target: EntityTarget<ObjectLiteral>,
  schema: GraphQLSchema,
  typeName: string,
  asked: Set<string>,
  always: string[] = [],
  allowed: Set<string> = new Set(),
  keys = true,
): string[] | null {
  const meta = ds.getMetadata(target);
  const type = schema.getType(typeName) as GraphQLObjectType;
  const fields = type.getFields();
  const cols = new Set<string>(always);
  if (keys) for (const c of meta.columns) if (c.isPrimary || c.propertyName.endsWith('Id')) cols.add(c.databaseName);
  for (const name of asked) {
    if (name === '__typename' || allowed.has(name)) continue;
    const column = meta.columns.find((c) => c.propertyName === name && c.isSelect);
    if (!fields[name] || fields[name].resolve || !column) return null;
    cols.add(column.databaseName);
  }
  return [...cols].sort();
}

/**
 * Column types whose JSON value (`jsonb_build_object` of the column) is already what TypeORM's
 * hydration makes of the column as pg returns it: text, uuid, int4, boolean, string enums, a date as
 * 'YYYY-MM-DD', arrays and jsonb. Any other type (timestamps, numeric, bigint…) or a column with a
 * transformer goes through `prepareHydratedValue` as before.
 */
const AS_IS = new Set(['uuid', 'character varying', 'varchar', 'text', 'integer', 'int', 'int4', 'smallint', 'boolean', 'date', 'jsonb', 'json']);
const asIs = (c: ColumnMetadata) =>
  !c.transformer &&
  (AS_IS.has(String(c.type)) || c.type === Boolean || (c.type === 'enum' && !c.isArray && !(c.enum ?? []).some((v) => typeof v === 'number')));

/** A column of an entity's own row (not the relation object a bare foreign-key property would stand for). */
const ownColumn = (c: ColumnMetadata) => c.isSelect && !(c.relationMetadata && c.propertyName === c.relationMetadata.propertyName);

/**
 * SQL: the JSON object of row `alias` of `target` as the GraphQL resolvers read it: keyed by the
 * entities' property names (`resourceId`, not `resource_id`), only `columns` (database names, as
 * `columnsFor` gives them) or else every selectable column. With `plainFromJson` it stands in for an
 * entity without hydrating one, as PostGraphile hands PostgreSQL's JSON to graphql-js. It is `json`,
 * not `jsonb`: PostgreSQL writes `json` straight out as text, where `jsonb` is built as a tree and
 * printed again (S1's look-ahead statement took 230-290 ms with `json` against 480-550 ms with
 * `jsonb` in psql at load 18).
 */
export function entityJson(ds: DataSource, target: EntityTarget<ObjectLiteral>, alias: string, columns: string[] | null): string {
  const meta = ds.getMetadata(target);
  const chosen = meta.columns.filter((c) => ownColumn(c) && (!columns || columns.includes(c.databaseName)));
  const pairs = chosen.map((c) => `'${c.propertyName}', ${alias}.${c.databaseName}`);
  if (pairs.length <= 50) return `json_build_object(${pairs.join(', ')})`;
  // json_build_object takes at most 100 arguments: a wider row is joined from jsonb pieces.
  const pieces: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) pieces.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  return `(${pieces.join(' || ')})::json`;
}

/** Per data source and entity: the columns to convert and the prototype (looked up once, not per object: `getMetadata` is a search). */
const readers = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, { cols: ColumnMetadata[]; proto: object }>>();
function readerOf(ds: DataSource, target: EntityTarget<ObjectLiteral>) {
  let byTarget = readers.get(ds);
  if (!byTarget) readers.set(ds, (byTarget = new Map()));
  let reader = byTarget.get(target);
  if (!reader) {
    const meta = ds.getMetadata(target);
    reader = { cols: meta.columns.filter((c) => ownColumn(c) && !asIs(c)), proto: (meta.target as { prototype: object }).prototype };
    byTarget.set(target, reader);
  }
  return reader;
}

/**
 * The object `entityJson` made, as the resolvers read an entity: the same object with the entity's
 * class as its prototype (type-graphql hands a resolver's `@Root()` on as it is only when it is an
 * instance; otherwise it copies it into a new one, and the children `attachAhead` put on the
 * original would be lost), and only the columns whose JSON differs from their hydrated value (a
 * timestamp's text becomes a Date) converted in place. No constructor runs and no column is
 * prepared one by one, as TypeORM's hydration does.
 */
export function plainFromJson<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>, json: Record<string, unknown>): T {
  const { cols, proto } = readerOf(ds, target);
  for (const c of cols) {
    const value = json[c.propertyName];
    if (value !== undefined) json[c.propertyName] = ds.driver.prepareHydratedValue(value, c);
  }
  return Object.setPrototypeOf(json, proto) as T;
}

/**
 * Children a look-ahead read fetched for one object, for that object's field resolvers only: they
 * may carry just the columns that selection asked for, so they are never primed into a request's
 * shared DataLoaders, where another selection could read them. They sit under a symbol of the
 * object (a property assignment, not a WeakMap entry per object: S1 attaches three lists to each of
 * 1,650 entries), which JSON, `Object.keys` and GraphQL never see; a copy of the object (type-graphql
 * copies a root that is not an instance of its class) carries them along, being the same entry.
 */
const AHEAD = Symbol('look-ahead children');
type WithAhead = { [AHEAD]?: Record<string, unknown> };
export function attachAhead(parent: object, field: string, value: unknown): void {
  ((parent as WithAhead)[AHEAD] ??= {})[field] = value;
}
/** What a look-ahead read attached to `parent` for `field`; `undefined` when nothing was. */
export const aheadOf = <T>(parent: object, field: string): T | undefined => (parent as WithAhead)[AHEAD]?.[field] as T | undefined;
