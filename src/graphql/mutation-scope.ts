/** Around each root mutation field: its name and the input's `lockVersion`, for the audit log and the CONFLICT rule (common/mutation-scope.ts). */
import type { MiddlewareFn } from 'type-graphql';
import { runInMutationScope } from '../common/mutation-scope';

export const mutationScope: MiddlewareFn = ({ info, args }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const lockVersion = (args.input as { lockVersion?: unknown } | undefined)?.lockVersion;
  return runInMutationScope({ operation: info.fieldName, expectedRevision: typeof lockVersion === 'number' ? lockVersion : undefined }, next);
};
