/**
 * docs/architecture.md: a module's SQL names only its own tables; what it needs of another module's
 * data it asks that module for (an SQL fragment exported from the owner's index.ts). The owner of a
 * table is the module whose folder holds its entity (@Entity, named by SnakeNamingStrategy or
 * explicitly). Every table named after FROM, JOIN, UPDATE or INTO in a module's source must be the
 * module's own, or listed below with why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MODULES = join(__dirname, '..', 'src', 'modules');

/** Known exceptions: `file:table`. */
const EXCEPTIONS = new Set<string>([]);

const snake = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesOf(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const moduleOf = (file: string) => relative(MODULES, file).split(/[\\/]/)[0];

function tableOwners(files: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(file, 'utf8');
    // Each class with the @Entity decorators written since the previous class.
    const classes = [...text.matchAll(/export class (\w+)/g)];
    let from = 0;
    for (const c of classes) {
      const before = text.slice(from, c.index);
      const entity = /@Entity\(([^)]*)\)/.exec(before);
      if (entity) {
        const named = /'(\w+)'/.exec(entity[1]);
        owners.set(named ? named[1] : snake(c[1]), moduleOf(file));
      }
      from = c.index! + c[0].length;
    }
  }
  return owners;
}

/** A relation property declared on a class: `@ManyToOne(() => Target)` and its kin, or `@RestrictedReference(() => Target)`. */
interface RelationDecl {
  module: string;
  entity: string;
  property: string;
  target: string;
}

