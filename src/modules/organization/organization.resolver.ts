import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { badInput } from '../../common/errors';
import { Role } from '../../common/role.enums';
import { Organization } from './organization.entity';
import { OrganizationCreateInput, OrganizationFilter, OrganizationUpdateInput } from './organization.inputs';
import { OrganizationConnection, OrganizationCreatePayload, OrganizationUpdatePayload } from './organization.payloads';

@Authorized()
@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: '按ID或统一社会信用代码查单位 — one organisation by id or credit code' })
  async organization(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('creditCode', { nullable: true }) creditCode?: string,
  ): Promise<Organization | null> {
    if (!id === !creditCode) throw badInput('id', '请提供 id 或 creditCode 之一');
    return ctx.services.organizations.findOne(ctx, { id, creditCode });
  }

  @Query(() => OrganizationConnection, { description: '单位列表 — organisations, by name' })
  async organizations(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
  ): Promise<OrganizationConnection> {
    return toConnection(await ctx.services.organizations.list(ctx, filter, page));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OrganizationCreatePayload, { description: '新建单位 — register an organisation (ADMIN)' })
  async organizationCreate(@Ctx() ctx: Context, @Arg('input') input: OrganizationCreateInput): Promise<OrganizationCreatePayload> {
    const { result, userErrors } = await ctx.services.organizations.create(ctx, input);
    return { organization: result, userErrors };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => OrganizationUpdatePayload, { description: '修改单位 — change an organisation (ADMIN)' })
  async organizationUpdate(@Ctx() ctx: Context, @Arg('input') input: OrganizationUpdateInput): Promise<OrganizationUpdatePayload> {
    const { result, userErrors } = await ctx.services.organizations.update(ctx, input);
    return { organization: result, userErrors };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '主管单位 — supervising organisation' })
  async supervisor(@Root() org: Organization, @Ctx() ctx: Context): Promise<Organization | null> {
    return org.supervisorId ? ctx.loaders.organizationById.load(org.supervisorId) : null;
  }
}
