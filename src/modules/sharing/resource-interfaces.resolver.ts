import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { aheadOf } from '../../graphql/lookahead';
import { InformationResource } from '../catalogue';
import { Project } from '../project';
import { SharingInterface } from './sharing-interface.entity';

/** The sharing list of a catalogue entry (第九条). */
@Authorized()
@Resolver(() => InformationResource)
export class ResourceInterfacesResolver {
  @FieldResolver(() => [SharingInterface], { description: '共享接口 — the sharing-list entries of this resource (第九条)' })
  interfaces(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<SharingInterface[]> | SharingInterface[] {
    return aheadOf<SharingInterface[]>(r, 'interfaces') ?? ctx.loaders.interfacesByResourceId.load(r.id);
  }
}

/** A project's sharing list, under the same visibility rule as `interfaces`. */
@Authorized()
@Resolver(() => Project)
export class ProjectInterfacesResolver {
  @FieldResolver(() => [SharingInterface], { description: "共享清单 — interfaces of the project's entries the caller may read (第九条)" })
  interfaces(@Root() project: Project, @Ctx() ctx: Context): Promise<SharingInterface[]> {
    return ctx.loaders.visibleInterfacesByProjectId.load({ key: project.id, caller: ctx.caller });
  }
}
