/** The sharing-request module's public face: requests to share a conditionally shared resource, answered within 10 working days. */
export { SharingRequest } from './sharing-request.entity';
export { SHARING_REQUEST_STATUS_LABEL, SharingRequestStatus } from './sharing-request.enums';
export { sharingRequestLoaders } from './sharing-request.loaders';
export { SharingRequestResolver } from './sharing-request.resolver';
export { refreshAnswerDueDates, SharingRequestService } from './sharing-request.service';
/** Pending requests and their providers, as SQL for the deadlines. */
export { PENDING_SHARING_REQUESTS } from './sharing-request.sql';
