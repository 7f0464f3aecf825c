import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, toConnection } from '../../graphql/connection';
import type { Context } from '../../graphql/context';
import { Role } from '../../common/role.enums';
import { SharingInterface } from '../sharing';
import { AggregationRunBatchScalar, AggregationRunsReportInput } from './aggregation.inputs';
import { AggregationRunConnection, AggregationRunsReportPayload } from './aggregation.payloads';

/** 归集 (第十七条): the city exchange platform reports its runs; each interface shows its history. */
@Authorized()
@Resolver(() => SharingInterface)
export class AggregationResolver {
  @Authorized(Role.PLATFORM, Role.BIG_DATA_BUREAU)
  @Mutation(() => AggregationRunsReportPayload, {
    description:
      '上报归集记录 — report a batch of aggregation runs of mounted interfaces; all or nothing, retries change nothing (市共享交换平台或大数据管理局, 第十七条)',
  })
  async aggregationRunsReport(@Ctx() ctx: Context, @Arg('input') input: AggregationRunsReportInput): Promise<AggregationRunsReportPayload> {
    const { result, userErrors } = await ctx.services.aggregation.report(ctx, input);
    return { accepted: result?.accepted ?? null, duplicates: result?.duplicates ?? null, userErrors };
  }

  @Authorized(Role.PLATFORM, Role.BIG_DATA_BUREAU)
  @Mutation(() => AggregationRunsReportPayload, {
    description:
      "批量上报归集记录 — the bulk form of aggregationRunsReport for the platform's pushers: the batch as one AggregationRunBatch value, " +
      'checked in one pass by the same rules, stored the same way (all or nothing, retries change nothing, one audit entry); ' +
      'userErrors name ["batch", "runs", index, field] (市共享交换平台或大数据管理局, 第十七条)',
  })
  async aggregationRunsIngest(@Ctx() ctx: Context, @Arg('batch', () => AggregationRunBatchScalar) batch: unknown): Promise<AggregationRunsReportPayload> {
    const { result, userErrors } = await ctx.services.aggregation.ingest(ctx, batch);
    return { accepted: result?.accepted ?? null, duplicates: result?.duplicates ?? null, userErrors };
  }

  @FieldResolver(() => AggregationRunConnection, { description: '归集记录，最新在前 — aggregation runs of this interface, newest first (第十七条)' })
  async runs(@Root() i: SharingInterface, @Ctx() ctx: Context, @Args() page: ConnectionArgs): Promise<AggregationRunConnection> {
    return toConnection(await ctx.loaders.runsByInterface.load({ interfaceId: i.id, first: page.first, after: page.after }));
  }
}
