import type { DataSource } from 'typeorm';
import type { Config } from './config';
import { TokenService } from './modules/auth/token.service';
import { OrganizationService } from './modules/organization/organization.service';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config) {
  return {
    tokens: new TokenService(config),
    organizations: new OrganizationService(ds, config),
  };
}

export type Services = ReturnType<typeof createServices>;
