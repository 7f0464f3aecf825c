import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Project } from '../project/project.entity';
import { SharingInterface } from '../sharing/sharing-interface.entity';
import { InformationResource } from './information-resource.entity';

/** A project's catalogue and sharing list, under the same visibility rule as `resources` and `interfaces`. */
@Authorized()
@Resolver(() => Project)
export class ProjectCatalogueResolver {
  @FieldResolver(() => [InformationResource], { description: '信息资源目录 — the project\'s catalogue entries the caller may read, by code (第八条)' })
  resources(@Root() project: Project, @Ctx() ctx: Context): Promise<InformationResource[]> {
    return ctx.loaders.visibleResourcesByProjectId.load({ key: project.id, caller: ctx.caller });
  }

  @FieldResolver(() => [SharingInterface], { description: '共享清单 — interfaces of the project\'s entries the caller may read (第九条)' })
  interfaces(@Root() project: Project, @Ctx() ctx: Context): Promise<SharingInterface[]> {
    return ctx.loaders.visibleInterfacesByProjectId.load({ key: project.id, caller: ctx.caller });
  }
}
