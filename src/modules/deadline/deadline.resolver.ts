import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { OVERSIGHT_ROLES, Project } from '../project';
import { SharingRequest } from '../sharing-request';
import { Deadline, DeadlineConnection, DeadlineFilter } from './deadline.objects';

@Authorized()
@Resolver(() => Deadline)
export class DeadlineResolver {
  @Authorized(...OVERSIGHT_ROLES, Role.PROJECT_UNIT)
  @Query(() => DeadlineConnection, {
    description:
      '期限，按到期日 — what is due and overdue (第七条、第二十四条至第二十六条, 共享申请答复), by due date: all for the oversight roles, ' +
      "a project unit's those of its organisation's projects and the sharing requests it must answer or made",
  })
  async deadlines(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => DeadlineFilter, { nullable: true }) filter?: DeadlineFilter,
  ): Promise<DeadlineConnection> {
    return toConnection(await ctx.services.deadlines.list(ctx, filter ?? {}, page));
  }

  @FieldResolver(() => Project, { nullable: true, description: '项目 — the project; null for a sharing request' })
  project(@Root() d: Deadline, @Ctx() ctx: Context): Promise<Project | null> | null {
    return d.projectId ? ctx.loaders.projectById.load(d.projectId) : null;
  }

  @FieldResolver(() => SharingRequest, { nullable: true, description: '共享申请 — the pending sharing request; null for a project deadline' })
  sharingRequest(@Root() d: Deadline, @Ctx() ctx: Context): Promise<SharingRequest | null> | null {
    return d.sharingRequestId ? ctx.loaders.sharingRequestById.load(d.sharingRequestId) : null;
  }

  @FieldResolver(() => Organization, { description: "责任单位 — who owes it: the project's lead unit, or the providing organisation that must answer" })
  async organization(@Root() d: Deadline, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(d.organizationId))!;
  }
}
