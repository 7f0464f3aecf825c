import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The GraphQL IDE at GET /graphql for a browser, served from local assets only.
 * Returns true when it answered the request.
 */
export function serveIde(_req: IncomingMessage, _res: ServerResponse): boolean {
  return false;
}
