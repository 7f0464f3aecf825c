import type { DataSource } from 'typeorm';
import type { Context } from '../../graphql/context';
import { fromJsonRow } from '../../graphql/lookahead';
import { Organization, organizationJsonOf } from '../organization';
import { DataItem } from './data-item.entity';

/**
 * A child of a catalogue entry that the look-ahead read of `Project.resources` can bring along in
 * its own statement (graphql/lookahead.ts): the field of InformationResource that asks for it, its
 * JSON as a SQL expression over the page's row `x` (columns `id`, `provider_id`), how that JSON
 * becomes objects, and how they are primed into the loader the field's resolver reads. Another
 * module adds its children with `registerCataloguePart` (the sharing module its interfaces), so
 * that the catalogue never imports it.
 */
export interface CataloguePart<V = unknown> {
  field: string;
  sql: (row: string) => string;
  hydrate: (ds: DataSource, json: unknown) => V;
  prime: (ctx: Context, resourceId: string, value: V) => void;
}

const parts: CataloguePart[] = [
  {
    field: 'dataItems',
    sql: (x) => `(SELECT coalesce(jsonb_agg(to_jsonb(di) ORDER BY di.position), '[]') FROM data_item di WHERE di.resource_id = ${x}.id)`,
    hydrate: (ds, json) => (json as Record<string, unknown>[]).map((j) => fromJsonRow(ds, DataItem, j)),
    prime: (ctx, id, items) => ctx.loaders.dataItemsByResourceId.prime(id, items as DataItem[]),
  },
  {
    field: 'provider',
    sql: (x) => organizationJsonOf(`${x}.provider_id`),
    hydrate: (ds, json) => (json ? fromJsonRow(ds, Organization, json as Record<string, unknown>) : null),
    prime: (ctx, _id, o) => {
      if (o) ctx.loaders.organizationById.prime((o as Organization).id, o as Organization);
    },
  },
];

/** Adds a part (once per field) that the look-ahead brings along when its field is asked. */
export function registerCataloguePart<V>(part: CataloguePart<V>): void {
  if (!parts.some((p) => p.field === part.field)) parts.push(part as CataloguePart);
}

/** The registered parts whose field is among `asked`, in a stable order. */
export const cataloguePartsAsked = (asked: Set<string>): CataloguePart[] => parts.filter((p) => asked.has(p.field));
