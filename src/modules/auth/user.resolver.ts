import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { User } from './user.entity';
import { UserCreateInput, UserDisableInput, UserUpdateInput, ViewerEmailSetInput } from './user.inputs';
import { UserConnection, UserCreatePayload, UserDisablePayload, UserUpdatePayload, ViewerEmailSetPayload } from './auth.payloads';

@Resolver(() => User)
export class UserResolver {
  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: '用户列表 — users, by login (ADMIN)' })
  async users(@Ctx() ctx: Context, @Args() page: ConnectionArgs): Promise<UserConnection> {
    return toConnection(await ctx.services.users.list(ctx, page));
  }

  @Authorized(Role.ADMIN)
  @Query(() => User, { nullable: true, description: '按ID查用户 — one user (ADMIN)' })
  async user(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<User | null> {
    return ctx.services.users.findOne(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserCreatePayload, { description: '新建用户 — a person with a name, an organisation and roles (ADMIN)' })
  async userCreate(@Ctx() ctx: Context, @Arg('input') input: UserCreateInput): Promise<UserCreatePayload> {
    const { result, userErrors } = await ctx.services.users.create(ctx, input);
    return { user: result, userErrors };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserUpdatePayload, { description: '修改用户 — name, organisation, roles, password, single sign-on subject (ADMIN)' })
  async userUpdate(@Ctx() ctx: Context, @Arg('input') input: UserUpdateInput): Promise<UserUpdatePayload> {
    const { result, userErrors } = await ctx.services.users.update(ctx, input);
    return { user: result, userErrors };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserDisablePayload, { description: '停用用户 — their tokens and sessions are refused from the next request (ADMIN)' })
  async userDisable(@Ctx() ctx: Context, @Arg('input') input: UserDisableInput): Promise<UserDisablePayload> {
    const { result, userErrors } = await ctx.services.users.disable(ctx, input);
    return { user: result, userErrors };
  }

  @Authorized()
  @Mutation(() => ViewerEmailSetPayload, {
    description: '设置本人提醒邮箱 — the signed-in person sets or removes their own address for the daily reminder digest (any role)',
  })
  async viewerEmailSet(@Ctx() ctx: Context, @Arg('input') input: ViewerEmailSetInput): Promise<ViewerEmailSetPayload> {
    const { result, userErrors } = await ctx.services.users.viewerEmailSet(ctx, input);
    return { user: result, userErrors };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位 — organisation' })
  organization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return user.organizationId ? ctx.loaders.organizationById.load(user.organizationId) : null;
  }

  @FieldResolver(() => Boolean, { description: '已停用 — disabled' })
  disabled(@Root() user: User): boolean {
    return user.disabledAt !== null;
  }
}
