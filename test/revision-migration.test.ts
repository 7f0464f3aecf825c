/**
 * 第五条: a database an earlier hub wrote, where editing a published entry had turned it into a
 * DRAFT next version, comes out of the ResourceRevisions migration with the entry published again
 * at its last published version and the edits kept as its revision.
 */
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { freshDatabase } from './support/hub';

const MIGRATION = 'ResourceRevisions1795720000000';
let ds: DataSource;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await freshDatabase();
  drop = db.drop;
  ds = createDataSource({ url: db.url, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  // Back to the schema before the migration (and any after it).
  while ((await ds.query(`SELECT 1 FROM migrations WHERE name = $1`, [MIGRATION])).length) await ds.undoLastMigration();
});
afterAll(async () => {
  await ds?.destroy();
  await drop?.();
});

it('restores the published version and moves the edits into the revision', async () => {
  const [org] = await ds.query(`INSERT INTO organization (name, credit_code, kind) VALUES ('甲单位', '11321302MB0000001A', 'DEPARTMENT') RETURNING id`);
  const [project] = await ds.query(
    `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
     VALUES ('SC-2027-0001', '测试项目', $1, 'NEW', 2027, 500000, 'APPROVED', 1) RETURNING id`,
    [org.id],
  );
  const [edited] = await ds.query(
    `INSERT INTO information_resource (code, project_id, status, version, catalogue_kind, classification_code, name, summary, provider_id, format,
       sharing_type, open_type, update_frequency, published_on, search_text)
     VALUES ('301001/000001', $1, 'DRAFT', 2, 'DEPARTMENTAL', '301001', '修改后的名称', '修改后的摘要', $2, 'DATABASE',
       'CONDITIONAL', 'NOT_OPEN', 'WEEKLY', '2027-03-01', '修改后的名称') RETURNING id`,
    [project.id, org.id],
  );
  await ds.query(`INSERT INTO data_item (resource_id, position, name, data_type, length) VALUES ($1, 1, '新信息项', 'C', 20)`, [edited.id]);
  const snapshot = {
    code: '301001/000001',
    version: 1,
    catalogueKind: 'DEPARTMENTAL',
    classificationCode: '301001',
    name: '发布时的名称',
    providerId: org.id,
    summary: '发布时的摘要',
    format: 'DATABASE',
    subFormat: null,
    dataItems: [
      { position: 1, name: '姓名', dataType: 'C', length: 50 },
      { position: 2, name: '出生日期', dataType: 'D', length: 8 },
    ],
    sharingType: 'UNCONDITIONAL',
    sharingCondition: null,
    legalBasis: null,
    sharingMethod: null,
    openType: 'NOT_OPEN',
    openCondition: null,
    updateFrequency: 'DAILY',
    dataGrade: null,
    publishedOn: '2027-03-01',
    relatedResourceCodes: [],
  };
  await ds.query(`INSERT INTO resource_version (resource_id, version, snapshot, published_at, published_by) VALUES ($1, 1, $2, now(), 'bureau')`, [
    edited.id,
    snapshot,
  ]);
  // A draft never published is left alone.
  const [draft] = await ds.query(
    `INSERT INTO information_resource (code, project_id, status, catalogue_kind, classification_code, name, provider_id, format)
     VALUES ('301001/000002', $1, 'DRAFT', 'DEPARTMENTAL', '301001', '草稿', $2, 'DATABASE') RETURNING id`,
    [project.id, org.id],
  );

  await ds.runMigrations({ transaction: 'each' });

  const [row] = await ds.query(`SELECT status, version, name, summary, sharing_type, update_frequency, search_text FROM information_resource WHERE id = $1`, [
    edited.id,
  ]);
  expect(row).toEqual({
    status: 'PUBLISHED',
    version: 1,
    name: '发布时的名称',
    summary: '发布时的摘要',
    sharing_type: 'UNCONDITIONAL',
    update_frequency: 'DAILY',
    search_text: '发布时的名称\n发布时的摘要\n姓名\n出生日期',
  });
  const items = await ds.query(`SELECT position, name, data_type, length FROM data_item WHERE resource_id = $1 ORDER BY position`, [edited.id]);
  expect(items).toEqual([
    { position: 1, name: '姓名', data_type: 'C', length: 50 },
    { position: 2, name: '出生日期', data_type: 'D', length: 8 },
  ]);
  const [revision] = await ds.query(`SELECT version, status, content, data_items FROM resource_revision WHERE resource_id = $1`, [edited.id]);
  expect(revision).toMatchObject({
    version: 2,
    status: 'DRAFT',
    content: { name: '修改后的名称', summary: '修改后的摘要', sharingType: 'CONDITIONAL', updateFrequency: 'WEEKLY', publishedOn: '2027-03-01' },
    data_items: [{ name: '新信息项', dataType: 'C', length: 20 }],
  });
  expect(await ds.query(`SELECT status, version FROM information_resource WHERE id = $1`, [draft.id])).toEqual([{ status: 'DRAFT', version: 1 }]);
  expect(await ds.query(`SELECT count(*)::int AS n FROM resource_revision`)).toEqual([{ n: 1 }]);
});
