import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { encodeCursor } from '../../common/paging';
import { ConnectionArgs, ConnectionShape } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { columnsFor, selectedAt, selectedFields } from '../../graphql/lookahead';
import { Project } from '../project';
import { cataloguePartsAsked } from './catalogue.lookahead';
import { InformationResource } from './information-resource.entity';
import { ProjectResourceConnection } from './resource.payloads';

const cursorOf = (r: InformationResource) => encodeCursor([r.code, r.id]);

/** An edge whose cursor is encoded only when the query reads it (S1 reads none of its 1,650). */
class ResourceEdge {
  constructor(readonly node: InformationResource) {}
  get cursor(): string {
    return cursorOf(this.node);
  }
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
    // Look-ahead: the page and the children asked for (data items, provider, interfaces…) in one
    // statement, each row with only the columns the selection reads, attached for their resolvers.
    const asked = selectedAt(info, ['edges', 'node']);
    const found = cataloguePartsAsked(asked);
    const ds = ctx.services.resources.dataSource;
    const columns = columnsFor(
      ds,
      InformationResource,
      info.schema,
      'InformationResource',
      asked,
      ['code', ...found.flatMap((p) => p.needs)],
      new Set(found.map((p) => p.field)),
    );
    const parts = found.map((part) => ({
      part,
      columns: columnsFor(ds, part.entity, info.schema, part.typeName, selectedAt(info, ['edges', 'node', part.field]), [], new Set(), false),
    }));
    const countTotal = selectedFields(info).has('totalCount');
    const got = await ctx.loaders.visibleResourcesByProjectId.load({ key: project.id, caller: ctx.caller, size, after, countTotal, columns, parts });
    return {
      edges: got.resources.map((node) => new ResourceEdge(node)),
      pageInfo: {
        hasNextPage: got.hasNextPage,
        hasPreviousPage: Boolean(page.after),
        startCursor: got.resources.length ? cursorOf(got.resources[0]) : null,
        endCursor: got.resources.length ? cursorOf(got.resources[got.resources.length - 1]) : null,
      },
      totalCount: got.totalCount,
    };
  }
}
