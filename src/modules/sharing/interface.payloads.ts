import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { SharingInterface } from './sharing-interface.entity';

@ObjectType()
export class SharingInterfaceConnection extends Connection(SharingInterface) {}

@ObjectType()
export class InterfaceRegisterPayload extends Payload('interface', SharingInterface) {}

@ObjectType()
export class InterfaceUpdatePayload extends Payload('interface', SharingInterface) {}

@ObjectType()
export class InterfaceMountPayload extends Payload('interface', SharingInterface) {}

@ObjectType()
export class InterfaceWithdrawPayload extends Payload('interface', SharingInterface) {}
