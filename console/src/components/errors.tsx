/** Shows a mutation's userErrors where they belong: beside the field they name, with the article. */
import { Alert, FormInstance } from 'antd';
import type { UserError } from '../api';

export const withArticle = (e: UserError) => (e.article ? `${e.message}（${e.article}）` : e.message);

/** The form field a userError names: its path without the leading "input", numbers as indices. */
const fieldPath = (field: string[]) => (field[0] === 'input' ? field.slice(1) : field).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts each error on its field when the form has that field; returns the rest, to be shown above
 * the form. Clears the previous errors first.
 */
export function applyUserErrors(form: FormInstance, errors: UserError[], known: (string | number)[][]): UserError[] {
  const has = (path: (string | number)[]) => known.some((k) => k.length === path.length && k.every((x, i) => x === path[i]));
  form.setFields(known.map((name) => ({ name, errors: [] })));
  const rest: UserError[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of errors) {
    const path = e.field ? fieldPath(e.field) : [];
    // An error on a list item's part (dataItems.0.name) falls back to the list, then to the form.
    let name = path;
    while (name.length && !has(name)) name = name.slice(0, -1);
    if (!name.length) {
      rest.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(withArticle(e));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  if (byField.size) form.scrollToField([...byField.values()][0].name, { block: 'center' });
  return rest;
}

export function ErrorList({ errors }: { errors: UserError[] }) {
  if (!errors.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={errors.length === 1 ? withArticle(errors[0]) : '未能完成，请按以下提示修改：'}
      description={
        errors.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {errors.map((e, i) => (
              <li key={i}>{withArticle(e)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
