/**
 * The completeness SQL against a plain TypeScript reading of DESIGN §3, on random catalogues
 * written straight into a fresh database (each in a transaction rolled back afterwards).
 */
import fc from 'fast-check';
import type { DataSource, EntityManager } from 'typeorm';
import { fixedClock } from '../src/common/clock';
import { createDataSource } from '../src/db/data-source';
import { DataItemType, itemProblems, OpenType, sharingProblems, ResourceStatus, SharingType, UpdateFrequency } from '../src/modules/catalogue';
import type { ItemShape } from '../src/modules/catalogue';
import { CompletenessService, GapReason } from '../src/modules/completeness';
import type { CompletenessCounts } from '../src/modules/completeness';
import { MountStatus } from '../src/modules/sharing';
import { freshDatabase } from './support/hub';

const NOW = Date.parse('2027-06-01T00:00:00.000Z');
const HOUR = 3600_000;

// ── The reference ──────────────────────────────────────────────────────────────────────────────

/** One update-frequency window in hours (DESIGN §3); IRREGULAR has none. */
const WINDOW: Record<UpdateFrequency, number | null> = {
  REALTIME: 1,
  DAILY: 24,
  WEEKLY: 7 * 24,
  MONTHLY: 31 * 24,
  QUARTERLY: 92 * 24,
  HALF_YEARLY: 183 * 24,
  YEARLY: 366 * 24,
  IRREGULAR: null,
};

interface Resource {
  code: string;
  status: ResourceStatus;
  sharingType: SharingType | null;
  sharingCondition: string | null;
  legalBasis: string | null;
  openCondition: string | null;
  openType: OpenType | null;
  updateFrequency: UpdateFrequency | null;
  dataItems: ItemShape[];
  interfaces: MountStatus[];
  lastAggregatedAt: Date | null;
}

type Gap = [code: string, reason: GapReason];

const blank = (s: string | null) => s === null || s.trim() === '';

/** The gaps of one resource, one per broken rule, in the figures' order. */
function gapsOf(r: Resource, grace: number): GapReason[] {
  const shareable = r.sharingType === SharingType.UNCONDITIONAL || r.sharingType === SharingType.CONDITIONAL;
  const opened = r.openType === OpenType.OPEN || r.openType === OpenType.CONDITIONAL_OPEN;
  const window = r.updateFrequency ? WINDOW[r.updateFrequency] : null;
  const last = r.lastAggregatedAt?.getTime() ?? null;
  const out: [boolean, GapReason][] = [
    [r.status !== ResourceStatus.PUBLISHED, GapReason.NOT_PUBLISHED],
    [r.sharingType === null, GapReason.MISSING_SHARING_TYPE],
    [r.openType === null, GapReason.MISSING_OPEN_TYPE],
    [r.updateFrequency === null, GapReason.MISSING_FREQUENCY],
    [r.sharingType === SharingType.CONDITIONAL && blank(r.sharingCondition), GapReason.MISSING_CONDITION],
    [r.sharingType === SharingType.NOT_SHARED && blank(r.legalBasis), GapReason.MISSING_LEGAL_BASIS],
    [r.openType === OpenType.CONDITIONAL_OPEN && blank(r.openCondition), GapReason.MISSING_OPEN_CONDITION],
    [r.dataItems.length === 0, GapReason.NO_DATA_ITEMS],
    // 第八条: the catalogue's own TypeScript reading of the data-item rules (itemProblems) is the reference.
    [itemProblems(r.dataItems).length > 0, GapReason.MALFORMED_ITEMS],
    [opened && !shareable, GapReason.OPEN_BUT_NOT_SHARED],
    [shareable && !r.interfaces.some((s) => s !== MountStatus.WITHDRAWN), GapReason.NO_INTERFACE],
    [shareable && !r.interfaces.includes(MountStatus.MOUNTED), GapReason.NOT_MOUNTED],
    [shareable && last === null, GapReason.NEVER_AGGREGATED],
    [shareable && last !== null && window !== null && last < NOW - (window + grace) * HOUR, GapReason.STALE],
  ];
  return out.filter(([broken]) => broken).map(([, reason]) => reason);
}

