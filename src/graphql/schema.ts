import { GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { ApiTokenResolver, SessionResolver, UserResolver, ViewerResolver } from '../modules/auth';
import { OrganizationResolver } from '../modules/organization';
import { CoBuildingResolver, ProjectCoBuildingResolver, ProjectResolver, ProjectTransitionResolver } from '../modules/project';
import {
  ProjectCatalogueResolver,
  ProviderCountResolver,
  ResourceConnectionResolver,
  ResourceResolver,
  ResourceRevisionResolver,
  ResourceVersionResolver,
} from '../modules/catalogue';
import { InterfaceResolver, ProjectInterfacesResolver, ResourceInterfacesResolver } from '../modules/sharing';
import { AggregationResolver, InterfaceRunTimesResolver, ResourceRunTimesResolver } from '../modules/aggregation';
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
import { callFieldResolversDirectly } from './direct-resolvers';
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
  ResourceVersionResolver,
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
  InterfaceRunTimesResolver,
  ResourceRunTimesResolver,
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

/**
 * The two request-wide middlewares only on the fields where they act: the text rule on every field
 * that takes arguments, the mutation scope on every root mutation. As global middlewares they also
 * wrapped each field resolver without arguments (an entry's data items, provider, interfaces…) in
 * type-graphql's async middleware chain, a promise per field and object for nothing; now such a
 * resolver runs as a plain call. A field can take arguments only through `@Arg`/`@Args` (or a custom
 * parameter decorator with an argument), and the build fails if the schema has a field with
 * arguments that did not get the text rule, so that no argument can escape it.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Target = Function;
let middlewaresPlaced = false;
const checked = new Set<string>();
function placeMiddlewares(): void {
  if (middlewaresPlaced) return;
  const storage = getMetadataStorage();
  const takesArgs = (target: Target, method: string) =>
    storage.params.some(
      (p) => p.target === target && p.methodName === method && (p.kind === 'arg' || p.kind === 'args' || (p.kind === 'custom' && p.options.arg)),
    );
  const typeOf = (target: Target) => {
    const of = storage.resolverClasses.find((c) => c.target === target)?.getObjectType?.() ?? target; // an object type's own method field: itself
    return storage.objectTypes.find((t) => t.target === of)?.name ?? storage.interfaceTypes.find((t) => t.target === of)?.name;
  };
  const place = (target: Target, method: string, schemaName: string, type: string | undefined, mutation: boolean) => {
    const args = takesArgs(target, method);
    if (!args && !mutation) return;
    storage.middlewares.unshift({ target, fieldName: method, middlewares: [...(args ? [textHygiene] : []), ...(mutation ? [mutationScope] : [])] });
    if (args) checked.add(`${type}.${schemaName}`);
  };
  for (const q of storage.queries) place(q.target, q.methodName, q.schemaName, 'Query', false);
  for (const m of storage.mutations) place(m.target, m.methodName, m.schemaName, 'Mutation', true);
  for (const f of storage.fieldResolvers) place(f.target, f.methodName, f.schemaName, typeOf(f.target), false);
  middlewaresPlaced = true;
}

function assertArgumentsChecked(schema: GraphQLSchema): GraphQLSchema {
  const unchecked: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length && !checked.has(`${type.name}.${field.name}`)) unchecked.push(`${type.name}.${field.name}`);
    }
  }
  if (unchecked.length) throw new Error(`fields with arguments outside the text rule: ${unchecked.join(', ')}`);
  return schema;
}

export async function buildHubSchema(): Promise<GraphQLSchema> {
  authorizeAtRoots();
  placeMiddlewares();
  const schema = await buildSchema({
    resolvers,
    authChecker,
    scalarsMap,
    validate: false, // services validate mutation inputs and answer with userErrors
    validateFn: argumentCheck, // ids and filters of queries and fields, before the resolver runs
    emitSchemaFile: false,
  });
  return assertArgumentsChecked(callFieldResolversDirectly(schema));
}

/** The schema as committed in schema/schema.graphql: sorted, so that it diffs well. */
export async function printHubSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildHubSchema())) + '\n';
}
