import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ConnectionArgs } from '../../graphql/connection';
import type { Page } from '../../common/paging';
import { loadGrouped } from '../../common/page-batch';
import type { AggregationRun } from './aggregation-run.entity';
import type { AggregationService, RunTimes } from './aggregation.service';
import { INTERFACE_RUN_TIMES_OF, RESOURCE_RUN_TIMES_OF } from './aggregation.sql';

/** `SharingInterface.runs(first, after)` of one interface. */
export interface RunsKey extends ConnectionArgs {
  interfaceId: string;
}

const argsOf = (k: ConnectionArgs) => JSON.stringify([k.first ?? null, k.after ?? null]);

/** What one batch of an interface's aggregation fields asks for: a page of its runs, or its last-run times. */
type InterfaceKey = ({ kind: 'runs' } & RunsKey) | { kind: 'times'; interfaceId: string };

/**
 * Batches the run history's nested reads: one statement for the runs of every interface on a page,
 * which also brings their last-run times (SharingInterface.lastRunAt, .lastSuccessAt asked beside
 * `runs` cost nothing more); times asked without the runs, one statement for every interface.
 */
export function aggregationLoaders(ds: DataSource, aggregation: AggregationService) {
  const ofInterface = new DataLoader<InterfaceKey, Page<AggregationRun> | RunTimes | null, string>(
    async (keys) => {
      const runs = keys.flatMap((k) => (k.kind === 'runs' ? [k] : []));
      const times = new Map<string, RunTimes | null>();
      const pages = await loadGrouped(runs, argsOf, async (group) => {
        const found = await aggregation.runPages(
          ds.manager,
          group.map((k) => k.interfaceId),
          group[0],
        );
        for (const [id, page] of found) times.set(id, page.times);
        return group.map((k) => found.get(k.interfaceId)!);
      });
      const rest = [...new Set(keys.flatMap((k) => (k.kind === 'times' && !times.has(k.interfaceId) ? [k.interfaceId] : [])))];
      if (rest.length) {
        const rows: { interface_id: string; last_run_at: Date | null; last_success_at: Date | null }[] = await ds.query(INTERFACE_RUN_TIMES_OF, [rest]);
        for (const id of rest) times.set(id, null);
        for (const r of rows) times.set(r.interface_id, { lastRunAt: r.last_run_at, lastSuccessAt: r.last_success_at });
      }
      let n = 0;
      return keys.map((k) => (k.kind === 'runs' ? pages[n++] : times.get(k.interfaceId)!));
    },
    { cacheKeyFn: (k) => (k.kind === 'runs' ? `runs|${k.interfaceId}|${argsOf(k)}` : `times|${k.interfaceId}`) },
  );
  return {
    /** SharingInterface.runs(first, after) of one interface. */
    runsByInterface: { load: async (k: RunsKey) => (await ofInterface.load({ kind: 'runs', ...k })) as Page<AggregationRun> },
    /** SharingInterface.lastRunAt, .lastSuccessAt: with the runs' statement when those are asked too, else one statement for the request's interfaces. */
    runTimesByInterfaceId: { load: async (interfaceId: string) => (await ofInterface.load({ kind: 'times', interfaceId })) as RunTimes | null },
    /** InformationResource.lastAggregatedAt: one statement for every entry of the request. */
    runTimesByResourceId: new DataLoader<string, Date | null>(async (ids) => {
      const rows: { resource_id: string; last_aggregated_at: Date | null }[] = await ds.query(RESOURCE_RUN_TIMES_OF, [ids]);
      const byId = new Map(rows.map((r) => [r.resource_id, r.last_aggregated_at]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
