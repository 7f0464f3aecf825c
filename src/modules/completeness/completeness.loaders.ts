import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ConnectionArgs } from '../../graphql/connection';
import type { Page } from '../../common/paging';
import { loadGrouped } from '../../common/page-batch';
import type { CompletenessScope } from './completeness.objects';
import type { CompletenessService } from './completeness.service';
import type { CompletenessCounts, GapRow } from './completeness.types';
import type { GapReason } from './completeness.enums';

/** `Completeness.gaps(first, after)` of one scope, at the instant its figures were computed for. */
export interface GapsKey extends ConnectionArgs {
  scope: CompletenessScope;
  at: Date;
  /** Only gaps of these reasons; all when null. */
  reasons: GapReason[] | null;
}

const groupOf = (k: GapsKey) => JSON.stringify([k.at.getTime(), k.first ?? null, k.after ?? null, k.reasons]);

/**
 * Batches the completeness reads of one request: the figures of every project on a page in one
 * statement, and the gaps of every scope asked with the same arguments in one more. The figures of
 * one request are all judged at the instant the request's loaders were made.
 */
export function completenessLoaders(ds: DataSource, completeness: CompletenessService) {
  const at = completeness.now();
  return {
    completenessByProjectId: new DataLoader<string, { at: Date; counts: CompletenessCounts }>(async (ids) => {
      const counts = await completeness.countsByProject(ds.manager, [...ids], at);
      return ids.map((id) => ({ at, counts: counts.get(id)! }));
    }),

    completenessGaps: new DataLoader<GapsKey, Page<GapRow>, string>(
      (keys) =>
        loadGrouped(keys, groupOf, async (group) => {
          const pages = await completeness.gapPages(
            ds.manager,
            group.map((k) => k.scope),
            group[0].at,
            group[0],
            group[0].reasons,
          );
          return group.map((k) => pages.get(k.scope.key)!);
        }),
      { cacheKeyFn: (k) => `${k.scope.key}|${groupOf(k)}` },
    ),
  };
}
