import { Authorized, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organization } from '../organization';
import { Role } from '../../common/role.enums';

@ObjectType({ description: '当前调用者 — the authenticated caller' })
export class Viewer {
  @Field(() => ID, { description: '用户标识 — user id (token subject)' })
  userId: string;

  @Field(() => [Role])
  roles: Role[];

  /** Resolved through the organisation loader. */
  organizationId: string | null;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer, { description: '当前调用者 — who the token says the caller is' })
  viewer(@Ctx() ctx: Context): Viewer {
    const { userId, roles, organizationId } = ctx.caller!;
    return { userId, roles, organizationId };
  }

  @FieldResolver(() => Organization, { nullable: true, description: "所属单位 — the caller's organisation" })
  organization(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return viewer.organizationId ? ctx.loaders.organizationById.load(viewer.organizationId) : null;
  }
}
