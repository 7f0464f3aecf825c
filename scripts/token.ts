/**
 * `npm run token -- --role BIG_DATA_BUREAU [--org <creditCode>] [--ttl 12h]`
 * prints a bearer token of the demo user of that role (`bureau`, …; `bureau.<credit code>` in
 * another organisation), for local use. --org defaults to the seeded office that holds the role;
 * --ttl is at most TOKEN_MAX_TTL_SECONDS. The token is signed with the data folder's key.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { ALL_ROLES, Role } from '../src/common/role.enums';
import { TokenService } from '../src/modules/auth';
import { tokenFor } from '../seeds/tokens';
import { withLocalSecrets } from '../src/db/local-secrets';

async function run() {
  const { values } = parseArgs({ options: { role: { type: 'string' }, org: { type: 'string' }, ttl: { type: 'string', default: '12h' } } });
  const role = values.role as Role;
  if (!ALL_ROLES.includes(role)) throw new Error(`--role must be one of ${ALL_ROLES.join(', ')}`);
  const loaded = loadConfig();
  const db = await openDatabase(loaded, createLogger({ logLevel: 'silent' }), { migrate: false });
  const config = withLocalSecrets(loaded);
  try {
    const { token } = await tokenFor(db.ds, new TokenService(config), role, values.org, values.ttl);
    console.log(token);
  } finally {
    await db.close();
  }
}

run().catch((err: Error) => {
  console.error(`token: ${err.message}`);
  process.exit(1);
});
