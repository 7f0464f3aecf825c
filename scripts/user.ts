/**
 * `npm run user -- --login admin --name 赵志强 --role ADMIN [--role AUDITOR] [--org <creditCode>]`
 * creates a user (the first ADMIN of a new installation) with a random password, printed once.
 * Through the user service, so the same rules apply as for `userCreate`.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { ALL_ROLES, Role } from '../src/common/role.enums';
import { systemClock } from '../src/common/clock';
import { generatePassword, UserCreateInput, UserService } from '../src/modules/auth';
import { Organization } from '../src/modules/organization';

async function run() {
  const { values } = parseArgs({
    options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true }, org: { type: 'string' } },
  });
  const roles = (values.role ?? []) as Role[];
  if (!values.login || !values.name || !roles.length || !roles.every((r) => ALL_ROLES.includes(r))) {
    throw new Error(`--login, --name and at least one --role (${ALL_ROLES.join(', ')}) are required`);
  }
  const config = loadConfig();
  const log = createLogger({ logLevel: 'silent' });
  const db = await openDatabase(config, log, { migrate: false });
  try {
    let organizationId: string | null = null;
    if (values.org) {
      const org = await db.ds.getRepository(Organization).findOneBy({ creditCode: values.org.toUpperCase() });
      if (!org) throw new Error(`no organisation with credit code ${values.org}`);
      organizationId = org.id;
    }
    const password = generatePassword();
    const input = Object.assign(new UserCreateInput(), { login: values.login, name: values.name, roles, organizationId, password });
    const { result, userErrors } = await new UserService(db.ds, config, systemClock).create({ requestId: 'npm-run-user', caller: null, log }, input);
    if (!result) throw new Error(userErrors.map((e) => `${e.field?.join('.') ?? ''}: ${e.message}`).join('; '));
    console.log(`user ${result.login} (${result.id}) made; password, shown once: ${password}`);
  } finally {
    await db.close();
  }
}

run().catch((err: Error) => {
  console.error(`user: ${err.message}`);
  process.exit(1);
});
