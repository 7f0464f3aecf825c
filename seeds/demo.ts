import { DataSource, IsNull } from 'typeorm';
import { Organization } from '../src/modules/organization';
import { Clock, systemClock } from '../src/common/clock';
import type { Config } from '../src/config';
import { createServices } from '../src/services';
import { seedProjects } from './catalogue';
import { seedSanctions } from './rectification';
import { SeedClock, seedOperations } from './operations';
import { DEMO_ORGANIZATIONS } from './organizations';

export interface SeedReport {
  organizations: number;
  projects: number;
  resources: number;
  runs: number;
  acceptances: number;
}

/**
 * Loads the demo district: organisations, then (through the services, so every rule applies) the
 * projects with their catalogues and sharing lists, the platform's aggregation runs and the
 * acceptances, the last at the demo's own instants. What is already there, by its business code,
 * is left alone, so it can run again.
 */
export async function seedDemo(ds: DataSource, config: Config, clock: Clock = systemClock): Promise<SeedReport> {
  const seedClock = new SeedClock(clock);
  const services = createServices(ds, config, seedClock);
  const organizations = await seedOrganizations(ds);
  const { mountedInterfaceIds, ...catalogue } = await seedProjects(ds, services);
  const operations = await seedOperations(ds, services, seedClock, mountedInterfaceIds);
  // 第二十八条: the upgrades of systems that went live with the acceptances just seeded.
  const upgrades = await seedProjects(ds, services);
  await seedSanctions(ds, services);
  return { organizations, projects: catalogue.projects + upgrades.projects, resources: catalogue.resources + upgrades.resources, ...operations };
}

/** The organisations alone (what every spec file starts from). */
export async function seedOrganizations(ds: DataSource): Promise<number> {
  return ds.transaction(async (em) => {
    let organizations = 0;
    for (const o of DEMO_ORGANIZATIONS) {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(Organization)
        .values({ name: o.name, kind: o.kind, creditCode: o.creditCode })
        .orIgnore()
        .execute();
      organizations += (result.raw as unknown[]).length;
    }
    const ids = new Map((await em.find(Organization)).map((o) => [o.creditCode, o.id]));
    const codes = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o.creditCode]));
    for (const o of DEMO_ORGANIZATIONS.filter((x) => x.supervisor)) {
      await em.update(Organization, { creditCode: o.creditCode, supervisorId: IsNull() }, { supervisorId: ids.get(codes.get(o.supervisor!)!) });
    }
    return organizations;
  });
}

export async function databaseIsEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Organization).count()) === 0;
}
