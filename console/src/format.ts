/** Dates in Beijing time, whatever the browser's zone; enum values in their Chinese terms (from the schema). */
import labels from 'virtual:hub-labels';
import terms from './generated/catalogue.json';

const instant = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A `DateTime` as 2026-12-01 17:05 (Beijing time). */
export function when(value: string | null | undefined): string {
  if (!value) return '—';
  const parts = Object.fromEntries(instant.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A `Date` (already a calendar day in Asia/Shanghai). */
export const day = (value: string | null | undefined) => value ?? '—';

/** Today in Beijing as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function label(type: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return labels[type]?.[value] ?? value;
}

/** [{ value, label }] of an enum, for a select. */
export function options(type: string): { value: string; label: string }[] {
  const all = Object.entries(labels[type] ?? {}).map(([value, text]) => ({ value, label: text }));
  const rank = ORDER[type];
  return rank ? all.sort((a, b) => (rank[a.value] ?? 99) - (rank[b.value] ?? 99)) : all;
}

/** Enums whose options have a natural order, not the schema's alphabetical one. */
const ORDER: Record<string, Record<string, number>> = {
  // From the most to the least frequent: the catalogue's FREQUENCY_ORDER.
  UpdateFrequency: terms.frequencyOrder,
  // The usual conclusion first; 不通过 last (and confirmed before it is sent).
  ExpertConclusion: { PASS: 0, PASS_WITH_CHANGES: 1, FAIL: 2 },
};

/** The Chinese name of an entry's field, as the catalogue workbook names it (console/src/generated/catalogue.json). */
export const fieldLabel = (key: string): string => (terms.fieldLabels as Record<string, string>)[key] ?? key;
/** Those fields, in the workbook's column order. */
export const entryFields = Object.keys(terms.fieldLabels);

export const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const yuan = (amount: string) => `¥${Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** A mutation (an audit entry's operation) by its Chinese name, from the schema's description. */
export const actionName = (operation: string) => labels.Mutation?.[operation] ?? operation;
