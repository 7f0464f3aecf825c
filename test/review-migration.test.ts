/**
 * The ExpertReview migration keeps the opinions already recorded: each application gets its review
 * (decided when its result was recorded), each opinion becomes version 1 of an assigned expert's;
 * undone, the opinions go back to their applications.
 */
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { freshDatabase } from './support/hub';

/** Undoes the migrations down to and including ExpertReview (later ones first). */
async function undoThrough(ds: DataSource): Promise<void> {
  while ((await ds.query(`SELECT 1 FROM migrations WHERE name = 'ExpertReview1795700000000'`)).length) await ds.undoLastMigration();
}

it('moves existing opinions into reviews with assigned experts, and back', async () => {
  const db = await freshDatabase();
  const ds = createDataSource({ url: db.url, poolSize: 2 });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await undoThrough(ds); // the schema before expert review
    const [org] = await ds.query(`INSERT INTO organization (name, kind, credit_code) VALUES ('宿城区教育局', 'DEPARTMENT', '11321302MB1234567X') RETURNING id`);
    const [p] = await ds.query(
      `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
       VALUES ('SC-2026-0001', '项目', $1, 'NEW', 2026, 1, 'ACCEPTED', 1) RETURNING id`,
      [org.id],
    );
    const [a] = await ds.query(
      `INSERT INTO acceptance_application (project_id, applied_by, result, accepted_on) VALUES ($1, 'unit', 'PASSED', '2027-05-01') RETURNING id`,
      [p.id],
    );
    await ds.query(
      `INSERT INTO expert_opinion (application_id, expert_user_id, opinion, conclusion) VALUES ($1, 'e1', '同意', 'PASS'), ($1, 'e2', '不同意', 'FAIL')`,
      [a.id],
    );

    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.query(`SELECT stage, application_id, decided_at FROM expert_review`)).toEqual([
      { stage: 'ACCEPTANCE', application_id: a.id, decided_at: new Date('2027-04-30T16:00:00Z') }, // 2027-05-01 in Beijing
    ]);
    expect(await ds.query(`SELECT expert_user_id, assigned_by FROM expert_assignment ORDER BY 1`)).toEqual([
      { expert_user_id: 'e1', assigned_by: 'migration' },
      { expert_user_id: 'e2', assigned_by: 'migration' },
    ]);
    expect(
      await ds.query(
        `SELECT o.expert_user_id, o.version, o.superseded_at, r.application_id FROM expert_opinion o JOIN expert_review r ON r.id = o.review_id ORDER BY 1`,
      ),
    ).toEqual([
      { expert_user_id: 'e1', version: 1, superseded_at: null, application_id: a.id },
      { expert_user_id: 'e2', version: 1, superseded_at: null, application_id: a.id },
    ]);

    await undoThrough(ds);
    expect(await ds.query(`SELECT expert_user_id, application_id FROM expert_opinion ORDER BY 1`)).toEqual([
      { expert_user_id: 'e1', application_id: a.id },
      { expert_user_id: 'e2', application_id: a.id },
    ]);
  } finally {
    await ds.destroy();
    await db.drop();
  }
});
