/** Every argument of every field obeys the text rule of src/common/text.ts (a global middleware). */
import type { MiddlewareFn } from 'type-graphql';
import { ErrorCode, hubError } from '../common/errors';
import { textProblem } from '../common/text';

/** The first refused text inside `value` (objects, arrays), with its path. */
function findProblem(value: unknown, path: (string | number)[], depth = 0): { path: (string | number)[]; problem: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : null;
  }
  if (depth > 20 || value === null || typeof value !== 'object' || value instanceof Date) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProblem(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const found = findProblem(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** BAD_USER_INPUT naming the field when any text argument is refused; nothing runs, nothing is written. */
export const textHygiene: MiddlewareFn = async ({ args }, next) => {
  for (const [name, value] of Object.entries(args)) {
    const found = findProblem(value, [name]);
    if (found) {
      const field = found.path.map(String);
      throw hubError(ErrorCode.BAD_USER_INPUT, `${field.join('.')} ${found.problem}`, { argument: name, field });
    }
  }
  return next();
};
