export { SharingRequest } from './sharing-request.entity';
export { SharingRequestStatus } from './sharing-request.enums';
export { sharingRequestLoaders } from './sharing-request.loaders';
export { SharingRequestResolver } from './sharing-request.resolver';
export { SharingRequestService } from './sharing-request.service';
