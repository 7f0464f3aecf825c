import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Project } from '../project';
import { InformationResource } from './information-resource.entity';

/** A project's catalogue, under the same visibility rule as `resources` (its sharing list: sharing/resource-interfaces.resolver.ts). */
@Authorized()
@Resolver(() => Project)
export class ProjectCatalogueResolver {
  @FieldResolver(() => [InformationResource], { description: "信息资源目录 — the project's catalogue entries the caller may read, by code (第八条)" })
  resources(@Root() project: Project, @Ctx() ctx: Context): Promise<InformationResource[]> {
    return ctx.loaders.visibleResourcesByProjectId.load({ key: project.id, caller: ctx.caller });
  }
}
