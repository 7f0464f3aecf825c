import { Authorized, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organization } from '../organization';
import { Role } from '../../common/role.enums';

@ObjectType({ description: '当前调用者 — the authenticated caller' })
export class Viewer {
  @Field(() => ID, { description: '用户标识 — the user’s (or service account’s) id: the actor recorded for what they do, stable across tokens' })
  userId: string;

  @Field(() => String, { nullable: true, description: '姓名或服务账号名称 — name' })
  name: string | null;

  @Field({ description: '类型 — USER (a person) or SERVICE_ACCOUNT (an API token)' })
  kind: string;

  @Field(() => [Role])
  roles: Role[];

  /** Resolved through the organisation loader. */
  organizationId: string | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer, { description: '当前调用者 — who the credentials say the caller is' })
  viewer(@Ctx() ctx: Context): Viewer {
    const { userId, roles, organizationId, name, kind } = ctx.caller!;
    return { userId, roles, organizationId, name: name ?? null, kind: kind ?? 'USER' };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '本人提醒邮箱 — the person’s own address for the daily digest (viewerEmailSet); null for a service account',
  })
  async email(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<string | null> {
    if (viewer.kind === 'SERVICE_ACCOUNT') return null;
    return (await ctx.services.users.findOne(ctx, viewer.userId))?.email ?? null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "所属单位 — the caller's organisation" })
  organization(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return viewer.organizationId ? ctx.loaders.organizationById.load(viewer.organizationId) : null;
  }
}
