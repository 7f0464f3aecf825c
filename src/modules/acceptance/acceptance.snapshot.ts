import { EntityManager, In, Not } from 'typeorm';
import { ResourceStatus, InformationResource, CatalogueRecord, catalogueRecord } from '../catalogue';
import type { CompletenessService, CompletenessCounts } from '../completeness';
import { Project } from '../project';
import { SharingInterface } from '../sharing';
import { AcceptanceSnapshot } from './acceptance-snapshot.entity';
import { canonicalJson, contentHash } from '../../common/canonical-json';

/*
 * What an acceptance snapshot holds (第二十五条: 信息资源共享目录 with the application), built by one
 * function for the frozen side and the live side alike, so that the two cannot drift apart.
 */

/** The completeness service as the snapshot uses it. */
export type CompletenessReader = Pick<CompletenessService, 'countsByProject' | 'gaps'>;

export interface SnapshotProject {
  id: string;
  code: string;
  name: string;
  status: string;
  leadUnit: { creditCode: string; name: string };
  planYear: number;
  goLiveDate: string | null;
  trialEndDate: string | null;
}

/** A catalogue entry as its record (catalogue-record.ts), with its id and review status. */
export interface SnapshotEntry extends CatalogueRecord {
  id: string;
  status: string;
}

/** A sharing-list entry; consumers by credit code, sorted. */
export interface SnapshotInterface {
  id: string;
  resourceCode: string;
  kind: string;
  endpoint: string;
  syncFrequency: string;
  mountStatus: string;
  platformId: string | null;
  consumerCreditCodes: string[];
}

/** The project, its catalogue (entries not retired, by code) and its sharing list (by resource code, endpoint, id). */
export interface CatalogueState {
  project: SnapshotProject;
  resources: SnapshotEntry[];
  interfaces: SnapshotInterface[];
}

export interface SnapshotContent extends CatalogueState {
  /** Shape of this content; a later shape gets a new number and old snapshots keep theirs. */
  schemaVersion: 1;
  /** The instant the completeness was computed at. */
  asOf: string;
  completeness: { counts: CompletenessCounts; gaps: { resourceCode: string; reason: string; detail: string | null }[] };
}

/** Orders by the keys in turn, by UTF-16 code units (as canonicalJson orders object keys). */
function byKeys<T>(...keys: ((row: T) => string | number)[]) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** The catalogue state of each project, in three statements whatever the number of projects. */
export async function catalogueStates(em: EntityManager, projectIds: readonly string[]): Promise<Map<string, CatalogueState>> {
  const ids = [...projectIds];
  // One after the other: inside a transaction the three share one connection.
  const projects = await em.find(Project, { where: { id: In(ids) }, relations: { leadUnit: true } });
  const resources = await em.find(InformationResource, {
    where: { projectId: In(ids), status: Not(ResourceStatus.RETIRED) },
    relations: { provider: true, dataItems: true },
  });
  const interfaces = await em.find(SharingInterface, {
    where: { resource: { projectId: In(ids), status: Not(ResourceStatus.RETIRED) } },
    relations: { resource: true, consumers: true },
  });
  const out = new Map<string, CatalogueState>();
  for (const p of projects) {
    const { id, code, name, status, planYear, goLiveDate, trialEndDate } = p;
    const leadUnit = { creditCode: p.leadUnit.creditCode, name: p.leadUnit.name };
    out.set(p.id, { project: { id, code, name, status, leadUnit, planYear, goLiveDate, trialEndDate }, resources: [], interfaces: [] });
  }
  for (const r of resources.sort(byKeys((r) => r.code))) out.get(r.projectId)?.resources.push(entryOf(r));
  const sorted = interfaces.sort(
    byKeys(
      (i) => i.resource.code,
      (i) => i.endpoint,
      (i) => i.id,
    ),
  );
  for (const i of sorted) {
    out.get(i.resource.projectId)?.interfaces.push({
      id: i.id,
      resourceCode: i.resource.code,
      kind: i.kind,
      endpoint: i.endpoint,
      syncFrequency: i.syncFrequency,
      mountStatus: i.mountStatus,
      platformId: i.platformId,
      consumerCreditCodes: i.consumers.map((c) => c.creditCode).sort(),
    });
  }
  return out;
}

