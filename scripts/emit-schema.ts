/** Writes schema/schema.graphql from the code, and the catalogue terms the console shows (`npm run schema`). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/graphql/schema';
import { consoleCatalogueTerms } from '../src/modules/exchange';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');
export const CONSOLE_TERMS_FILE = path.resolve(__dirname, '../../console/src/generated/catalogue.json');

printHubSchema()
  .then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    fs.mkdirSync(path.dirname(CONSOLE_TERMS_FILE), { recursive: true });
    fs.writeFileSync(CONSOLE_TERMS_FILE, `${JSON.stringify(consoleCatalogueTerms(), null, 2)}\n`);
    for (const file of [SCHEMA_FILE, CONSOLE_TERMS_FILE]) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
