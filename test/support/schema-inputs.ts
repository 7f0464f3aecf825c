/**
 * The schema's operations and the inputs they take, read from the schema itself so that a new
 * mutation or argument is covered without touching the specs: minimal valid arguments, the paths
 * of every text field inside them, and a selection that asks for a payload's scalar fields.
 */
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isLeafType,
  GraphQLOutputType,
} from 'graphql';

export const SOME_UUID = '00000000-0000-4000-8000-000000000000';

/** A value of a leaf type that coerces. */
export function leafValue(type: GraphQLNamedType): unknown {
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return SOME_UUID;
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2027-01-04';
    case 'DateTime':
      return '2027-01-04T08:00:00Z';
    case 'Decimal':
      return '1.00';
    case 'JSONObject':
      return {};
    default:
      return 'x';
  }
}

/** The smallest value of `type` that coerces: required fields only, lists of one. */
export function minimalValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType, depth);
  if (isListType(type)) return [minimalValue(type.ofType, depth + 1)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = minimalValue(f.type, depth + 1);
    return out;
  }
  return leafValue(type);
}

/** Every path (from the argument) to a field of named scalar `scalar`, reached through input objects and lists. */
export function pathsTo(type: GraphQLInputType, scalar: string, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 6) return [];
  if (isNonNullType(type)) return pathsTo(type.ofType, scalar, prefix, depth);
  if (isListType(type)) return pathsTo(type.ofType, scalar, [...prefix, 0], depth + 1);
  if (isInputObjectType(type)) return Object.values(type.getFields()).flatMap((f) => pathsTo(f.type, scalar, [...prefix, f.name], depth + 1));
  return isScalarType(type) && type.name === scalar ? [prefix] : [];
}

/**
 * Sets `value` at `path` (argument name first) inside the variables `root`, creating the objects
 * and lists on the way from the argument's `type`.
 */
export function setAt(root: Record<string, unknown>, type: GraphQLInputType, path: (string | number)[], value: unknown): void {
  if (path.length === 1) {
    root[path[0]] = value;
    return;
  }
  if (root[path[0]] === undefined || root[path[0]] === null) root[path[0]] = minimalValue(type);
  let node: any = root[path[0]];
  let t: GraphQLInputType = type;
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    while (isNonNullType(t)) t = t.ofType;
    const last = i === path.length - 1;
    let next: GraphQLInputType;
    if (isListType(t)) next = t.ofType;
    else if (isInputObjectType(t)) next = t.getFields()[key as string].type;
    else throw new Error(`cannot descend into ${String(t)}`);
    if (last) node[key] = value;
    else {
      if (node[key] === undefined || node[key] === null) node[key] = minimalValue(next);
      node = node[key];
    }
    t = next;
  }
}

export interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export function operations(schema: GraphQLSchema): Operation[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field })),
  ];
}

/** `__typename` plus the scalar fields one level down (enough to run the resolver). */
export function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const leaves = Object.values(named.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
  const nested = Object.values(named.getFields())
    .filter((f) => isObjectType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => `${f.name} { __typename }`);
  return `{ __typename ${leaves.map((f) => f.name).join(' ')} ${nested.join(' ')} }`;
}

/** A document calling one operation with every argument as a variable. */
export function documentFor(op: Operation, args: readonly GraphQLArgument[] = op.field.args): string {
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return `${op.kind}${defs ? ` (${defs})` : ''} { ${op.field.name}${call} ${selectionOf(op.field.type)} }`;
}

/** Minimal variables for an operation: required arguments only. */
export function minimalVariables(op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of op.field.args) if (isNonNullType(a.type)) out[a.name] = minimalValue(a.type);
  return out;
}
