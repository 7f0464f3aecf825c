import type { Logger } from 'typeorm';

/** A TypeORM logger that counts the SQL statements sent, for tests that prove a read does not fan out. */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];

  logQuery(query: string): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(query)) return;
    this.count++;
    this.statements.push(query);
  }

  reset(): void {
    this.count = 0;
    this.statements = [];
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