function entryOf(r: InformationResource): SnapshotEntry {
  return { id: r.id, ...catalogueRecord(r, r.dataItems, r.provider), status: r.status };
}

/**
 * 第二十五条: freezes the project, its catalogue, its sharing list and its completeness at `now`
 * (第九条: 信息资源共享的完整性……是项目验收的重要依据), with the SHA-256 of the canonical serialisation.
 * Called in the application's transaction, before the project's status changes.
 */
export async function freezeSnapshot(em: EntityManager, completeness: CompletenessReader, projectId: string, applicationId: string, now: Date): Promise<void> {
  const states = await catalogueStates(em, [projectId]);
  const counts = await completeness.countsByProject(em, [projectId], now);
  const gaps = await completeness.gaps(em, [projectId], now);
  const content: SnapshotContent = {
    schemaVersion: 1,
    asOf: now.toISOString(),
    ...states.get(projectId)!,
    completeness: {
      counts: counts.get(projectId)!, // 0/0 throughout for a project without resources
      gaps: gaps
        .filter((g) => g.projectId === projectId)
        .map(({ resourceCode, reason, detail }) => ({ resourceCode, reason, detail: detail ?? null }))
        .sort(
          byKeys(
            (g) => g.resourceCode,
            (g) => g.reason,
            (g) => g.detail ?? '',
          ),
        ),
    },
  };
  await em.save(
    em.create(AcceptanceSnapshot, { applicationId, takenAt: now, content: content as unknown as Record<string, unknown>, contentHash: contentHash(content) }),
  );
}

/** The stored content hashes to the stored hash. */
export const verifySnapshot = (s: Pick<AcceptanceSnapshot, 'content' | 'contentHash'>): boolean => contentHash(s.content) === s.contentHash;

// ── What changed since ────────────────────────────────────────────────────────────────────────

/** An interface added, removed or changed since the snapshot (as it now stands, or stood when removed). */
export interface InterfaceDelta {
  id: string;
  resourceCode: string;
  endpoint: string;
  /** Names of the changed fields; empty when added or removed. */
  fields: string[];
}

export interface SnapshotDelta {
  resourcesAdded: string[];
  resourcesRemoved: string[];
  resourcesChanged: { code: string; fields: string[] }[];
  interfacesAdded: InterfaceDelta[];
  interfacesRemoved: InterfaceDelta[];
  interfacesChanged: InterfaceDelta[];
}

/** Names of the members whose values differ, sorted. */
function changedFields(a: object, b: object): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => canonicalJson(x[k]) !== canonicalJson(y[k])).sort();
}

function compare<T extends object>(frozen: T[], live: T[], keyOf: (row: T) => string) {
  const before = new Map(frozen.map((r) => [keyOf(r), r]));
  const after = new Map(live.map((r) => [keyOf(r), r]));
  return {
    added: live.filter((r) => !before.has(keyOf(r))),
    removed: frozen.filter((r) => !after.has(keyOf(r))),
    changed: live.flatMap((r) => {
      const old = before.get(keyOf(r));
      const fields = old ? changedFields(old, r) : [];
      return fields.length ? [{ row: r, fields }] : [];
    }),
  };
}

/** The live catalogue against the frozen one: entries by code, interfaces by id, each changed one with the names of its changed fields. */
export function snapshotDelta(frozen: CatalogueState, live: CatalogueState): SnapshotDelta {
  const resources = compare(frozen.resources, live.resources, (r) => r.code);
  const interfaces = compare(frozen.interfaces, live.interfaces, (i) => i.id);
  const ref = ({ id, resourceCode, endpoint }: SnapshotInterface, fields: string[] = []): InterfaceDelta => ({ id, resourceCode, endpoint, fields });
  return {
    resourcesAdded: resources.added.map((r) => r.code),
    resourcesRemoved: resources.removed.map((r) => r.code),
    resourcesChanged: resources.changed.map(({ row, fields }) => ({ code: row.code, fields })),
    interfacesAdded: interfaces.added.map((i) => ref(i)),
    interfacesRemoved: interfaces.removed.map((i) => ref(i)),
    interfacesChanged: interfaces.changed.map(({ row, fields }) => ref(row, fields)),
  };
}
