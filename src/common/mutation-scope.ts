import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the transaction helper needs to know of the mutation it runs for, without every service
 * passing it on: the operation's name (the GraphQL mutation field, or the HTTP route of a file
 * upload) and the `lockVersion` its input carries (optimistic concurrency). Set once around each root
 * mutation field (graphql/mutation-scope.ts) and read by the audit log.
 */
export interface MutationScope {
  operation: string;
  /** The `lockVersion` of the object as the caller last read it, when the input carries one. */
  expectedRevision?: number;
}

const storage = new AsyncLocalStorage<MutationScope>();

export const runInMutationScope = <T>(scope: MutationScope, work: () => T): T => storage.run(scope, work);

export const currentMutationScope = (): MutationScope | undefined => storage.getStore();
