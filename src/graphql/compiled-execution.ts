import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, getVariableValues, OperationDefinitionNode, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];

/**
 * Compiled execution of queries (graphql-jit), as PostGraphile's speed needs: graphql-js builds,
 * for each field of each object, an info object, a path, an arguments object and a promise check
 * (S1: about 28,000 fields a request, the largest share of the hub's CPU after garbage collection);
 * graphql-jit compiles a document once into a function that reads plain fields as property reads
 * and calls the schema's own resolvers — type-graphql's, with their root rule, argument check and
 * text rule — with the same arguments, context and resolve info. The answer of graphql-js stays the
 * reference, and the compiled one is used only where it cannot differ:
 * - only queries are compiled; mutations (the audit's mutation scope, serial execution) and
 *   subscriptions run on graphql-js as before;
 * - the variables are first coerced by graphql-js: a request they fail runs on graphql-js, so that
 *   its refusal (BAD_USER_INPUT naming the variable) is graphql-js's, word for word;
 * - an error of the compiled answer becomes graphql-js's own error class with the same message,
 *   locations, path, extensions and original error, so that Apollo and format-error.ts (codes passed
 *   through, internal errors masked) treat it as before. It is not run again on graphql-js: a query
 *   that timed out or found the pool busy must answer so, not succeed on a second try;
 * - a document graphql-jit does not compile runs on graphql-js.
 * `test/compiled-execution.test.ts` compares the compiled answer with graphql-js's — data and
 * errors, key order included — over every read the console sends, for every role, and more shapes.
 */

/** A graphql-jit error as graphql-js's class (Apollo, format-error.ts and the specs see the same error). */
function asGraphqlJsError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  // graphql-js computes locations from the field nodes; graphql-jit computed the same ones at compile time.
  if (e.locations?.length) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true, writable: true, configurable: true });
  return error;
}

/**
 * The compiled answer of a query, or null where graphql-js must answer: not a query, a document
 * graphql-jit does not compile, or variables graphql-js refuses (nothing has run yet in those cases).
 */
export function compiledQueries(schema: GraphQLSchema) {
  // By document (Apollo's document store hands the same parsed document to the same query text) and operation name.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      let query: CompiledQuery | null;
      try {
        const out = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
        query = isCompiledQuery(out) ? out : null;
      } catch {
        query = null; // graphql-js answers it
      }
      byName.set(key, query);
    }
    return byName.get(key)!;
  };
  return async (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null | undefined,
    context: unknown,
    variables: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult | null> => {
    if (operation.operation !== 'query') return null;
    const query = compiledFor(document, operationName ?? undefined);
    if (!query) return null;
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
    const result = await query.query(undefined, context, variables ?? {});
    return result.errors?.length ? { data: result.data, errors: result.errors.map(asGraphqlJsError) } : { data: result.data };
  };
}

/** Apollo's executor: the compiled answer where there is one, else graphql-js's `execute`, as Apollo runs it without a gateway. */
export function compiledExecutor(schema: GraphQLSchema): Executor {
  const compiled = compiledQueries(schema);
  return async (rc: RequestContext): Promise<ExecutionResult> => {
    const { document, operation, request } = rc;
    return (
      (await compiled(document, operation, request.operationName, rc.context, request.variables)) ??
      (await execute({ schema, document, contextValue: rc.context, variableValues: request.variables, operationName: request.operationName }))
    );
  };
}

/** The gateway seam of Apollo Server: the hub's own schema with the executor above (Apollo still parses, validates and runs its plugins). */
export function compiledGateway(schema: GraphQLSchema): Gateway {
  const executor = compiledExecutor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
