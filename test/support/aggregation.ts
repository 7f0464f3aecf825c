/**
 * What the aggregation specs share: the typed report mutation, interfaces inserted directly in a
 * mount state, and runs numbered per spec file (each file has its own database).
 */
import { UpdateFrequency } from '../../src/modules/catalogue';
import { InterfaceKind, MountStatus, SharingInterface } from '../../src/modules/sharing';
import type { TestHub } from './hub';
import { insertResource } from './projects';

export const REPORT = `mutation ($input: AggregationRunsReportInput!) {
  aggregationRunsReport(input: $input) { accepted duplicates userErrors { code field message article } } }`;

/** The specs' "now", and an instant `h` hours before it (ISO). */
export const NOW = Date.parse('2027-06-01T00:00:00.000Z');
export const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();

/** Interfaces and runs whose endpoints, platform ids and run ids start with `prefix`. */
export function runFixtures(prefix: string) {
  let endpointSeq = 0;
  let runSeq = 0;
  /** An interface of `resourceId` in `mountStatus` (a platform id unless not mounted). */
  const newInterface = async (hub: TestHub, resourceId: string, mountStatus = MountStatus.MOUNTED): Promise<string> => {
    const n = ++endpointSeq;
    const { identifiers } = await hub.ds.getRepository(SharingInterface).insert({
      resourceId,
      kind: InterfaceKind.REST_API,
      endpoint: `https://exchange.sucheng.gov.cn/api/${prefix}${n}`,
      syncFrequency: UpdateFrequency.DAILY,
      mountStatus,
      platformId: mountStatus === MountStatus.NOT_MOUNTED ? null : `SQ-${prefix}GX-${n}`,
    });
    return identifiers[0].id as string;
  };
  return {
    newInterface,
    /** A new resource of the project with one interface in `mountStatus`. */
    mounted: async (hub: TestHub, projectId: string, provider: string, mountStatus = MountStatus.MOUNTED) => {
      const r = await insertResource(hub, projectId, provider);
      return { resourceId: r.id, interfaceId: await newInterface(hub, r.id, mountStatus) };
    },
    /** A successful incremental run of 120 records, with `overrides`. */
    run: (interfaceId: string, ranAt: string, overrides: Record<string, unknown> = {}) => ({
      interfaceId,
      platformRunId: `SQ-${prefix}RUN-${++runSeq}`,
      ranAt,
      mode: 'INCREMENTAL',
      records: 120,
      outcome: 'SUCCEEDED',
      ...overrides,
    }),
  };
}
