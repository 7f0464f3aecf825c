import { MigrationInterface, QueryRunner } from 'typeorm';

/** One pending sharing request per consuming organisation and resource, held by the database. */
export class PendingRequestKey1795575829836 implements MigrationInterface {
  name = 'PendingRequestKey1795575829836';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX "sharing_request_pending_key" ON "sharing_request" ("resource_id", "consumer_organization_id") WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "sharing_request_pending_key"`);
  }
}
