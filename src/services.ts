import type { DataSource } from 'typeorm';
import { Clock, systemClock } from './common/clock';
import type { Config } from './config';
import { TokenService } from './modules/auth';
import { OrganizationService } from './modules/organization';
import { ProjectService } from './modules/project';
import { ResourceReviewService, ResourceService } from './modules/catalogue';
import { InterfaceService, sharingListProblems } from './modules/sharing';
import { AggregationService } from './modules/aggregation';
import { CompletenessService } from './modules/completeness';
import { AcceptanceService } from './modules/acceptance';
import { SharingRequestService } from './modules/sharing-request';
import { DeadlineService } from './modules/deadline';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config, clock: Clock = systemClock) {
  const completeness = new CompletenessService(ds, config, clock);
  return {
    clock,
    tokens: new TokenService(config),
    organizations: new OrganizationService(ds, config),
    projects: new ProjectService(ds, config, clock),
    resources: new ResourceService(ds, config, [sharingListProblems]),
    resourceReview: new ResourceReviewService(ds, clock),
    interfaces: new InterfaceService(ds, config, clock),
    aggregation: new AggregationService(ds, config, clock),
    completeness,
    acceptance: new AcceptanceService(ds, config, clock, completeness),
    sharingRequests: new SharingRequestService(ds, config, clock),
    deadlines: new DeadlineService(ds, config, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