const METADATA_GAPS = new Set([
  GapReason.MISSING_SHARING_TYPE,
  GapReason.MISSING_OPEN_TYPE,
  GapReason.MISSING_FREQUENCY,
  GapReason.MISSING_CONDITION,
  GapReason.MISSING_LEGAL_BASIS,
  GapReason.MISSING_OPEN_CONDITION,
  GapReason.NO_DATA_ITEMS,
  GapReason.MALFORMED_ITEMS,
  GapReason.OPEN_BUT_NOT_SHARED,
]);

function reference(resources: Resource[], grace: number): { counts: CompletenessCounts; gaps: Gap[] } {
  const live = resources.filter((r) => r.status !== ResourceStatus.RETIRED);
  const shareable = live.filter((r) => r.sharingType === SharingType.UNCONDITIONAL || r.sharingType === SharingType.CONDITIONAL);
  const gaps = new Map(live.map((r) => [r, gapsOf(r, grace)]));
  const without = (list: Resource[], reason: GapReason) => list.filter((r) => !gaps.get(r)!.includes(reason)).length;
  const aggregated = shareable.filter((r) => r.lastAggregatedAt !== null);
  return {
    counts: {
      catalogued: { numerator: without(live, GapReason.NOT_PUBLISHED), denominator: live.length },
      metadata: { numerator: live.filter((r) => !gaps.get(r)!.some((g) => METADATA_GAPS.has(g))).length, denominator: live.length },
      interfaces: { numerator: without(shareable, GapReason.NO_INTERFACE), denominator: shareable.length },
      mounted: { numerator: without(shareable, GapReason.NOT_MOUNTED), denominator: shareable.length },
      aggregated: { numerator: aggregated.length, denominator: shareable.length },
      timely: { numerator: without(aggregated, GapReason.STALE), denominator: aggregated.length },
    },
    gaps: [...gaps].flatMap(([r, reasons]) => reasons.map((reason): Gap => [r.code, reason])).sort(byCodeThenReason),
  };
}

const REASON_ORDER = Object.values(GapReason);
function byCodeThenReason(a: Gap, b: Gap): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return REASON_ORDER.indexOf(a[1]) - REASON_ORDER.indexOf(b[1]);
}

function sum(list: CompletenessCounts[]): CompletenessCounts {
  const out = reference([], 0).counts;
  for (const c of list) {
    for (const f of Object.keys(out) as (keyof CompletenessCounts)[]) {
      out[f] = { numerator: out[f].numerator + c[f].numerator, denominator: out[f].denominator + c[f].denominator };
    }
  }
  return out;
}

// ── Random catalogues ──────────────────────────────────────────────────────────────────────────

const orNull = <T>(...values: T[]) => fc.constantFrom<T | null>(null, ...values);

/** How long ago the last success was: anywhere in the last 400 days (or just ahead), or right at a window's edge. */
const lastSuccess = fc.oneof(
  fc.integer({ min: -400 * 24 * 3600, max: 600 }).map((s) => ({ ms: s * 1000 })),
  fc.record({ hours: fc.constantFrom(...Object.values(WINDOW).filter((h): h is number => h !== null)), delta: fc.constantFrom(-1, 0, 1) }),
);

const resourceArb = fc.record({
  classDigit: fc.integer({ min: 0, max: 9 }),
  status: fc.constantFrom(...Object.values(ResourceStatus)),
  sharingType: orNull(...Object.values(SharingType)),
  sharingCondition: orNull('', '  ', '经审批后共享'),
  legalBasis: orNull('', ' ', '《中华人民共和国保守国家秘密法》'),
  openCondition: orNull('', ' ', '脱敏后开放'),
  openType: orNull(...Object.values(OpenType)),
  updateFrequency: orNull(...Object.values(UpdateFrequency)),
  // Few names, every type, lengths at and off each fixed form: repeated names and misfit lengths are common.
  dataItems: fc.array(
    fc.record({
      name: fc.constantFrom('姓名', '日期', '金额'),
      dataType: fc.constantFrom(...Object.values(DataItemType)),
      length: fc.constantFrom<number | null>(null, 1, 8, 14, 50),
    }),
    { maxLength: 3 },
  ),
  interfaces: fc.array(fc.constantFrom(...Object.values(MountStatus)), { maxLength: 3 }),
  lastSuccess: fc.option(lastSuccess, { nil: null, freq: 3 }),
});

const catalogueArb = fc.record({
  grace: fc.integer({ min: 0, max: 48 }),
  projects: fc.array(fc.array(resourceArb, { maxLength: 7 }), { minLength: 1, maxLength: 4 }),
});

