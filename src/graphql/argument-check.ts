import { getNamedType, GraphQLInputType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { badInput } from '../common/errors';
import { validateInput } from '../common/validation';
import { isUuid } from './scalars';

/** The path of the first `ID` in a GraphQL input value that is not a UUID, or null. */
function malformedId(type: GraphQLInputType, value: unknown, path: string[]): string[] | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return malformedId(type.ofType, value, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const bad = malformedId(type.ofType, items[i], [...path, String(i)]);
      if (bad) return bad;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    for (const [name, field] of Object.entries(type.getFields())) {
      const bad = malformedId(field.type, (value as Record<string, unknown>)[name], [...path, name]);
      if (bad) return bad;
    }
    return null;
  }
  return getNamedType(type).name === 'ID' && !(typeof value === 'string' && isUuid(value)) ? path : null;
}

/**
 * The one check of the arguments of every query and field (type-graphql's validateFn): every `ID`,
 * at any depth of an argument, is a UUID, and every input object (a filter) keeps its declared
 * class-validator limits. A failure is a top-level BAD_USER_INPUT naming the argument (and the
 * field path inside it), before the resolver runs, so no malformed value reaches PostgreSQL.
 * Mutations are left to their services, which answer bad input with userErrors in the payload.
 */
export const argumentCheck: ValidatorFn = async (value, type, { info, args }) => {
  if (info.parentType.name === 'Mutation') return;
  const definitions = info.parentType.getFields()[info.fieldName].args;
  for (const arg of definitions) {
    const bad = malformedId(arg.type, args[arg.name], [arg.name]);
    if (bad) throw hubBadInput(bad, `${bad.join('.')} 不是有效的ID（应为 UUID）`);
  }
  if (value === null || typeof value !== 'object' || typeof type !== 'function' || value instanceof Date) return;
  const name = getMetadataStorage().inputTypes.find((t) => t.target === type)?.name;
  const arg = name ? definitions.find((a) => getNamedType(a.type).name === name) : undefined;
  const problems = await validateInput(value as object, arg ? [arg.name] : []);
  if (problems.length) throw hubBadInput(problems[0].field ?? [], problems[0].message);
};

function hubBadInput(path: string[], message: string) {
  const error = badInput(path[0] ?? 'input', message);
  error.extensions.field = path;
  return error;
}
