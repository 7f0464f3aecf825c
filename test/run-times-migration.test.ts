/**
 * 第十七条: a database an earlier hub wrote, with the last-run columns on the catalogue rows, comes
 * out of the NarrowRunTimes migration with the same values in the aggregation module's narrow rows
 * (a row only where a value was set), the columns gone from the catalogue tables, the catalogue
 * rows' revision and change capture firing on every update again, and the narrow rows not
 * captured; undone, the values are back on the catalogue rows.
 */
import type { DataSource } from 'typeorm';
import { databaseBefore, plainProject } from './support/hub';

let ds: DataSource;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => ({ ds, drop } = await databaseBefore('NarrowRunTimes1795830500000')));
afterAll(async () => drop?.());

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const columnsOf = async (table: string) =>
  (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND column_name LIKE 'last\\_%'`, [table]))
    .map((c: { column_name: string }) => c.column_name)
    .sort();

it('moves the last-run columns into the narrow rows and back', async () => {
  const { organizationId, projectId } = await plainProject(ds);
  const resource = async (code: string, lastAggregatedAt: string | null) =>
    (
      await ds.query(
        `INSERT INTO information_resource (code, project_id, status, catalogue_kind, classification_code, name, provider_id, format, last_aggregated_at)
         VALUES ($1, $2, 'PUBLISHED', 'DEPARTMENTAL', '301001', $1, $3, 'DATABASE', $4) RETURNING id`,
        [code, projectId, organizationId, lastAggregatedAt],
      )
    )[0].id as string;
  const aggregated = await resource('301001/000001', '2027-03-01T08:00:00.000Z');
  const never = await resource('301001/000002', null);
  const iface = async (resourceId: string, lastRunAt: string | null, lastSuccessAt: string | null) =>
    (
      await ds.query(
        `INSERT INTO sharing_interface (resource_id, kind, endpoint, sync_frequency, mount_status, last_run_at, last_success_at)
         VALUES ($1, 'REST_API', 'https://exchange.example/x', 'DAILY', 'MOUNTED', $2, $3) RETURNING id`,
        [resourceId, lastRunAt, lastSuccessAt],
      )
    )[0].id as string;
  const failing = await iface(aggregated, '2027-03-02T08:00:00.000Z', null);
  const running = await iface(aggregated, '2027-03-01T09:00:00.000Z', '2027-03-01T08:00:00.000Z');
  const idle = await iface(never, null, null);

  await ds.runMigrations({ transaction: 'each' });

  const interfaces = await ds.query(`SELECT interface_id, last_run_at, last_success_at FROM interface_run_times ORDER BY last_run_at`);
  expect(interfaces.map((r: any) => [r.interface_id, iso(r.last_run_at), iso(r.last_success_at)])).toEqual([
    [running, '2027-03-01T09:00:00.000Z', '2027-03-01T08:00:00.000Z'],
    [failing, '2027-03-02T08:00:00.000Z', null],
  ]);
  const resources = await ds.query(`SELECT resource_id, last_aggregated_at FROM resource_run_times`);
  expect(resources.map((r: any) => [r.resource_id, iso(r.last_aggregated_at)])).toEqual([[aggregated, '2027-03-01T08:00:00.000Z']]);
  expect(await columnsOf('sharing_interface')).toEqual([]);
  expect(await columnsOf('information_resource')).toEqual([]);

  // Every update of a catalogue row raises its revision again; the narrow rows are not captured by the audit log.
  const [before] = await ds.query(`SELECT lock_version FROM sharing_interface WHERE id = $1`, [idle]);
  await ds.query(`UPDATE sharing_interface SET endpoint = 'https://exchange.example/y' WHERE id = $1`, [idle]);
  const [after] = await ds.query(`SELECT lock_version FROM sharing_interface WHERE id = $1`, [idle]);
  expect(after.lock_version).toBe(before.lock_version + 1);
  const captured = await ds.query(
    `SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE g.tgname LIKE 'audit\\_capture%' AND c.relname IN ('interface_run_times', 'resource_run_times', 'sharing_interface', 'information_resource')
      ORDER BY 1`,
  );
  expect(captured.map((r: any) => r.relname)).toEqual(['information_resource', 'sharing_interface']);
  await ds.query(`SELECT audit_capture_tables()`);
  expect(
    await ds.query(`SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal AND c.relname LIKE '%\\_run\\_times'`),
  ).toEqual([]);

  // A deleted interface takes its narrow row with it.
  await ds.query(`DELETE FROM sharing_interface WHERE id = $1`, [failing]);
  expect((await ds.query(`SELECT count(*)::int AS n FROM interface_run_times`))[0].n).toBe(1);

  await ds.undoLastMigration();
  const back = await ds.query(`SELECT id, last_run_at, last_success_at FROM sharing_interface ORDER BY last_run_at NULLS LAST`);
  expect(back.map((r: any) => [r.id, iso(r.last_run_at), iso(r.last_success_at)])).toEqual([
    [running, '2027-03-01T09:00:00.000Z', '2027-03-01T08:00:00.000Z'],
    [idle, null, null],
  ]);
  const [r] = await ds.query(`SELECT last_aggregated_at FROM information_resource WHERE id = $1`, [aggregated]);
  expect(iso(r.last_aggregated_at)).toBe('2027-03-01T08:00:00.000Z');
  expect((await ds.query(`SELECT to_regclass('interface_run_times') AS t`))[0].t).toBeNull();
});
