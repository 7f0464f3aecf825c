import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ResourceVersion } from './resource-version.entity';

/** A published version's publisher by name (第五条). */
@Resolver(() => ResourceVersion)
export class ResourceVersionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: '发布人姓名（无对应用户账号时为空）— the publisher by name; null when the id names no user account',
  })
  publishedByName(@Root() v: ResourceVersion, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.userNameById.load(v.publishedBy);
  }
}
