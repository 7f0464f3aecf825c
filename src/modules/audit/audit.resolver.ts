import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection, withCountIfAsked } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../common/errors';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { isBuildingUnit, Project } from '../project';
import { InformationResource } from '../catalogue';
import { SharingInterface } from '../sharing';
import { SharingRequest } from '../sharing-request';
import { AcceptanceApplication } from '../acceptance';
import { Organization } from '../organization';
import { User } from '../auth';
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

/**
 * Who reads an object's history: the audit log's readers; for an object of a project, also the
 * units that build it (第十三条).
 */
async function mayReadHistory(ctx: Context, projectId: string | null): Promise<boolean> {
  if (AuditService.readsAll(ctx.caller)) return true;
  if (!projectId || !hasRole(ctx.caller, Role.PROJECT_UNIT)) return false;
  const project = await ctx.loaders.projectById.load(projectId);
  return !!project && isBuildingUnit(ctx.caller, project, await ctx.loaders.coBuildingUnitIdsByProject.load(projectId));
}

/** FORBIDDEN, recorded as a security event (rate-limited) like the auth checker's. */
async function refused(ctx: Context, what: string) {
  await ctx.services.audit.forbidden(ctx, what);
  return forbidden(`「${what}」`);
}

const HISTORY =
  '审计历史 — the audit entries that changed it or the rows under it, newest first (审计局、大数据管理局、领导小组办公室；项目的对象另及其建设单位)';

/**
 * `auditHistory` on an object type: the entries whose target is the object or that changed a row
 * under it (its `subjects`), by the audit log's one query (the recorder files an object under its
 * entity's class name). `projectOf`: the project whose building units may read it too (null: the
 * audit log's readers only).
 */
function historyResolver<T extends { id: string }>(type: new () => T, projectOf: (ctx: Context, o: T) => Promise<string | null>) {
  @Resolver(() => type)
  class HistoryResolver {
    @FieldResolver(() => AuditEntryConnection, { nullable: true, description: HISTORY })
    async auditHistory(@Root() o: T, @Ctx() ctx: Context, @Args() page: ConnectionArgs, @Info() info: GraphQLResolveInfo): Promise<AuditEntryConnection> {
      if (!(await mayReadHistory(ctx, await projectOf(ctx, o)))) throw await refused(ctx, `${type.name}.auditHistory`);
      return toConnection(await ctx.services.audit.list(ctx, { targetType: type.name, targetId: o.id }, withCountIfAsked(page, info)));
    }
  }
  Object.defineProperty(HistoryResolver, 'name', { value: `${type.name}HistoryResolver` });
  return HistoryResolver;
}

const projectOfResource = async (ctx: Context, resourceId: string) => (await ctx.loaders.resourceById.load(resourceId))?.projectId ?? null;
const none = async () => null;

export const ProjectHistoryResolver = historyResolver(Project, async (_ctx, p) => p.id);
export const ResourceHistoryResolver = historyResolver(InformationResource, async (_ctx, r) => r.projectId);
/** The auditor asks these too (第三十四条): an interface, a sharing request, an acceptance application, an organisation, a user. */
export const OtherHistoryResolvers = [
  historyResolver(SharingInterface, (ctx, i) => projectOfResource(ctx, i.resourceId)),
  historyResolver(SharingRequest, (ctx, r) => projectOfResource(ctx, r.resourceId)),
  historyResolver(AcceptanceApplication, async (_ctx, a) => a.projectId),
  historyResolver(Organization, none),
  historyResolver(User, none),
] as const;
