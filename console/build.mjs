/**
 * Builds the web console into dist/console (run by `npm run build`): Vite bundles console/src,
 * then every GraphQL operation the console sends is hashed into dist/console/operations.json,
 * the allow-list the hub enforces in production. Skipped when neither the console's sources
 * nor the lock file changed since the last build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const out = path.join(root, 'dist', 'console');
const stampFile = path.join(out, '.source-hash');

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
}

const schemaFile = path.join(root, 'schema', 'schema.graphql');
const sources = [...files(here), path.join(root, 'package-lock.json'), schemaFile];
const hash = createHash('sha256');
for (const file of sources) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
const stamp = hash.digest('hex');
if (!process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

/** `virtual:hub-labels`: the Chinese term of every enum value, from the schema's descriptions ("中文 — English"). */
async function enumLabels() {
  const { buildSchema, isEnumType } = await import('graphql');
  const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
  const labels = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    labels[type.name] = Object.fromEntries(type.getValues().map((v) => [v.name, (v.description ?? v.name).split(/\s*— /)[0].trim()]));
  }
  // Each mutation by the Chinese name its description starts with, for the audit log's operations.
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  // (a trailing note in full-width brackets, e.g. （草稿） or （第五条）, is left to the description)
  const name = (m) =>
    (m.description ?? m.name)
      .split(/\s*— /)[0]
      .split('\n')[0]
      .trim()
      .replace(/（[^（）]*）$/, '') || m.name;
  labels.Mutation = Object.fromEntries(mutations.map((m) => [m.name, name(m)]));
  return labels;
}
const labels = await enumLabels();
const labelsPlugin = {
  name: 'hub-labels',
  resolveId: (id) => (id === 'virtual:hub-labels' ? '\0hub-labels' : null),
  load: (id) => (id === '\0hub-labels' ? `export default ${JSON.stringify(labels)};` : null),
};

/**
 * The documents the console sends, by operation name: each operation file with the fragments of
 * src/fragments.graphql it uses (transitively) appended, in that file's order. The bundle
 * (`virtual:hub-operations`) and the allow-list below are made from these same texts.
 */
function operationDocuments() {
  const fragments = [...readFileSync(path.join(here, 'src', 'fragments.graphql'), 'utf8').matchAll(/^fragment (\w+)[^{]*\{[\s\S]*?^\}\n/gm)].map((m) => ({
    name: m[1],
    text: m[0],
  }));
  const documents = {};
  for (const file of files(path.join(here, 'src', 'operations'))) {
    if (!file.endsWith('.graphql')) continue;
    const text = readFileSync(file, 'utf8');
    const used = new Set();
    for (let grew = true; grew;) {
      grew = false;
      const seen = [text, ...fragments.filter((f) => used.has(f.name)).map((f) => f.text)].join('');
      for (const f of fragments) if (!used.has(f.name) && seen.includes(`...${f.name}`)) grew = used.add(f.name) && true;
    }
    documents[path.basename(file, '.graphql')] = [text, ...fragments.filter((f) => used.has(f.name)).map((f) => f.text)].join('');
  }
  return documents;
}
const documents = operationDocuments();
const operationsPlugin = {
  name: 'hub-operations',
  resolveId: (id) => (id === 'virtual:hub-operations' ? '\0hub-operations' : null),
  load: (id) => (id === '\0hub-operations' ? `export default ${JSON.stringify(documents)};` : null),
};

const { build } = await import('vite');
await build({
  root: here,
  base: '/console/',
  configFile: false,
  logLevel: 'warn',
  plugins: [labelsPlugin, operationsPlugin],
  // React's automatic JSX runtime, compiled by Vite's own transformer (no plugin needed for a production build).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    manifest: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Ant Design marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});

/**
 * The entry (main.tsx) only starts the first requests and imports the shell; the shell and the
 * pages people open first (the dashboard, the catalogue) are preloaded from the page itself, so
 * the browser fetches every chunk of the first render at once instead of one import after another.
 */
const FIRST = ['src/shell.tsx', 'src/pages/Dashboard.tsx', 'src/pages/Catalogue.tsx'];
const manifest = JSON.parse(readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'));
const preload = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || preload.has(chunk.file)) return;
  preload.add(chunk.file);
  for (const k of chunk.imports ?? []) visit(k);
};
for (const key of FIRST) {
  if (!manifest[key]) throw new Error(`console build: no chunk for ${key}`);
  visit(key);
}
const entry = manifest['index.html'].file;
const indexFile = path.join(out, 'index.html');
const links = [...preload]
  .filter((f) => f !== entry && !readFileSync(indexFile, 'utf8').includes(f))
  .map((f) => `    <link rel="modulepreload" crossorigin href="/console/${f}">\n`);
writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('  </head>', `${links.join('')}  </head>`));

const operations = {};
for (const [name, text] of Object.entries(documents)) operations[createHash('sha256').update(text).digest('hex')] = name;
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'operations.json'), `${JSON.stringify(operations, null, 1)}\n`);
// The documents themselves, by name, for the spec that checks them against the schema.
writeFileSync(path.join(out, 'documents.json'), `${JSON.stringify(documents, null, 1)}\n`);
writeFileSync(stampFile, stamp);
