import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionShape } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { selectedFields } from '../../graphql/lookahead';
import { Project } from '../project';
import { cataloguePartsAsked } from './catalogue.lookahead';
import { InformationResource } from './information-resource.entity';
import { ProjectResourceConnection } from './resource.payloads';

/** The fields selected under a connection's `edges { node { … } }` (through fragments too). */
function nodeFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, path: string[]) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (path.length === 0) out.add(s.name.value);
        else if (s.name.value === path[0]) walk(s.selectionSet, path.slice(1));
      } else if (s.kind === 'InlineFragment') walk(s.selectionSet, path);
      else walk(info.fragments[s.name.value]?.selectionSet, path);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, ['edges', 'node']);
  return out;
}

/** A project's catalogue, under the same visibility rule as `resources` (its sharing list: sharing/resource-interfaces.resolver.ts). */
@Authorized()
@Resolver(() => Project)
export class ProjectCatalogueResolver {
  @FieldResolver(() => ProjectResourceConnection, { description: "信息资源目录 — the project's catalogue entries the caller may read, by code (第八条)" })
  async resources(
    @Root() project: Project,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<InformationResource>> {
    const { size, after } = ctx.services.resources.projectPageArgs(page);
    // Look-ahead: the page and the children asked for (data items, provider, interfaces…) in one statement, primed for their resolvers.
    const parts = cataloguePartsAsked(nodeFields(info));
    const countTotal = selectedFields(info).has('totalCount');
    const got = await ctx.loaders.visibleResourcesByProjectId.load({ key: project.id, caller: ctx.caller, size, after, countTotal, parts });
    for (const { part, values } of got.parts) got.resources.forEach((r, i) => part.prime(ctx, r.id, values[i]));
    return {
      edges: got.resources.map((node, i) => ({ node, cursor: got.cursors[i] })),
      pageInfo: {
        hasNextPage: got.hasNextPage,
        hasPreviousPage: Boolean(page.after),
        startCursor: got.cursors[0] ?? null,
        endCursor: got.cursors[got.cursors.length - 1] ?? null,
      },
      totalCount: got.totalCount,
    };
  }
}
