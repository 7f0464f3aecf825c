import type { DataSource } from 'typeorm';
import { organizationLoaders } from '../modules/organization/organization.loaders';
import { projectLoaders } from '../modules/project/project.loaders';
import { resourceLoaders } from '../modules/catalogue/resource.loaders';
import { interfaceLoaders } from '../modules/sharing/interface.loaders';
import { aggregationLoaders } from '../modules/aggregation/aggregation.loaders';
import { completenessLoaders } from '../modules/completeness/completeness.loaders';
import { acceptanceLoaders } from '../modules/acceptance/acceptance.loaders';
import { sharingRequestLoaders } from '../modules/sharing-request/sharing-request.loaders';
import { notificationLoaders } from '../modules/notification';
import type { Services } from '../services';
import type { RequestContext } from './request-context';

/** Fresh DataLoaders for each request, so nothing cached outlives the request that read it. */
export function createLoaders(ds: DataSource, services: Services) {
  return {
    ...organizationLoaders(ds),
    ...projectLoaders(ds),
    ...resourceLoaders(ds),
    ...interfaceLoaders(ds),
    ...aggregationLoaders(ds, services.aggregation),
    ...completenessLoaders(ds, services.completeness),
    ...acceptanceLoaders(ds),
    ...sharingRequestLoaders(ds),
    ...notificationLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The GraphQL context: the request (caller, id, logger), its loaders, and the services. */
export interface Context extends RequestContext {
  loaders: Loaders;
  services: Services;
}
