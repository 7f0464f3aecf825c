import { createHash } from 'node:crypto';

/**
 * The canonical serialisation of a snapshot: object keys sorted (by UTF-16 code units) at every
 * depth, arrays in the order given (the builder puts them in theirs), no whitespace, Dates as ISO
 * strings, undefined members left out. The same content always gives the same text — also after a
 * round trip through jsonb, which keeps values but not key order or whitespace.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: not a JSON number: ${value}`);
  return JSON.stringify(value);
}

/** SHA-256, lower-case hex, of the canonical serialisation. */
export const contentHash = (value: unknown): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
