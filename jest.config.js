/** End-to-end specs run against real PostgreSQL; each file gets its own database. */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A limit for a loaded machine (2 shared cores), not a timing: speed is measured in bench/.
  testTimeout: 120000,
  maxWorkers: 2,
  // A worker leaves once its last file is done: its handles are closed by then (the files' afterAll),
  // but on 2 shared cores under load the exit itself (tearing down a heap of a few hundred MB) and
  // Jest's noticing it can take longer than Jest's default 500 ms, which Jest reports as "failed to
  // exit gracefully" and kills it. A real leak still shows: past this the worker is killed and said.
  workerGracefulExitTimeout: 10000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
