import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { Organization } from '../organization';
import { ApiToken } from './api-token.entity';
import { ApiTokenCreateInput, ApiTokenRevokeInput } from './user.inputs';
import { ApiTokenConnection, ApiTokenCreatePayload, ApiTokenRevokePayload } from './auth.payloads';

@Authorized(Role.ADMIN)
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => ApiTokenConnection, { description: '服务账号令牌 — API tokens, by name (ADMIN; never their secrets)' })
  async apiTokens(@Ctx() ctx: Context, @Args() page: ConnectionArgs): Promise<ApiTokenConnection> {
    return toConnection(await ctx.services.apiTokens.list(ctx, page));
  }

  @Mutation(() => ApiTokenCreatePayload, { description: '新建服务账号令牌 — the secret is answered this once (ADMIN)' })
  async apiTokenCreate(@Ctx() ctx: Context, @Arg('input') input: ApiTokenCreateInput): Promise<ApiTokenCreatePayload> {
    const { result, userErrors } = await ctx.services.apiTokens.create(ctx, input);
    return { created: result, userErrors };
  }

  @Mutation(() => ApiTokenRevokePayload, { description: '吊销服务账号令牌 — refused from its next request (ADMIN)' })
  async apiTokenRevoke(@Ctx() ctx: Context, @Arg('input') input: ApiTokenRevokeInput): Promise<ApiTokenRevokePayload> {
    const { result, userErrors } = await ctx.services.apiTokens.revoke(ctx, input);
    return { apiToken: result, userErrors };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位 — organisation' })
  organization(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return token.organizationId ? ctx.loaders.organizationById.load(token.organizationId) : null;
  }
}
