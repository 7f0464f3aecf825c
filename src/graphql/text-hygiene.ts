/**
 * One rule for every text a caller sends: no NUL byte or other control character (tab, line feed
 * and carriage return excepted), no bidirectional override, embedding, isolate or mark (they make
 * text read differently from what is stored: "Trojan Source"), no lone surrogate or noncharacter,
 * and no text made only of invisible characters (zero-width spaces and joiners). Applied to every
 * argument of every field by `textHygiene` (a global middleware), to cursors and to token claims.
 */
import type { MiddlewareFn } from 'type-graphql';
import { ErrorCode, hubError } from './errors';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const BROKEN = /[\p{Cs}\uFFFE\uFFFF]/u;
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u180E\u00AD]/gu;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E\u00AD]/u;

/** Why `text` is refused, in Chinese, or null when it is acceptable. */
export function textProblem(text: string): string | null {
  if (CONTROL.test(text)) return '含有空字符或控制字符';
  if (BIDI.test(text)) return '含有双向文本控制字符（如从右到左覆盖）';
  if (BROKEN.test(text)) return '含有无效的 Unicode 字符';
  if (ZERO_WIDTH.test(text) && text.replace(INVISIBLE, '') === '') return '只含不可见字符';
  return null;
}

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
