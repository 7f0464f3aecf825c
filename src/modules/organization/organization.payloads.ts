import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { UserError } from '../../graphql/user-error';
import { Organization } from './organization.entity';

@ObjectType()
export class OrganizationConnection extends Connection(Organization) {}

@ObjectType()
export class OrganizationCreatePayload {
  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class OrganizationUpdatePayload {
  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
