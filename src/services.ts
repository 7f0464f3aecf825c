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
import { CatalogueImportService } from './modules/exchange/catalogue-import.service';
import { DcatExport } from './modules/exchange/dcat';

/** The composition root of the domain services: one instance each per process. */
export function createServices(ds: DataSource, config: Config, clock: Clock = systemClock) {
  const completeness = new CompletenessService(ds, config, clock);
  const organizations = new OrganizationService(ds, config);
  const projects = new ProjectService(ds, config, clock);
  const resources = new ResourceService(ds, config);
  const interfaces = new InterfaceService(ds, config, clock);
  return {
    clock,
    tokens: new TokenService(config),
    organizations,
    projects,
    resources,
    resourceReview: new ResourceReviewService(ds, clock),
    interfaces,
    dcat: new DcatExport(ds, resources, organizations),
    catalogueImport: new CatalogueImportService(ds, { resources, interfaces, organizations, projects, pageSize: config.maxPageSize }),
    aggregation: new AggregationService(ds, config, clock),
    completeness,
    acceptance: new AcceptanceService(ds, config, clock, completeness),
    sharingRequests: new SharingRequestService(ds, config, clock),
    deadlines: new DeadlineService(ds, config, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
