import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Look-ahead, as PostGraphile does it: a resolver reads the fields asked under it and fetches the
 * whole subtree in one statement, PostgreSQL building each child list as JSON (`jsonb_agg`); the
 * children are then primed into the request's DataLoaders, so their own resolvers (and rules) run
 * unchanged without another round trip.
 */

/** The names of the fields selected directly under the field being resolved (through fragments too). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') out.add(s.name.value);
      else if (s.kind === 'InlineFragment') walk(s.selectionSet);
      else walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return out;
}

/** An entity from the JSON PostgreSQL made of its row (`to_jsonb(alias)`), each column hydrated as TypeORM hydrates it. */
export function fromJsonRow<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>, json: Record<string, unknown>): T {
  const meta = ds.getMetadata(target);
  const entity = meta.create() as T;
  for (const column of meta.columns) {
    const value = json[column.databaseName];
    if (value === undefined || (column.relationMetadata && column.propertyName === column.relationMetadata.propertyName)) continue;
    column.setEntityValue(entity, ds.driver.prepareHydratedValue(value, column));
  }
  return entity;
}
