import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Organization } from '../organization';
import { InformationResourceConnection, ProviderCount, ResourceFacets } from './resource.payloads';

@Authorized()
@Resolver(() => InformationResourceConnection)
export class ResourceConnectionResolver {
  @FieldResolver(() => ResourceFacets, { description: '分面统计 — counts of the whole filtered set, in one SQL statement' })
  facets(@Root() connection: InformationResourceConnection, @Ctx() ctx: Context): Promise<ResourceFacets> {
    return ctx.services.resources.facets(ctx, connection.filter);
  }
}

@Authorized()
@Resolver(() => ProviderCount)
export class ProviderCountResolver {
  @FieldResolver(() => Organization, { description: '提供方 — the providing organisation' })
  async organization(@Root() row: ProviderCount, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(row.providerId))!;
  }
}
