/**
 * `npm run token -- --role BIG_DATA_BUREAU [--org <creditCode>] [--ttl 12h] [--user <userId> [--name <display name>]]`
 * prints a bearer token for local use. --org defaults to the seeded office that holds the role;
 * --user makes it a named user, e.g. the demo's expert `--role EXPERT --user expert-zhang --name 张明远`.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { ALL_ROLES, Role } from '../src/common/role.enums';
import { TokenService } from '../src/modules/auth';
import { tokenFor } from '../seeds/tokens';

async function run() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, org: { type: 'string' }, ttl: { type: 'string', default: '12h' }, user: { type: 'string' }, name: { type: 'string' } },
  });
  const role = values.role as Role;
  if (!ALL_ROLES.includes(role)) throw new Error(`--role must be one of ${ALL_ROLES.join(', ')}`);
  const config = loadConfig();
  const db = await openDatabase(config, createLogger({ logLevel: 'silent' }), { migrate: false });
  try {
    const { token } = await tokenFor(db.ds, new TokenService(config), role, values.org, values.ttl, { userId: values.user, name: values.name });
    console.log(token);
  } finally {
    await db.close();
  }
}

run().catch((err: Error) => {
  console.error(`token: ${err.message}`);
  process.exit(1);
});