const RELATION = /@(?:ManyToOne|OneToMany|ManyToMany|OneToOne|RestrictedReference)\(\s*(?:\(\)\s*=>\s*(\w+)|'(\w+)')[^]*?\n\s*(?:readonly\s+)?(\w+)[?!]?:/g;

/** Every class (entity or base) of the modules, with its module, and every relation property on it. */
function classesAndRelations(files: string[]): { classModule: Map<string, string>; relations: RelationDecl[] } {
  const classModule = new Map<string, string>();
  const relations: RelationDecl[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const classes = [...text.matchAll(/export (?:abstract )?class (\w+)/g)];
    classes.forEach((c, i) => {
      classModule.set(c[1], moduleOf(file));
      const body = text.slice(c.index, classes[i + 1]?.index ?? text.length);
      for (const r of body.matchAll(RELATION)) relations.push({ module: moduleOf(file), entity: c[1], property: r[3], target: r[1] ?? r[2] });
    });
  }
  return { classModule, relations };
}

/**
 * Relation joins that cross a module boundary, each with why it may: `file:property` (a join on
 * `alias.property`, `relations: { property }` or `.relation(Entity, 'property')`) or
 * `file:EntityClass` (a join on another module's entity). One place, so a new one is a decision.
 */
const JOIN_EXCEPTIONS = new Map<string, string>([
  // The owner's rule applied to a joined row: catalogue exports whereVisible(qb, caller, alias) for an
  // alias of information_resource, so a list of what hangs off an entry is filtered by the entry's own rule.
  ['sharing/interface.service.ts:resource', 'the catalogue’s visibility rule (whereVisible) on the interface’s entry; the taken platform id names its entry'],
  [
    'sharing-request/sharing-request.service.ts:resource',
    'the request is readable by the entry’s provider: readable() and providerOrganizationId filter on the joined entry',
  ],
  // Look-ahead and loader code owned by the catalogue's look-ahead (registerCataloguePart) and by the
  // completeness figures: not changed here; each is one statement per level by design (resource-dataloader spec).
  ['sharing/interface.loaders.ts:resource', 'catalogue look-ahead part: interfaces ordered by their entry, in one statement'],
  ['sharing/interface.loaders.ts:consumers', 'catalogue look-ahead part: the consumers of each interface in one statement'],
  ['completeness/completeness.service.ts:Organization', 'completeness figures ordered by lead unit name, in one statement'],
  ['project/project.loaders.ts:organization', 'co-building units in the order of their organisation’s name, in one statement'],
  ['acceptance/acceptance.loaders.ts:review', 'the opinions of an application’s review (review module entities), in one statement'],
  // Reads that name another module's entity and its relations; each should become a function of the owner.
  ['acceptance/acceptance.snapshot.ts:leadUnit', 'the frozen catalogue state of a project (第二十五条): the project with its lead unit'],
  ['acceptance/acceptance.snapshot.ts:provider', 'the frozen catalogue state: each entry with its provider'],
  ['acceptance/acceptance.snapshot.ts:dataItems', 'the frozen catalogue state: each entry with its data items'],
  ['acceptance/acceptance.snapshot.ts:resource', 'the frozen catalogue state: each interface with its entry'],
  ['acceptance/acceptance.snapshot.ts:consumers', 'the frozen catalogue state: each interface with its consumers'],
  ['auth/user.service.ts:Organization', 'the expert directory shows each expert’s organisation name, in one statement'],
]);

describe('a module’s SQL names only its own tables', () => {
  const files = filesOf(MODULES);
  const owners = tableOwners(files);

  it('finds the tables of the entity files', () => {
    expect(owners.get('project')).toBe('project');
    expect(owners.get('project_co_building_unit')).toBe('project');
    expect(owners.get('hub_user')).toBe('auth');
    expect(owners.get('sharing_interface')).toBe('sharing');
    expect(owners.get('information_resource')).toBe('catalogue');
    expect(owners.get('working_calendar_year')).toBe('working-calendar');
    expect(owners.size).toBeGreaterThanOrEqual(30);
  });

  it('no module names another module’s table in its SQL', () => {
    const found: string[] = [];
    for (const file of files) {
      const mod = moduleOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+([a-z_][a-z0-9_]*)\b/g)) {
        const owner = owners.get(m[1]);
        const key = `${relative(MODULES, file).replace(/\\/g, '/')}:${m[1]}`;
        if (owner && owner !== mod && !EXCEPTIONS.has(key)) {
          found.push(`${key} (line ${text.slice(0, m.index).split('\n').length}, owned by ${owner})`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('lists no exception that no longer occurs', () => {
    for (const key of EXCEPTIONS) {
      const [path, table] = key.split(':');
      expect(readFileSync(join(MODULES, path), 'utf8')).toMatch(new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO)\\s+${table}\\b`));
    }
  });
});

describe('a module joins only its own relations', () => {
  const files = filesOf(MODULES);
  const { classModule, relations } = classesAndRelations(files);

  it('finds the relations of the entities', () => {
    expect(relations).toContainEqual({ module: 'sharing', entity: 'SharingInterface', property: 'resource', target: 'InformationResource' });
    expect(relations).toContainEqual({ module: 'project', entity: 'Project', property: 'leadUnit', target: 'Organization' });
    expect(relations.length).toBeGreaterThanOrEqual(25);
  });

  /** The joins a module's code makes: [what, line] with what a relation property or an entity class. */
  function joinsIn(text: string): { property?: string; entity?: string; index: number }[] {
    const out: { property?: string; entity?: string; index: number }[] = [];
    for (const m of text.matchAll(/\.(?:inner|left)Join(?:AndSelect|AndMapOne|AndMapMany)?\(\s*(?:'\w+\.(\w+)'|(\w+)\s*,)/g)) {
      out.push(m[1] ? { property: m[1], index: m.index! } : { entity: m[2], index: m.index! });
    }
    for (const m of text.matchAll(/\brelations:\s*(\{[^}]*\}|\[[^\]]*\])/g)) {
      const names = m[1].startsWith('{') ? [...m[1].matchAll(/(\w+)\s*:/g)].map((n) => n[1]) : [...m[1].matchAll(/'(\w+)/g)].map((n) => n[1]);
      for (const property of names) out.push({ property, index: m.index! });
    }
    // `.relation(E, 'p').of(…)` reads the far rows with loadOne/loadMany; add/remove write only the junction table, the declaring module's own.
    for (const m of text.matchAll(/\.relation\(\s*\w+\s*,\s*'(\w+)'\s*\)\s*\.of\([^)]*\)\s*\.load(?:One|Many)\(/g))
      out.push({ property: m[1], index: m.index! });
    return out;
  }

  const found: string[] = [];
  const seen = new Set<string>();
  for (const file of files.filter((f) => !f.endsWith('.entity.ts'))) {
    const mod = moduleOf(file);
    const text = readFileSync(file, 'utf8');
    const path = relative(MODULES, file).replace(/\\/g, '/');
    for (const j of joinsIn(text)) {
      let crosses: string | undefined;
      if (j.entity) {
        const owner = classModule.get(j.entity);
        if (owner && owner !== mod) crosses = `${j.entity}, owned by ${owner}`;
      } else {
        // The property's relation: one of this module's classes if it has it, else any class's.
        const own = relations.filter((r) => r.property === j.property && r.module === mod);
        const candidates = own.length ? own : relations.filter((r) => r.property === j.property);
        const far = candidates.find((r) => classModule.get(r.target) !== undefined && classModule.get(r.target) !== mod);
        if (far) crosses = `${far.entity}.${far.property} → ${far.target}, owned by ${classModule.get(far.target)}`;
      }
      if (!crosses) continue;
      const key = `${path}:${j.entity ?? j.property}`;
      seen.add(key);
      if (!JOIN_EXCEPTIONS.has(key)) found.push(`${key} (line ${text.slice(0, j.index).split('\n').length}: ${crosses})`);
    }
  }

  it('no module joins through a relation to another module’s entity, nor joins another module’s entity', () => {
    expect(found).toEqual([]);
  });

  it('lists no join exception that no longer occurs', () => {
    expect([...JOIN_EXCEPTIONS.keys()].filter((k) => !seen.has(k))).toEqual([]);
  });
});
