/** Writes schema/schema.graphql from the code (`npm run schema`). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/graphql/schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');

printHubSchema()
  .then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
