import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ConnectionArgs } from '../../graphql/connection';
import type { Page } from '../../common/paging';
import { loadGrouped } from '../../common/page-batch';
import type { AggregationRun } from './aggregation-run.entity';
import type { AggregationService } from './aggregation.service';

/** `SharingInterface.runs(first, after)` of one interface. */
export interface RunsKey extends ConnectionArgs {
  interfaceId: string;
}

const argsOf = (k: ConnectionArgs) => JSON.stringify([k.first ?? null, k.after ?? null]);

/** Batches the run history's nested reads: one statement for the runs of every interface on a page. */
export function aggregationLoaders(ds: DataSource, aggregation: AggregationService) {
  return {
    runsByInterface: new DataLoader<RunsKey, Page<AggregationRun>, string>(
      (keys) =>
        loadGrouped(keys, argsOf, async (group) => {
          const pages = await aggregation.runPages(
            ds.manager,
            group.map((k) => k.interfaceId),
            group[0],
          );
          return group.map((k) => pages.get(k.interfaceId)!);
        }),
      { cacheKeyFn: (k) => `${k.interfaceId}|${argsOf(k)}` },
    ),
  };
}
