import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection, withCountIfAsked } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { aheadOf } from '../../graphql/lookahead';
import { badInput } from '../../common/errors';
import { Role } from '../../common/role.enums';
import { hasRole } from '../../common/caller';
import { Organization } from '../organization';
import { buildsProject, canRead, isOversight, Project } from '../project';
import { DataItem } from './data-item.entity';
import { InformationResource } from './information-resource.entity';
import {
  ResourceCreateInput,
  ResourceFilter,
  ResourcePublishInput,
  ResourceRetireInput,
  ResourceReturnInput,
  ResourceRevisionWithdrawInput,
  ResourceSubmitInput,
  ResourceUpdateInput,
} from './resource.inputs';
import {
  InformationResourceConnection,
  ResourceCreatePayload,
  ResourcePublishPayload,
  ResourceRetirePayload,
  ResourceReturnPayload,
  ResourceRevisionWithdrawPayload,
  ResourceSubmitPayload,
  ResourceUpdatePayload,
  ResourceVersionConnection,
} from './resource.payloads';
import { ResourceRevision } from './resource-revision.entity';
import type { RevisionDraft } from './resource-revision';

@Authorized()
@Resolver(() => InformationResource)
export class ResourceResolver {
  @Query(() => InformationResource, { nullable: true, description: '按ID或代码查信息资源 — one catalogue entry by id or code, if the caller may read it' })
  async resource(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', { nullable: true }) code?: string,
  ): Promise<InformationResource | null> {
    if (!id === !code) throw badInput('id', '请提供 id 或 code 之一');
    return ctx.services.resources.findOne(ctx, { id, code });
  }

