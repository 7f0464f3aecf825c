import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ViewerResolver } from '../modules/auth/viewer.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { ProjectResolver, ProjectTransitionResolver } from '../modules/project/project.resolver';
import { ProjectCatalogueResolver } from '../modules/catalogue/project-catalogue.resolver';
import { ProviderCountResolver, ResourceConnectionResolver } from '../modules/catalogue/resource-facets.resolver';
import { ResourceResolver } from '../modules/catalogue/resource.resolver';
import { InterfaceResolver } from '../modules/sharing/interface.resolver';
import { AggregationResolver } from '../modules/aggregation/aggregation.resolver';
import {
  CompletenessGapResolver,
  CompletenessResolver,
  OrganizationCompletenessResolver,
  ProjectCompletenessResolver,
} from '../modules/completeness/completeness.resolver';
import { AcceptanceResolver, AcceptanceSnapshotResolver, ProjectAcceptanceResolver } from '../modules/acceptance/acceptance.resolver';
import { SharingRequestResolver } from '../modules/sharing-request/sharing-request.resolver';
import { DeadlineResolver } from '../modules/deadline/deadline.resolver';
import { authChecker } from './auth-checker';
import { scalarsMap } from './scalars';
import { textHygiene } from './text-hygiene';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [ViewerResolver, OrganizationResolver, ProjectResolver, ProjectTransitionResolver,
  ResourceResolver, ResourceConnectionResolver, ProviderCountResolver, ProjectCatalogueResolver, InterfaceResolver, SharingRequestResolver, DeadlineResolver,
  AcceptanceResolver, ProjectAcceptanceResolver, AcceptanceSnapshotResolver,
  AggregationResolver, CompletenessResolver, ProjectCompletenessResolver, CompletenessGapResolver, OrganizationCompletenessResolver];

export async function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    scalarsMap,
    globalMiddlewares: [textHygiene],
    validate: false, // services validate inputs and answer with userErrors
    emitSchemaFile: false,
  });
}

/** The schema as committed in schema/schema.graphql: sorted, so that it diffs well. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