type Catalogue = typeof catalogueArb extends fc.Arbitrary<infer T> ? T : never;

/** The catalogue as rows, with codes unique across it (the sequence) and in mixed order (the classification digit). */
function materialize(cat: Catalogue): Resource[][] {
  let seq = 0;
  return cat.projects.map((resources) =>
    resources.map(({ classDigit, lastSuccess: last, ...r }) => ({
      ...r,
      code: `30100${classDigit}/${String(++seq).padStart(6, '0')}`,
      lastAggregatedAt: last === null ? null : new Date('ms' in last ? NOW + last.ms : NOW - (last.hours + cat.grace) * HOUR + last.delta),
    })),
  );
}

// ── The database ───────────────────────────────────────────────────────────────────────────────

let ds: DataSource;
let drop: () => Promise<void>;
let organizations: string[];

beforeAll(async () => {
  const db = await freshDatabase();
  drop = db.drop;
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO organization (name, credit_code, kind) VALUES ('甲单位', '11321302MB0000001A', 'DEPARTMENT'), ('乙单位', '11321302MB0000002A', 'DEPARTMENT') RETURNING id`,
  );
  organizations = rows.map((r) => r.id);
});
afterAll(async () => {
  await ds?.destroy();
  await drop?.();
});

/** Writes the catalogue with one multi-row INSERT per table; returns the project ids in order. */
async function insert(em: EntityManager, projects: Resource[][]): Promise<string[]> {
  const codes = projects.map((_, i) => `SC-2027-P${i}`);
  const created: { id: string; code: string }[] = await em.query(
    `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
     SELECT c, '随机项目' || c, l, 'NEW', 2027, 500000, 'APPROVED', 1 FROM unnest($1::varchar[], $2::uuid[]) AS t(c, l) RETURNING id, code`,
    [codes, codes.map((_, i) => organizations[i % 2])],
  );
  const projectIds = codes.map((c) => created.find((p) => p.code === c)!.id);
  const flat = projects.flatMap((list, p) => list.map((r) => ({ r, projectId: projectIds[p] })));
  if (flat.length === 0) return projectIds;
  const col = <T>(f: (r: Resource) => T) => flat.map(({ r }) => f(r));
  const resources: { id: string; code: string }[] = await em.query(
    `WITH t AS (
       SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::resource_status[], $4::sharing_type[], $5::text[], $6::text[], $7::open_type[],
                            $8::update_frequency[], $9::timestamptz[], $11::text[])
         AS t(code, project_id, status, sharing_type, sharing_condition, legal_basis, open_type, update_frequency, last_aggregated_at, open_condition)
     ), made AS (
       INSERT INTO information_resource (code, project_id, status, sharing_type, sharing_condition, legal_basis, open_type, update_frequency,
         open_condition, catalogue_kind, classification_code, name, provider_id, format)
       SELECT t.code, t.project_id, t.status, t.sharing_type, t.sharing_condition, t.legal_basis, t.open_type, t.update_frequency,
              t.open_condition, 'DEPARTMENTAL', '301001', '随机资源', $10::uuid, 'DATABASE'
         FROM t
       RETURNING id, code
     ), aggregated AS (
       -- the latest successful run: the aggregation module's bookkeeping (resource_run_times)
       INSERT INTO resource_run_times (resource_id, last_aggregated_at)
       SELECT m.id, t.last_aggregated_at FROM made m JOIN t ON t.code = m.code WHERE t.last_aggregated_at IS NOT NULL
     )
     SELECT id, code FROM made`,
    [
      col((r) => r.code),
      flat.map((x) => x.projectId),
      col((r) => r.status),
      col((r) => r.sharingType),
      col((r) => r.sharingCondition),
      col((r) => r.legalBasis),
      col((r) => r.openType),
      col((r) => r.updateFrequency),
      col((r) => r.lastAggregatedAt?.toISOString() ?? null),
      organizations[0],
      col((r) => r.openCondition),
    ],
  );
  const idOf = new Map(resources.map((r) => [r.code, r.id]));
  const items = flat.flatMap(({ r }) => r.dataItems.map((item, i) => ({ resourceId: idOf.get(r.code)!, position: i + 1, ...item })));
  if (items.length) {
    await em.query(
      `INSERT INTO data_item (resource_id, position, name, data_type, length)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::data_item_type[], $5::int[])`,
      [
        items.map((x) => x.resourceId),
        items.map((x) => x.position),
        items.map((x) => x.name),
        items.map((x) => x.dataType),
        items.map((x) => x.length ?? null),
      ],
    );
  }
  const mounts = flat.flatMap(({ r }) => r.interfaces.map((s) => [idOf.get(r.code)!, s] as const));
  if (mounts.length) {
    await em.query(
      `INSERT INTO sharing_interface (resource_id, mount_status, kind, endpoint, sync_frequency)
       SELECT r, s, 'REST_API', 'https://exchange.sucheng.gov.cn/api', 'DAILY' FROM unnest($1::uuid[], $2::mount_status[]) AS t(r, s)`,
      [mounts.map((x) => x[0]), mounts.map((x) => x[1])],
    );
  }
  return projectIds;
}

async function inRolledBackTransaction(work: (em: EntityManager) => Promise<void>): Promise<void> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  try {
    await work(qr.manager);
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

const codesOf = (rows: { resourceCode: string; reason: GapReason }[]): Gap[] => rows.map((g) => [g.resourceCode, g.reason]);

/** The sharing-analysis gaps the write rule (resource.rules sharingProblems) names, by the field it names. */
const WRITE_RULE_GAP: Record<string, GapReason> = {
  sharingCondition: GapReason.MISSING_CONDITION,
  legalBasis: GapReason.MISSING_LEGAL_BASIS,
  openCondition: GapReason.MISSING_OPEN_CONDITION,
  openType: GapReason.OPEN_BUT_NOT_SHARED,
};

it('the write rule of the 第九条 analysis refuses exactly what the figures count as its gaps (one definition)', () => {
  fc.assert(
    fc.property(resourceArb, (arb) => {
      const r = { ...arb, code: '301001/000001', lastAggregatedAt: null };
      const written = [...new Set(sharingProblems(r).map((e) => WRITE_RULE_GAP[e.field![1]]))].sort();
      const counted = gapsOf(r, 0)
        .filter((g) => Object.values(WRITE_RULE_GAP).includes(g))
        .sort();
      expect(written).toEqual(counted);
    }),
    { numRuns: 2000 },
  );
});

it('the SQL figures and gaps equal the reference, for each project and for the total', async () => {
  const now = new Date(NOW);
  await fc.assert(
    fc.asyncProperty(catalogueArb, async (cat) => {
      const service = new CompletenessService(ds, { maxPageSize: 100, timelinessGraceHours: cat.grace }, fixedClock(new Date(NOW)));
      const projects = materialize(cat);
      const expected = projects.map((resources) => reference(resources, cat.grace));
      await inRolledBackTransaction(async (em) => {
        const ids = await insert(em, projects);

        const counts = await service.countsByProject(em, ids, now);
        expect(ids.map((id) => counts.get(id))).toEqual(expected.map((e) => e.counts));

        const all = { key: 'all', projectIds: ids };
        const total = await service.countsByScope(em, [all], now);
        expect(total.get('all')).toEqual(sum(expected.map((e) => e.counts)));

        const allGaps = expected.flatMap((e) => e.gaps).sort(byCodeThenReason);
        const gaps = await service.gaps(em, ids, now);
        expect(codesOf(gaps)).toEqual(allGaps);
        expect(gaps.map((g) => g.projectId)).toEqual(allGaps.map(([code]) => ids[projects.findIndex((list) => list.some((r) => r.code === code))]));

        // Keyset pages of the total, 5 at a time, add up to the same list.
        const paged: Gap[] = [];
        let after: string | undefined;
        for (;;) {
          const page = (await service.gapPages(em, [all], now, { first: 5, after })).get('all')!;
          expect(page.totalCount).toBe(allGaps.length);
          paged.push(...codesOf(page.nodes));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor!;
        }
        expect(paged).toEqual(allGaps);

        // First pages of every project at once, each with its own total.
        const perProject = await service.gapPages(
          em,
          ids.map((id) => ({ key: id, projectIds: [id] })),
          now,
          { first: 3 },
        );
        expect(ids.map((id) => [perProject.get(id)!.totalCount, codesOf(perProject.get(id)!.nodes)])).toEqual(
          expected.map((e) => [e.gaps.length, e.gaps.slice(0, 3)]),
        );
      });
    }),
    { numRuns: 100, seed: 20270601 },
  );
});
