import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ViewerResolver } from '../modules/auth/viewer.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { ProjectResolver, ProjectTransitionResolver } from '../modules/project/project.resolver';
import { ProjectCatalogueResolver } from '../modules/catalogue/project-catalogue.resolver';
import { ProviderCountResolver, ResourceConnectionResolver } from '../modules/catalogue/resource-facets.resolver';
import { ResourceResolver } from '../modules/catalogue/resource.resolver';
import { InterfaceResolver } from '../modules/sharing/interface.resolver';
import { authChecker } from './auth-checker';
import { scalarsMap } from './scalars';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [ViewerResolver, OrganizationResolver, ProjectResolver, ProjectTransitionResolver,
  ResourceResolver, ResourceConnectionResolver, ProviderCountResolver, ProjectCatalogueResolver, InterfaceResolver];

export async function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    scalarsMap,
    validate: false, // services validate inputs and answer with userErrors
    emitSchemaFile: false,
  });
}

/** The schema as committed in schema/schema.graphql: sorted, so that it diffs well. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
