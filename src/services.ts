import type { DataSource } from 'typeorm';
import { Clock, systemClock } from './clock';
import type { Config } from './config';
import { TokenService } from './modules/auth/token.service';
import { OrganizationService } from './modules/organization/organization.service';
import { ProjectService } from './modules/project/project.service';
import { ResourceReviewService } from './modules/catalogue/resource-review.service';
import { ResourceService } from './modules/catalogue/resource.service';
import { InterfaceService } from './modules/sharing/interface.service';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config, clock: Clock = systemClock) {
  return {
    clock,
    tokens: new TokenService(config),
    organizations: new OrganizationService(ds, config),
    projects: new ProjectService(ds, config),
    resources: new ResourceService(ds, config),
    resourceReview: new ResourceReviewService(ds),
    interfaces: new InterfaceService(ds, config),
  };
}

export type Services = ReturnType<typeof createServices>;
