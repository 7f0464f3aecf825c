import { ClassType, Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/user-error';

/** What a mutation answers: the object as it now stands under `K`, or null with the userErrors that refused it. */
export type PayloadShape<K extends string, T> = { userErrors: UserError[] } & { [P in K]: T | null };

/**
 * Base of a `<Noun><Verb>Payload` object type: a nullable `field` of type `Node` and `userErrors: [UserError!]!`.
 * Extend it under the payload's own name: `@ObjectType() class ProjectDeclarePayload extends Payload('project', Project) {}`.
 */
export function Payload<K extends string, T extends object>(field: K, Node: ClassType<T>, description?: string) {
  @ObjectType()
  abstract class PayloadBase {}

  // The node field's name is only known here, so its decorator is applied by hand (before userErrors, keeping the field order).
  Field(() => Node, { nullable: true, description })(PayloadBase.prototype, field);
  Field(() => [UserError])(PayloadBase.prototype, 'userErrors');

  return PayloadBase as abstract new () => PayloadShape<K, T>;
}
