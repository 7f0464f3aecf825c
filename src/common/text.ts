/** Text as the hub stores it: trimmed, a blank string becomes null; null and undefined (not given) stay as they are. */
export function trimmed(value: string): string | null;
export function trimmed(value: string | null): string | null;
export function trimmed(value: string | null | undefined): string | null | undefined;
export function trimmed(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' ? value.trim() || null : value;
}

/** A LIKE pattern that matches `term` anywhere, with the wildcards in it (and the escape) taken literally; use with ESCAPE '\'. */
export const likeContains = (term: string): string => `%${term.replace(/[\\%_]/g, '\\$&')}%`;
