import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InformationResource } from '../catalogue';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { InterfaceFilter, InterfaceMountInput, InterfaceRegisterInput, InterfaceUpdateInput, InterfaceWithdrawInput } from './interface.inputs';
import {
  InterfaceMountPayload,
  InterfaceRegisterPayload,
  InterfaceUpdatePayload,
  InterfaceWithdrawPayload,
  SharingInterfaceConnection,
} from './interface.payloads';
import { SharingInterface } from './sharing-interface.entity';

@Authorized()
@Resolver(() => SharingInterface)
export class InterfaceResolver {
  @Query(() => SharingInterfaceConnection, { description: '共享清单 — sharing interfaces of the entries the caller may read, by resource code' })
  async interfaces(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InterfaceFilter, { nullable: true }) filter?: InterfaceFilter,
  ): Promise<SharingInterfaceConnection> {
    return toConnection(await ctx.services.interfaces.list(ctx, filter ?? {}, page));
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => InterfaceRegisterPayload, { description: '登记共享接口 — register an interface of a shareable resource (项目建设单位, 第九条、第十七条)' })
  async interfaceRegister(@Ctx() ctx: Context, @Arg('input') input: InterfaceRegisterInput): Promise<InterfaceRegisterPayload> {
    const { result, userErrors } = await ctx.services.interfaces.register(ctx, input);
    return { interface: result, userErrors };
  }

  @Authorized(Role.PROJECT_UNIT)
  @Mutation(() => InterfaceUpdatePayload, { description: '修改共享接口 — change an interface (项目建设单位)' })
  async interfaceUpdate(@Ctx() ctx: Context, @Arg('input') input: InterfaceUpdateInput): Promise<InterfaceUpdatePayload> {
    const { result, userErrors } = await ctx.services.interfaces.update(ctx, input);
    return { interface: result, userErrors };
  }

  @Authorized(Role.BIG_DATA_BUREAU, Role.PLATFORM)
  @Mutation(() => InterfaceMountPayload, { description: '挂接共享接口 — record the mount on the city exchange platform (大数据管理局或平台, 第十七条)' })
  async interfaceMount(@Ctx() ctx: Context, @Arg('input') input: InterfaceMountInput): Promise<InterfaceMountPayload> {
    const { result, userErrors } = await ctx.services.interfaces.mount(ctx, input);
    return { interface: await ctx.services.interfaces.shownTo(ctx, result), userErrors };
  }

  @Authorized(Role.BIG_DATA_BUREAU, Role.PLATFORM)
  @Mutation(() => InterfaceWithdrawPayload, { description: '撤销挂接 — record the withdrawal from the city exchange platform (大数据管理局或平台, 第十七条)' })
  async interfaceWithdraw(@Ctx() ctx: Context, @Arg('input') input: InterfaceWithdrawInput): Promise<InterfaceWithdrawPayload> {
    const { result, userErrors } = await ctx.services.interfaces.withdraw(ctx, input);
    return { interface: await ctx.services.interfaces.shownTo(ctx, result), userErrors };
  }

  @FieldResolver(() => InformationResource, { description: '信息资源 — the catalogue entry it serves' })
  async resource(@Root() i: SharingInterface, @Ctx() ctx: Context): Promise<InformationResource> {
    return (await ctx.loaders.resourceById.load(i.resourceId))!;
  }

  @FieldResolver(() => [Organization], { description: '使用单位 — consuming organisations, by name' })
  consumers(@Root() i: SharingInterface, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.consumersByInterfaceId.load(i.id);
  }
}
