import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Payload } from '../../graphql/payload';
import { SharingRequest } from './sharing-request.entity';

@ObjectType()
export class SharingRequestConnection extends Connection(SharingRequest) {}

@ObjectType()
export class SharingRequestCreatePayload extends Payload('sharingRequest', SharingRequest) {}

@ObjectType()
export class SharingRequestApprovePayload extends Payload('sharingRequest', SharingRequest) {}

@ObjectType()
export class SharingRequestRejectPayload extends Payload('sharingRequest', SharingRequest) {}
