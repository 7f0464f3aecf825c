import type { Logger } from 'typeorm';

/** Statements that start with this comment are the request's caller lookup (one per request, auth module), not a read of the data. */
export const CALLER_LOOKUP = '/* caller */';

/** A TypeORM logger that counts the SQL statements sent, for tests that prove a read does not fan out (the caller lookup aside). */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];

  logQuery(query: string): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK)/i.test(query) || query.startsWith(CALLER_LOOKUP)) return;
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
