import type { DataSource } from 'typeorm';
import { Clock, systemClock } from './clock';
import type { Config } from './config';
import { TokenService } from './modules/auth/token.service';
import { OrganizationService } from './modules/organization/organization.service';
import { ProjectService } from './modules/project/project.service';
import { ResourceReviewService } from './modules/catalogue/resource-review.service';
import { ResourceService } from './modules/catalogue/resource.service';
import { InterfaceService } from './modules/sharing/interface.service';
import { AggregationService } from './modules/aggregation/aggregation.service';
import { CompletenessService } from './modules/completeness/completeness.service';
import { AcceptanceService } from './modules/acceptance/acceptance.service';
import { SharingRequestService } from './modules/sharing-request/sharing-request.service';
import { DeadlineService } from './modules/deadline/deadline.service';
import { IdempotencyService } from './modules/idempotency/idempotency.service';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config, clock: Clock = systemClock) {
  const completeness = new CompletenessService(ds, config, clock);
  return {
    clock,
    tokens: new TokenService(config),
    organizations: new OrganizationService(ds, config),
    projects: new ProjectService(ds, config, clock),
    resources: new ResourceService(ds, config),
    resourceReview: new ResourceReviewService(ds, clock),
    interfaces: new InterfaceService(ds, config, clock),
    aggregation: new AggregationService(ds, config, clock),
    completeness,
    acceptance: new AcceptanceService(ds, config, clock, completeness),
    sharingRequests: new SharingRequestService(ds, config, clock),
    deadlines: new DeadlineService(ds, config, clock),
    // A claim with no answer after this long belongs to a request that died: it may be taken again.
    idempotency: new IdempotencyService(ds, config.idempotencyTtlSeconds, Math.max(30_000, config.statementTimeoutMs * 4)),
  };
}

export type Services = ReturnType<typeof createServices>;
