import type { GraphQLResolveInfo } from 'graphql';
import { Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { selectedFields } from '../../graphql/lookahead';
import { Project } from '../project';
import { InformationResource } from './information-resource.entity';

/** A project's catalogue, under the same visibility rule as `resources` (its sharing list: sharing/resource-interfaces.resolver.ts). */
@Authorized()
@Resolver(() => Project)
export class ProjectCatalogueResolver {
  @FieldResolver(() => [InformationResource], { description: "信息资源目录 — the project's catalogue entries the caller may read, by code (第八条)" })
  async resources(@Root() project: Project, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<InformationResource[]> {
    const asked = selectedFields(info);
    const parts = { dataItems: asked.has('dataItems'), provider: asked.has('provider') };
    if (!parts.dataItems && !parts.provider) return ctx.loaders.visibleResourcesByProjectId.load({ key: project.id, caller: ctx.caller });
    // Look-ahead: the entries and the children asked for in one statement, primed for their resolvers.
    const tree = await ctx.loaders.visibleCatalogueByProjectId.load({ key: project.id, caller: ctx.caller, parts });
    for (const [id, items] of tree.dataItems) ctx.loaders.dataItemsByResourceId.prime(id, items);
    for (const o of tree.providers) ctx.loaders.organizationById.prime(o.id, o);
    return tree.resources;
  }
}
