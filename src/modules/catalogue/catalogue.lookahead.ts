import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { plainFromJson } from '../../graphql/lookahead';
import { Organization, organizationSelectSql } from '../organization';
import { DataItem } from './data-item.entity';

/**
 * A child of a catalogue entry that the look-ahead read of `Project.resources` can bring along in
 * its own statement (graphql/lookahead.ts): the field of InformationResource that asks for it, the
 * child's entity and GraphQL type (its JSON carries only the columns the selection asks for, see
 * `columnsFor`), the entry's columns its SQL and field resolver read, its JSON as a SQL expression
 * over the page's row `x` (`json(alias)` is one child row's JSON), and how that JSON becomes
 * objects, attached to the entry for its field resolver (`aheadOf`). Another module adds its
 * children with `registerCataloguePart` (the sharing module its interfaces), so that the
 * catalogue never imports it.
 */
export interface CataloguePart<V = unknown> {
  field: string;
  entity: EntityTarget<ObjectLiteral>;
  typeName: string;
  needs: string[];
  sql: (x: string, json: (alias: string) => string) => string;
  hydrate: (ds: DataSource, json: unknown) => V;
}

const parts: CataloguePart[] = [
  {
    field: 'dataItems',
    entity: DataItem,
    typeName: 'DataItem',
    needs: ['id'],
    sql: (x, json) => `(SELECT coalesce(json_agg(${json('di')} ORDER BY di.position), '[]') FROM data_item di WHERE di.resource_id = ${x}.id)`,
    hydrate: (ds, json) => (json as Record<string, unknown>[]).map((j) => plainFromJson(ds, DataItem, j)),
  },
  {
    field: 'provider',
    entity: Organization,
    typeName: 'Organization',
    needs: ['provider_id'],
    sql: (x, json) => organizationSelectSql(`${x}.provider_id`, json),
    hydrate: (ds, json) => (json ? plainFromJson(ds, Organization, json as Record<string, unknown>) : null),
  },
];

/** Adds a part (once per field) that the look-ahead brings along when its field is asked. */
export function registerCataloguePart<V>(part: CataloguePart<V>): void {
  if (!parts.some((p) => p.field === part.field)) parts.push(part as CataloguePart);
}

/** The registered parts whose field is among `asked`, in a stable order. */
export const cataloguePartsAsked = (asked: Set<string>): CataloguePart[] => parts.filter((p) => asked.has(p.field));
