/**
 * The module boundaries of the hub, checked by `npm run lint` (inside `npm test`):
 * - other code reaches a module only through its public face `src/modules/<name>/index.ts`;
 * - the kernel (`src/common`, `src/graphql`, `src/http`, `src/db`) imports no module, except the
 *   composition roots that wire every module together;
 * - `src/common` imports nothing else of the hub; `src/db` does not import `src/graphql`;
 * - modules do not import each other in a cycle.
 * See docs/architecture.md.
 */
const COMPOSITION_ROOTS = ['^src/main\\.ts$', '^src/services\\.ts$', '^src/graphql/schema\\.ts$', '^src/graphql/context\\.ts$', '^src/db/entities\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'module-deep-import',
      comment: 'Another module is reached only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-deep-import',
      comment: 'Code outside the modules (kernel, composition roots, tests, seeds, scripts, bench) reaches a module only through its index.ts.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'kernel-imports-module',
      comment: 'The kernel imports no module; only the composition roots wire the modules together.',
      severity: 'error',
      from: { path: '^src/(common|graphql|http|db)/', pathNot: COMPOSITION_ROOTS },
      to: { path: '^src/modules/' },
    },
    {
      name: 'common-is-the-bottom',
      comment: 'src/common is imported by everyone and imports nothing else of the hub.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'db-without-graphql',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(graphql|http)/' },
    },
    {
      name: 'module-cycle',
      comment:
        'Modules depend on each other in one direction only. Type-only imports are left out: every resolver names the Context type, whose builder (a composition root) imports every module.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { circular: true, path: '^src/modules/', viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
