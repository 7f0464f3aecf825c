import type { DataSource } from 'typeorm';
import { organizationLoaders } from '../modules/organization/organization.loaders';
import type { Services } from '../services';
import type { RequestContext } from './request-context';

/** Fresh DataLoaders for each request, so nothing cached outlives the request that read it. */
export function createLoaders(ds: DataSource) {
  return {
    ...organizationLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The GraphQL context: the request (caller, id, logger), its loaders, and the services. */
export interface Context extends RequestContext {
  loaders: Loaders;
  services: Services;
}
