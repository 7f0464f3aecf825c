import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ViewerResolver } from '../modules/auth';
import { OrganizationResolver } from '../modules/organization';
import { ProjectResolver, ProjectTransitionResolver } from '../modules/project';
import { ProjectCatalogueResolver, ProviderCountResolver, ResourceConnectionResolver, ResourceResolver } from '../modules/catalogue';
import { InterfaceResolver, ProjectInterfacesResolver, ResourceInterfacesResolver } from '../modules/sharing';
import { AggregationResolver } from '../modules/aggregation';
import { CompletenessGapResolver, CompletenessResolver, OrganizationCompletenessResolver, ProjectCompletenessResolver } from '../modules/completeness';
import { AcceptanceResolver, AcceptanceSnapshotResolver, ProjectAcceptanceResolver } from '../modules/acceptance';
import { SharingRequestResolver } from '../modules/sharing-request';
import { DeadlineResolver } from '../modules/deadline';
import { argumentCheck } from './argument-check';
import { authChecker } from './auth-checker';
import { scalarsMap } from './scalars';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  ViewerResolver,
  OrganizationResolver,
  ProjectResolver,
  ProjectTransitionResolver,
  ResourceResolver,
  ResourceConnectionResolver,
  ProviderCountResolver,
  ProjectCatalogueResolver,
  InterfaceResolver,
  ResourceInterfacesResolver,
  ProjectInterfacesResolver,
  SharingRequestResolver,
  DeadlineResolver,
  AcceptanceResolver,
  ProjectAcceptanceResolver,
  AcceptanceSnapshotResolver,
  AggregationResolver,
  CompletenessResolver,
  ProjectCompletenessResolver,
  CompletenessGapResolver,
  OrganizationCompletenessResolver,
];

export async function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    scalarsMap,
    validate: false, // services validate mutation inputs and answer with userErrors
    validateFn: argumentCheck, // ids and filters of queries and fields, before the resolver runs
    emitSchemaFile: false,
  });
}

/** The schema as committed in schema/schema.graphql: sorted, so that it diffs well. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
