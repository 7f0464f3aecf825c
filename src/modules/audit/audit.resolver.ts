import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection, withCountIfAsked } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../common/errors';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { isBuildingUnit, Project } from '../project';
import { InformationResource } from '../catalogue';
import { AuditEntryFilter } from './audit.inputs';
import { AuditEntryConnection, AuditVerification } from './audit.objects';
import { AUDIT_READERS, AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  @Authorized(...AUDIT_READERS)
  @Query(() => AuditEntryConnection, {
    description: '审计记录 — the audit log, newest first (审计局、大数据管理局、领导小组办公室; 第三十四条、第二十九条)',
  })
  async auditEntries(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter?: AuditEntryFilter,
  ): Promise<AuditEntryConnection> {
    return toConnection(await ctx.services.audit.list(ctx, filter, withCountIfAsked(page, info)));
  }

  @Authorized(Role.AUDITOR)
  @Query(() => AuditVerification, {
    description: '校验审计链 — recompute the SM3 hash chain over entries recorded in [from, to) and name the first broken link (审计局, 第三十四条)',
  })
  auditVerify(
    @Arg('from', () => Date, { nullable: true }) from?: Date,
    @Arg('to', () => Date, { nullable: true }) to?: Date,
    @Ctx() ctx?: Context,
  ): Promise<AuditVerification> {
    return ctx!.services.audit.verify(from, to);
  }
}

/** Who reads an object's history: the audit log's readers, and the units that build its project (第十三条). */
async function mayReadHistory(ctx: Context, projectId: string): Promise<boolean> {
  if (AuditService.readsAll(ctx.caller)) return true;
  if (!hasRole(ctx.caller, Role.PROJECT_UNIT)) return false;
  const project = await ctx.loaders.projectById.load(projectId);
  return !!project && isBuildingUnit(ctx.caller, project, await ctx.loaders.coBuildingUnitIdsByProject.load(projectId));
}

/** FORBIDDEN, recorded as a security event (rate-limited) like the auth checker's. */
async function refused(ctx: Context, what: string) {
  await ctx.services.audit.forbidden(ctx, what);
  return forbidden(`「${what}」`);
}

const HISTORY = '审计历史 — the audit entries that changed it or the rows under it, newest first (审计局、大数据管理局、领导小组办公室及其建设单位)';

@Resolver(() => Project)
export class ProjectHistoryResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: HISTORY })
  async auditHistory(@Root() p: Project, @Ctx() ctx: Context, @Args() page: ConnectionArgs, @Info() info: GraphQLResolveInfo): Promise<AuditEntryConnection> {
    if (!(await mayReadHistory(ctx, p.id))) throw await refused(ctx, 'Project.auditHistory');
    return toConnection(await ctx.services.audit.list(ctx, { targetType: 'Project', targetId: p.id }, withCountIfAsked(page, info)));
  }
}

@Resolver(() => InformationResource)
export class ResourceHistoryResolver {
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: HISTORY })
  async auditHistory(
    @Root() r: InformationResource,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuditEntryConnection> {
    if (!(await mayReadHistory(ctx, r.projectId))) throw await refused(ctx, 'InformationResource.auditHistory');
    return toConnection(await ctx.services.audit.list(ctx, { targetType: 'InformationResource', targetId: r.id }, withCountIfAsked(page, info)));
  }
}
