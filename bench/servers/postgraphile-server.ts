/**
 * PostGraphile v4 in production mode over the benchmark database (schemas public and bench), its
 * default options otherwise: one SQL statement per query, compiled by look-ahead.
 */
import http from 'node:http';
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Pool } from 'pg';

// npm installs graphql 15 twice for PostGraphile (beside postgraphile and beside graphile-build-pg,
// as the hub itself needs graphql 16); a schema built from two copies fails, so every `graphql`
// import of this process resolves to postgraphile's copy.
const GRAPHQL = path.dirname(require.resolve('graphql/package.json', { paths: [path.dirname(require.resolve('postgraphile/package.json'))] }));
type Resolve = (request: string, ...rest: unknown[]) => string;
const resolve = (Module as unknown as { _resolveFilename: Resolve })._resolveFilename;
(Module as unknown as { _resolveFilename: Resolve })._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'graphql' || request.startsWith('graphql/')) request = GRAPHQL + request.slice('graphql'.length);
  return resolve.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { postgraphile } = require('postgraphile') as typeof import('postgraphile');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
const app = postgraphile(pool, ['public', 'bench'], {
  graphqlRoute: '/graphql',
  disableQueryLog: true,
  dynamicJson: true,
  ignoreRBAC: true,
  disableDefaultMutations: true,
  retryOnInitFail: false,
  enableQueryBatching: false,
  extendedErrors: ['code'],
});
const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
