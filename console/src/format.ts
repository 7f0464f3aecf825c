/** Dates in Beijing time, whatever the browser's zone; enum values in their Chinese terms (from the schema). */
import labels from 'virtual:hub-labels';

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
  return Object.entries(labels[type] ?? {}).map(([value, text]) => ({ value, label: text }));
}

export const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const yuan = (amount: string) => `¥${Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** A mutation (an audit entry's operation) by its Chinese name, from the schema's description. */
export const actionName = (operation: string) => labels.Mutation?.[operation] ?? operation;
