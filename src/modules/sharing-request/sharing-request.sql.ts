import { RESOURCE_HEADS } from '../catalogue';
import { SharingRequestStatus } from './sharing-request.enums';

/**
 * 国发〔2016〕51号: pending sharing requests and who answers them (columns id, due_on,
 * consumer_organization_id, provider_id — the resource's provider), as SQL for the deadlines.
 */
export const PENDING_SHARING_REQUESTS = `
  SELECT s.id, s.due_on, s.consumer_organization_id, r.provider_id
    FROM sharing_request s JOIN (${RESOURCE_HEADS}) r ON r.id = s.resource_id
   WHERE s.status = '${SharingRequestStatus.PENDING}'`;
