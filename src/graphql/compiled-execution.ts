import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLSchema, getVariableValues, printSchema } from 'graphql';
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
 * - a compiled answer with any error is thrown away and the query runs again on graphql-js (a query
 *   writes nothing; its loaders keep what they read), so that every error — its message, path,
 *   code, the masking of internal ones (format-error.ts) — is exactly graphql-js's;
 * - a document graphql-jit does not compile runs on graphql-js.
 * What is left to graphql-jit alone is a query answered without error, which
 * `test/compiled-execution.test.ts` compares with graphql-js's answer over every operation the
 * console sends and the benchmark's reads.
 */
export function compiledExecutor(schema: GraphQLSchema): Executor {
  // By document (Apollo's document store hands the same parsed document to the same query text) and operation name.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      let query: CompiledQuery | null = null;
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
  return async (rc: RequestContext): Promise<ExecutionResult> => {
    const { document, operation, request } = rc;
    const variables = request.variables ?? {};
    const onGraphqlJs = () =>
      execute({ schema, document, contextValue: rc.context, variableValues: request.variables, operationName: request.operationName }) as Promise<ExecutionResult>;
    if (operation.operation !== 'query') return onGraphqlJs();
    const query = compiledFor(document, request.operationName ?? undefined);
    if (!query) return onGraphqlJs();
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return onGraphqlJs();
    const result = await query.query(undefined, rc.context, variables);
    if (result.errors?.length) return onGraphqlJs();
    return { data: result.data };
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
