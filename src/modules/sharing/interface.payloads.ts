import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { UserError } from '../../graphql/user-error';
import { SharingInterface } from './sharing-interface.entity';

@ObjectType()
export class SharingInterfaceConnection extends Connection(SharingInterface) {}

@ObjectType()
export class InterfaceRegisterPayload {
  @Field(() => SharingInterface, { nullable: true })
  interface: SharingInterface | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class InterfaceUpdatePayload {
  @Field(() => SharingInterface, { nullable: true })
  interface: SharingInterface | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class InterfaceMountPayload {
  @Field(() => SharingInterface, { nullable: true })
  interface: SharingInterface | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class InterfaceWithdrawPayload {
  @Field(() => SharingInterface, { nullable: true })
  interface: SharingInterface | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
