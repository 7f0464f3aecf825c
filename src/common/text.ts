/**
 * One rule for every text a caller sends: no NUL byte or other control character (tab, line feed
 * and carriage return excepted), no bidirectional override, embedding, isolate or mark (they make
 * text read differently from what is stored: "Trojan Source"), no lone surrogate or noncharacter,
 * and no text made only of invisible characters (zero-width spaces and joiners). Applied to every
 * argument of every field (src/graphql/text-hygiene.ts), to cursors and to token claims.
 */

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

/** Text as the hub stores it: trimmed, a blank string becomes null; null and undefined (not given) stay as they are. */
export function trimmed(value: string): string | null;
export function trimmed(value: string | null): string | null;
export function trimmed(value: string | null | undefined): string | null | undefined;
export function trimmed(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' ? value.trim() || null : value;
}

/** A LIKE pattern that matches `term` anywhere, with the wildcards in it (and the escape) taken literally; use with ESCAPE '\'. */
export const likeContains = (term: string): string => `%${term.replace(/[\\%_]/g, '\\$&')}%`;