  @Query(() => InformationResourceConnection, { description: '信息资源目录 — catalogue entries the caller may read, by code, with facets' })
  async resources(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ResourceFilter, { nullable: true }) filter?: ResourceFilter,
  ): Promise<InformationResourceConnection> {
    return { ...toConnection(await ctx.services.resources.list(ctx, filter ?? {}, withCountIfAsked(page, info))), filter: filter ?? {} };
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => ResourceCreatePayload, { description: '登记信息资源 — register a catalogue entry of a project (项目建设单位, 第八条、第九条)' })
  async resourceCreate(@Ctx() ctx: Context, @Arg('input') input: ResourceCreateInput): Promise<ResourceCreatePayload> {
    const { result, userErrors } = await ctx.services.resources.create(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => ResourceUpdatePayload, {
    description: '修改信息资源 — change an entry; a published one stays published and the change goes to its revision (项目建设单位, 第五条)',
  })
  async resourceUpdate(@Ctx() ctx: Context, @Arg('input') input: ResourceUpdateInput): Promise<ResourceUpdatePayload> {
    const { result, userErrors } = await ctx.services.resources.update(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => ResourceSubmitPayload, { description: '提交审核 — submit a draft or returned entry to the big-data bureau (项目建设单位, 第五条)' })
  async resourceSubmit(@Ctx() ctx: Context, @Arg('input') input: ResourceSubmitInput): Promise<ResourceSubmitPayload> {
    const { result, userErrors } = await ctx.services.resourceReview.submit(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.BIG_DATA_BUREAU)
  @Mutation(() => ResourcePublishPayload, { description: '发布信息资源 — publish a submitted entry as a new version (大数据管理局, 第五条)' })
  async resourcePublish(@Ctx() ctx: Context, @Arg('input') input: ResourcePublishInput): Promise<ResourcePublishPayload> {
    const { result, userErrors } = await ctx.services.resourceReview.publish(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.BIG_DATA_BUREAU)
  @Mutation(() => ResourceReturnPayload, { description: '退回信息资源 — return a submitted entry with a reason (大数据管理局, 第五条)' })
  async resourceReturn(@Ctx() ctx: Context, @Arg('input') input: ResourceReturnInput): Promise<ResourceReturnPayload> {
    const { result, userErrors } = await ctx.services.resourceReview.return(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.PROJECT_UNIT, Role.BIG_DATA_BUREAU)
  @Mutation(() => ResourceRetirePayload, { description: '停用信息资源 — retire an entry; its published versions are kept (项目建设单位或大数据管理局)' })
  async resourceRetire(@Ctx() ctx: Context, @Arg('input') input: ResourceRetireInput): Promise<ResourceRetirePayload> {
    const { result, userErrors } = await ctx.services.resourceReview.retire(ctx, input);
    return { resource: result, userErrors };
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => ResourceRevisionWithdrawPayload, {
    description: '撤回修订 — withdraw the revision of a published entry; the published version stays (项目建设单位, 第五条)',
  })
  async resourceRevisionWithdraw(@Ctx() ctx: Context, @Arg('input') input: ResourceRevisionWithdrawInput): Promise<ResourceRevisionWithdrawPayload> {
    const { result, userErrors } = await ctx.services.resourceReview.withdrawRevision(ctx, input);
    return { resource: result, userErrors };
  }

  @FieldResolver(() => [DataItem], { description: '信息项 — data items, by position' })
  dataItems(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<DataItem[]> | DataItem[] {
    const draft = r as RevisionDraft;
    if (draft.draftItems) {
      return draft.draftItems.map((i, n) =>
        Object.assign(new DataItem(), { ...i, id: `${draft.draftOf?.id ?? r.id}/${n + 1}`, resourceId: r.id, position: n + 1 }),
      );
    }
    return aheadOf<DataItem[]>(r, 'dataItems') ?? ctx.loaders.dataItemsByResourceId.load(r.id);
  }

  @FieldResolver(() => ResourceRevision, {
    nullable: true,
    description: "修订 — the revision under way of a published entry; only the entry's units and the oversight roles see it (第五条)",
  })
  async revision(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<ResourceRevision | null> {
    if ((r as RevisionDraft).draftItems) return (r as RevisionDraft).draftOf;
    const revision = await ctx.loaders.revisionByResourceId.load(r.id);
    if (!revision) return null;
    if (isOversight(ctx.caller)) return revision;
    const project = await ctx.loaders.projectById.load(r.projectId);
    const co = project ? await ctx.loaders.coBuildingUnitIdsByProject.load(project.id) : [];
    return project && hasRole(ctx.caller, Role.PROJECT_UNIT) && buildsProject(project, co, ctx.caller!.organizationId!) ? revision : null;
  }

  @FieldResolver(() => Organization, { description: '提供方 — providing organisation' })
  provider(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<Organization> | Organization {
    return aheadOf<Organization>(r, 'provider') ?? ctx.loaders.organizationById.load(r.providerId).then((o) => o!);
  }

  @FieldResolver(() => Project, { nullable: true, description: '所属项目（无权查看时为空）— the project that produces it; null when not readable' })
  async project(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<Project | null> {
    const project = await ctx.loaders.projectById.load(r.projectId);
    if (!project) return null;
    // A published entry is read by all; its project only as the project rules allow.
    const readable = canRead(ctx.caller, project, []) || canRead(ctx.caller, project, await ctx.loaders.coBuildingUnitIdsByProject.load(project.id));
    return readable ? project : null;
  }

  @FieldResolver(() => ResourceVersionConnection, { description: '已发布版本 — the versions the bureau published, oldest first' })
  async versions(
    @Root() r: InformationResource,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResourceVersionConnection> {
    return toConnection(await ctx.loaders.versionsByResourceId.load({ parentId: r.id, ...withCountIfAsked(page, info) }));
  }

  @FieldResolver(() => [InformationResource], { description: '关联资源 — related entries the caller may read, in the order listed' })
  async relatedResources(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<InformationResource[]> {
    const found = await ctx.loaders.visibleResourceByCode.loadMany(r.relatedResourceCodes.map((key) => ({ key, caller: ctx.caller })));
    return found.filter((x): x is InformationResource => x !== null && !(x instanceof Error));
  }
}
