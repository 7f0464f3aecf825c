import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { InformationResource } from '../catalogue';
import { SharingInterface } from '../sharing';

/** 第十七条: an interface's latest run and latest success, the bookkeeping ingest keeps (one statement per page of interfaces). */
@Resolver(() => SharingInterface)
export class InterfaceRunTimesResolver {
  @FieldResolver(() => Date, { nullable: true, description: '最近一次归集时间 — last aggregation run, kept on ingest' })
  async lastRunAt(@Root() i: SharingInterface, @Ctx() ctx: Context): Promise<Date | null> {
    return (await ctx.loaders.runTimesByInterfaceId.load(i.id))?.lastRunAt ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: '最近一次成功归集时间 — last successful aggregation run, kept on ingest' })
  async lastSuccessAt(@Root() i: SharingInterface, @Ctx() ctx: Context): Promise<Date | null> {
    return (await ctx.loaders.runTimesByInterfaceId.load(i.id))?.lastSuccessAt ?? null;
  }
}

/** 第十七条: a catalogue entry's latest successful run over any of its interfaces (one statement per page of entries). */
@Resolver(() => InformationResource)
export class ResourceRunTimesResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: '最近一次成功归集时间（任一接口）— last successful aggregation over any of its interfaces, kept on ingest',
  })
  async lastAggregatedAt(@Root() r: InformationResource, @Ctx() ctx: Context): Promise<Date | null> {
    return (await ctx.loaders.runTimesByResourceId.load(r.id)) ?? null;
  }
}
