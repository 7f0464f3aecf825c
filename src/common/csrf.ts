/**
 * The header a page of the hub's own (the console, the IDE) sends with every cookie-authenticated
 * request that is not a GET; another site's page cannot set it without the hub's CORS consent, which
 * it never gives.
 */
export const CSRF_HEADER = 'x-csrf-protection';
