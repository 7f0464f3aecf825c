import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { ApiTokenResolver, SessionResolver, UserResolver, ViewerResolver } from '../modules/auth';
import { OrganizationResolver } from '../modules/organization';
import { CoBuildingResolver, ProjectCoBuildingResolver, ProjectResolver, ProjectTransitionResolver } from '../modules/project';
import { ProjectCatalogueResolver, ProviderCountResolver, ResourceConnectionResolver, ResourceResolver, ResourceRevisionResolver } from '../modules/catalogue';
import { InterfaceResolver, ProjectInterfacesResolver, ResourceInterfacesResolver } from '../modules/sharing';
import { AggregationResolver } from '../modules/aggregation';
import { CompletenessGapResolver, CompletenessResolver, OrganizationCompletenessResolver, ProjectCompletenessResolver } from '../modules/completeness';
import { AcceptanceResolver, AcceptanceSnapshotResolver, ProjectAcceptanceResolver } from '../modules/acceptance';
import { SharingRequestResolver } from '../modules/sharing-request';
import { DeadlineResolver } from '../modules/deadline';
import { NotificationResolver, WebhookDeliveryResolver } from '../modules/notification';
import { TodoResolver } from '../modules/todo';
import { ExpertAssignmentResolver, ExpertOpinionResolver, ProjectReviewResolver, ReviewResolver } from '../modules/review';
import { RectificationListResolver, RectificationResolver } from '../modules/rectification';
import { WorkingCalendarResolver } from '../modules/working-calendar';
import { AuditResolver, OtherHistoryResolvers, ProjectHistoryResolver, ResourceHistoryResolver } from '../modules/audit';
import { argumentCheck } from './argument-check';
import { authChecker } from './auth-checker';
import { mutationScope } from './mutation-scope';
import { scalarsMap } from './scalars';
import { textHygiene } from './text-hygiene';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  ViewerResolver,
  UserResolver,
  SessionResolver,
  ApiTokenResolver,
  OrganizationResolver,
  ProjectResolver,
  ProjectTransitionResolver,
  CoBuildingResolver,
  ProjectCoBuildingResolver,
  RectificationResolver,
  RectificationListResolver,
  WorkingCalendarResolver,
  ResourceResolver,
  ResourceRevisionResolver,
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
  ReviewResolver,
  ExpertAssignmentResolver,
  ExpertOpinionResolver,
  ProjectReviewResolver,
  AggregationResolver,
  CompletenessResolver,
  ProjectCompletenessResolver,
  CompletenessGapResolver,
  OrganizationCompletenessResolver,
  TodoResolver,
  NotificationResolver,
  WebhookDeliveryResolver,
  AuditResolver,
  ProjectHistoryResolver,
  ResourceHistoryResolver,
  ...OtherHistoryResolvers,
];

/**
 * Authorization is decided once per request at its root field, not again at every nested field:
 * a class-level `@Authorized()` becomes the rule of each query and mutation of that class (unless
 * the method has its own), and leaves its field resolvers, which are reached only through a root
 * field that already required a caller. Plain fields read the property through graphql-js's
 * default resolver (type-graphql's "simple resolvers") instead of a middleware chain each. Both
 * hold only while every root field is authorized and no plain field carries `@Authorized`: the
 * build fails otherwise, so that a public root can never expose nested fields unchecked.
 */
let rulesAtRoots = false;
function authorizeAtRoots(): void {
  if (rulesAtRoots) return;
  const storage = getMetadataStorage();
  const ownRule = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
  for (const cls of storage.authorizedResolver) {
    for (const root of [...storage.queries, ...storage.mutations].filter((r) => r.target === cls.target && !ownRule.has(`${r.target.name}.${r.methodName}`))) {
      storage.authorizedFields.push({ target: root.target, fieldName: root.methodName, roles: cls.roles });
    }
  }
  const roots = new Set([...storage.queries, ...storage.mutations].map((r) => `${r.target.name}.${r.methodName}`));
  const withRule = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
  const open = [...roots].filter((r) => !withRule.has(r));
  if (open.length) throw new Error(`root fields without @Authorized: ${open.join(', ')}`);
  const guarded = new Set(storage.authorizedFields.filter((f) => !roots.has(`${f.target.name}.${f.fieldName}`)).map((f) => f.target));
  storage.authorizedResolver.length = 0;
  for (const type of storage.objectTypes) {
    if (guarded.has(type.target)) throw new Error(`@Authorized on a field of ${type.name}: decide it at the root field instead`);
    type.simpleResolvers ??= true;
  }
  rulesAtRoots = true;
}

export async function buildHubSchema(): Promise<GraphQLSchema> {
  authorizeAtRoots();
  return buildSchema({
    resolvers,
    authChecker,
    scalarsMap,
    globalMiddlewares: [textHygiene, mutationScope],
    validate: false, // services validate mutation inputs and answer with userErrors
    validateFn: argumentCheck, // ids and filters of queries and fields, before the resolver runs
    emitSchemaFile: false,
  });
}

/** The schema as committed in schema/schema.graphql: sorted, so that it diffs well. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
