/**
 * Each rule written both as SQL and as TypeScript, tied together on random inputs against real
 * PostgreSQL: who builds a project (第八条、第十四条) and the month arithmetic of the deadlines
 * (第二十四条、第二十五条、第二十六条). The completeness figures have their own property spec.
 */
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { addMonths, addMonthsSql } from '../src/common/dates';
import { createDataSource } from '../src/db/data-source';
import { buildingUnitsSql, buildsProject, projectsBuiltBySql } from '../src/modules/project';
import { freshDatabase } from './support/hub';

let ds: DataSource;
let drop: () => Promise<void>;
let orgs: string[];

beforeAll(async () => {
  const db = await freshDatabase();
  drop = db.drop;
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO organization (name, credit_code, kind)
     SELECT '单位' || g, '11321302MB' || lpad(g::text, 7, '0') || 'A', 'DEPARTMENT' FROM generate_series(1, 5) g RETURNING id`,
  );
  orgs = rows.map((r) => r.id);
});
afterAll(async () => {
  await ds?.destroy();
  await drop?.();
});

/** A project: its lead unit and the units named as co-building units with their answers (第十四条), as indexes into the organisations. */
const projectArb = fc.record({
  lead: fc.nat({ max: 4 }),
  co: fc.uniqueArray(fc.record({ org: fc.nat({ max: 4 }), status: fc.constantFrom('PROPOSED', 'ACCEPTED', 'DECLINED') }), {
    maxLength: 4,
    selector: (c) => c.org,
  }),
});
/** The co-building units that build the project: those that accepted (what coBuildingUnitIdsByProject gives buildsProject). */
const accepted = (p: { co: { org: number; status: string }[] }) => p.co.filter((c) => c.status === 'ACCEPTED').map((c) => orgs[c.org]);

it('"this organisation builds this project": both SQL shapes agree with buildsProject', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(projectArb, { minLength: 1, maxLength: 6 }), async (projects) => {
      const qr = ds.createQueryRunner();
      await qr.connect();
      await qr.startTransaction();
      try {
        const ids: string[] = [];
        for (const [i, p] of projects.entries()) {
          const [{ id }] = await qr.query(
            `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
             VALUES ($1, '随机项目', $2, 'NEW', 2027, 500000, 'APPROVED', 1) RETURNING id`,
            [`SC-2027-T${i}`, orgs[p.lead]],
          );
          ids.push(id);
          for (const c of p.co) {
            await qr.query(`INSERT INTO project_co_building_unit (project_id, organization_id, status) VALUES ($1, $2, $3)`, [id, orgs[c.org], c.status]);
          }
        }
        for (const [i, p] of projects.entries()) {
          const expected = orgs.filter((o) => buildsProject({ leadUnitId: orgs[p.lead] }, accepted(p), o)).sort();
          const [{ units }] = await qr.query(`SELECT ${buildingUnitsSql('p')} AS units FROM project p WHERE p.id = $1`, [ids[i]]);
          expect([...new Set(units as string[])].sort()).toEqual(expected);
        }
        for (const o of orgs) {
          const built: { id: string }[] = await qr.query(`SELECT id FROM project WHERE id IN ${projectsBuiltBySql('$1')}`, [o]);
          const expected = ids.filter((_, i) => buildsProject({ leadUnitId: orgs[projects[i].lead] }, accepted(projects[i]), o));
          expect(built.map((r) => r.id).sort()).toEqual(expected.sort());
        }
      } finally {
        await qr.rollbackTransaction();
        await qr.release();
      }
    }),
    { numRuns: 25 },
  );
});

it('deadline months: addMonths equals addMonthsSql (month ends clamped alike)', async () => {
  const dayArb = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(dayArb, fc.integer({ min: 0, max: 24 })), { minLength: 1, maxLength: 40 }), async (cases) => {
      const sql = cases.map(([, n], i) => `${addMonthsSql(`$${i + 1}::date`, n)}::text AS d${i}`).join(', ');
      const [row] = await ds.query(
        `SELECT ${sql}`,
        cases.map(([d]) => d),
      );
      expect(cases.map((_, i) => row[`d${i}`])).toEqual(cases.map(([d, n]) => addMonths(d, n)));
    }),
    { numRuns: 40 },
  );
});
