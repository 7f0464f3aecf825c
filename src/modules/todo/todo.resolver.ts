import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { AcceptanceApplication } from '../acceptance';
import { InformationResource } from '../catalogue';
import { Organization } from '../organization';
import { Project } from '../project';
import { SharingRequest } from '../sharing-request';
import { SharingInterface } from '../sharing';
import { TodoFilter, TodoItem, TodoItemConnection } from './todo.objects';

const byId = <T>(id: string | null, load: (id: string) => Promise<T | null>) => (id ? load(id) : null);

@Authorized()
@Resolver(() => TodoItem)
export class TodoResolver {
  @Query(() => TodoItemConnection, {
    description:
      '我的待办 — what waits for the caller, by due date (those without one last): entries to review (大数据管理局), returned entries, ' +
      'requests to answer and deadlines (项目建设单位), failing or stale interfaces (提供单位、大数据管理局), applications to decide and ' +
      'filings overdue (领导小组办公室); with counts per kind for a badge',
  })
  async todoItems(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TodoFilter, { nullable: true }) filter?: TodoFilter,
  ): Promise<TodoItemConnection> {
    const result = await ctx.services.todos.list(ctx, filter ?? {}, page);
    return Object.assign(toConnection(result), { countsByKind: result.countsByKind, allCount: result.allCount });
  }

  @FieldResolver(() => Project, { nullable: true, description: '项目 — the project it is about, if any' })
  project(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.projectId, (id) => ctx.loaders.projectById.load(id));
  }

  @FieldResolver(() => InformationResource, { nullable: true, description: '信息资源 — the catalogue entry it is about, if any' })
  resource(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.resourceId, (id) => ctx.loaders.resourceById.load(id));
  }

  @FieldResolver(() => SharingInterface, { nullable: true, description: '共享接口 — the interface it is about, if any' })
  interface(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.interfaceId, (id) => ctx.loaders.interfaceById.load(id));
  }

  @FieldResolver(() => SharingRequest, { nullable: true, description: '共享申请 — the request to answer, if any' })
  sharingRequest(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.sharingRequestId, (id) => ctx.loaders.sharingRequestById.load(id));
  }

  @FieldResolver(() => AcceptanceApplication, { nullable: true, description: '验收申请 — the acceptance application, if any' })
  acceptanceApplication(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.applicationId, (id) => ctx.loaders.acceptanceApplicationById.load(id));
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "责任单位 — who owes it: the project's lead unit, the provider; null for the office's decisions",
  })
  organization(@Root() t: TodoItem, @Ctx() ctx: Context) {
    return byId(t.organizationId, (id) => ctx.loaders.organizationById.load(id));
  }
}
