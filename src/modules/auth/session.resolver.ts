import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ANYONE } from '../../graphql/auth-checker';
import type { Context } from '../../graphql/context';
import { SessionCreateInput, SessionRefreshInput } from './user.inputs';
import { SessionCreatePayload, SessionRefreshPayload, SessionRevokePayload } from './auth.payloads';

/** Sign-in for API clients: no token needed to call these (the browser console uses POST /auth/session). */
@Authorized(ANYONE)
@Resolver()
export class SessionResolver {
  @Mutation(() => SessionCreatePayload, { description: '登录 — a password sign-in: a short-lived access token and a refresh token' })
  async sessionCreate(@Ctx() ctx: Context, @Arg('input') input: SessionCreateInput): Promise<SessionCreatePayload> {
    const { result, userErrors } = await ctx.services.sessions.create(ctx, input);
    return { session: result, userErrors };
  }

  @Mutation(() => SessionRefreshPayload, { description: '刷新 — a new access token and refresh token; the old refresh token stops working' })
  async sessionRefresh(@Ctx() ctx: Context, @Arg('input') input: SessionRefreshInput): Promise<SessionRefreshPayload> {
    const { result, userErrors } = await ctx.services.sessions.refresh(ctx, input);
    return { session: result, userErrors };
  }

  @Mutation(() => SessionRevokePayload, { description: '注销 — ends the session of a refresh token; its access tokens are refused from the next request' })
  async sessionRevoke(@Ctx() ctx: Context, @Arg('input') input: SessionRefreshInput): Promise<SessionRevokePayload> {
    const { result, userErrors } = await ctx.services.sessions.revoke(ctx, input.refreshToken, 'TOKEN');
    return { revoked: result === true, userErrors };
  }
}
