import type { DataSource } from 'typeorm';
import { authLoaders } from '../modules/auth';
import { organizationLoaders } from '../modules/organization';
import { projectLoaders } from '../modules/project';
import { resourceLoaders } from '../modules/catalogue';
import { interfaceLoaders } from '../modules/sharing';
import { aggregationLoaders } from '../modules/aggregation';
import { completenessLoaders } from '../modules/completeness';
import { acceptanceLoaders } from '../modules/acceptance';
import { sharingRequestLoaders } from '../modules/sharing-request';
import { notificationLoaders } from '../modules/notification';
import { reviewLoaders } from '../modules/review';
import { rectificationLoaders } from '../modules/rectification';
import type { Services } from '../services';
import type { RequestContext } from '../common/request-context';

/** Fresh DataLoaders for each request, so nothing cached outlives the request that read it. */
export function createLoaders(ds: DataSource, services: Services) {
  return {
    ...authLoaders(ds),
    ...organizationLoaders(ds),
    ...projectLoaders(ds, services.maxPageSize),
    ...resourceLoaders(ds, services.maxPageSize),
    ...interfaceLoaders(ds),
    ...aggregationLoaders(ds, services.aggregation),
    ...completenessLoaders(ds, services.completeness),
    ...acceptanceLoaders(ds),
    ...sharingRequestLoaders(ds),
    ...notificationLoaders(ds),
    ...reviewLoaders(ds),
    ...rectificationLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The GraphQL context: the request (caller, id, logger), its loaders, and the services. */
export interface Context extends RequestContext {
  loaders: Loaders;
  services: Services;
}
