import { DataItemType } from './catalogue.enums';
import { FIXED_LENGTH, LENGTH_REQUIRED } from './resource.rules';

const q = (t: string) => `'${t}'`;
const FIXED = Object.keys(FIXED_LENGTH) as DataItemType[];

/**
 * 第八条 (编制指南): the length rule of `itemProblems` as SQL over a data_item alias — true when the
 * item's length does not fit its type: a width type (C, N, Y) without one, a fixed-form type with one
 * other than its own. Built from the same constants; tied to the TypeScript by the completeness property test.
 */
export const itemLengthBrokenSql = (d: string) => `(
  (${d}.data_type IN (${LENGTH_REQUIRED.map(q).join(', ')}) AND ${d}.length IS NULL)
  OR (${d}.length IS NOT NULL AND ${d}.data_type IN (${FIXED.map(q).join(', ')})
      AND ${d}.length IS DISTINCT FROM (CASE ${d}.data_type ${FIXED.filter((t) => FIXED_LENGTH[t] !== null)
        .map((t) => `WHEN ${q(t)} THEN ${FIXED_LENGTH[t]}`)
        .join(' ')} END)))`;

/**
 * The entries among `resourceIds` (SQL giving ids) with a malformed data item (itemProblems: length
 * against type, or a name repeated within the entry): columns resource_id, names (the items' names, 、-joined).
 */
export const malformedItemsSql = (resourceIds: string) => `
  SELECT m.resource_id, string_agg(DISTINCT m.name, '、' ORDER BY m.name) AS names
    FROM (SELECT d.resource_id, d.name, d.data_type, d.length, count(*) OVER (PARTITION BY d.resource_id, d.name) > 1 AS repeated
            FROM data_item d WHERE d.resource_id IN (${resourceIds})) m
   WHERE m.repeated OR ${itemLengthBrokenSql('m')}
   GROUP BY m.resource_id`;
