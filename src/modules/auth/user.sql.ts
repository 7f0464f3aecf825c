/**
 * SQL statement: the accounts that may receive e-mail — enabled, with an e-mail address (columns id,
 * organization_id, roles, email) — for the notification module's daily digests.
 */
export const MAILABLE_USERS = `
  SELECT u.id, u.organization_id, u.roles, u.email FROM hub_user u WHERE u.email IS NOT NULL AND u.disabled_at IS NULL`;
