import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { Organization } from './organization.entity';

@ObjectType()
export class OrganizationConnection extends Connection(Organization) {}

@ObjectType()
export class OrganizationCreatePayload extends Payload('organization', Organization) {}

@ObjectType()
export class OrganizationUpdatePayload extends Payload('organization', Organization) {}
