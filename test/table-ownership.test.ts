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
