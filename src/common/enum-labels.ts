import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum whose values carry a Chinese label and an English gloss, and returns
 * the labels: the one place an enum's Chinese labels are written (schema descriptions, the Excel
 * template's drop-downs, import and export all read them from here).
 */
export function registerLabelledEnum<E extends string>(
  enumObj: Record<string, E>,
  name: string,
  description: string,
  values: Record<E, readonly [zh: string, en: string]>,
): Record<E, string> {
  const entries = Object.entries(values) as [E, readonly [string, string]][];
  registerEnumType(enumObj, {
    name,
    description,
    valuesConfig: Object.fromEntries(entries.map(([k, [zh, en]]) => [k, { description: `${zh} — ${en}` }])),
  });
  return Object.fromEntries(entries.map(([k, [zh]]) => [k, zh])) as Record<E, string>;
}
