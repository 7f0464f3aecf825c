import type { DataSource } from 'typeorm';
import { organizationLoaders } from '../modules/organization/organization.loaders';
import { projectLoaders } from '../modules/project/project.loaders';
import { resourceLoaders } from '../modules/catalogue/resource.loaders';
import { interfaceLoaders } from '../modules/sharing/interface.loaders';
import type { Services } from '../services';
import type { RequestContext } from './request-context';

/** Fresh DataLoaders for each request, so nothing cached outlives the request that read it. */
export function createLoaders(ds: DataSource) {
  return {
    ...organizationLoaders(ds),
    ...projectLoaders(ds),
    ...resourceLoaders(ds),
    ...interfaceLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The GraphQL context: the request (caller, id, logger), its loaders, and the services. */
export interface Context extends RequestContext {
  loaders: Loaders;
  services: Services;
}
