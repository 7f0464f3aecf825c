/**
 * The DataSource for the TypeORM CLI (after `npm run build`):
 *   npx typeorm -d dist/ormconfig.js migration:show
 * DATABASE_URL must name the server; the hub's embedded one prints its URL at start.
 */
import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('set DATABASE_URL for the TypeORM CLI');

export default createDataSource({ url: config.databaseUrl });
