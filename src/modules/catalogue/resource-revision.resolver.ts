import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { InformationResource } from './information-resource.entity';
import { ResourceRevision } from './resource-revision.entity';
import { draftOf } from './resource-revision';

/** The revision of a published entry, read beside the published version (第五条). */
@Resolver(() => ResourceRevision)
export class ResourceRevisionResolver {
  @FieldResolver(() => InformationResource, {
    description: '修订后的条目 — the entry as the revision would publish it: its metadata and data items (status and code are the published entry’s)',
  })
  async entry(@Root() revision: ResourceRevision, @Ctx() ctx: Context): Promise<InformationResource> {
    const published = (await ctx.loaders.resourceById.load(revision.resourceId))!;
    return draftOf(published, revision, revision.dataItems);
  }
}
