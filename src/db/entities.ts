import { Organization } from '../modules/organization/organization.entity';

/** Every entity of the hub, in one list for the DataSource. */
export const entities = [Organization];
