/**
 * Read-your-writes across read replicas: the WAL position of a caller's last write, handed to the
 * caller in a response header and a cookie and read back from either on their next requests, so
 * that any hub process behind the same address routes them alike (nothing shared but the client).
 * Each process also remembers the positions of the writes it served, by caller, for clients that
 * keep neither the cookie nor the header (a bearer-token script): for those, with several hub
 * processes, read-your-writes holds only with sticky sessions. See docs/scaling.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatLsn, parseLsn } from '../db/read-replicas';

/** Response header with the caller's last write's WAL position; a client may send it back as is. */
export const READ_AFTER_HEADER = 'x-hub-read-after';
const COOKIE = 'hub_read_after';
const COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${COOKIE}=([0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8})(?:;|$)`);
/** Callers remembered per process; the oldest go first. */
const REMEMBERED = 10_000;

export class ReadAfter {
  private readonly recent = new Map<string, { lsn: bigint; until: number }>();

  constructor(
    /** How long a write keeps steering its caller's reads (ReadReplicas.readAfterTtlMs). */
    private readonly ttlMs: number,
    private readonly secureCookie: boolean,
  ) {}

  /** The position the caller's reads must find on a replica: the latest of the header, the cookie and this process's memory; null: none. */
  of(req: IncomingMessage, callerKey: string | null): bigint | null {
    let after: bigint | null = null;
    const raise = (lsn: bigint | null) => {
      if (lsn !== null && (after === null || lsn > after)) after = lsn;
    };
    const header = req.headers[READ_AFTER_HEADER];
    // A malformed value is ignored, never refused: at worst the caller reads a replica's slightly older answer.
    if (typeof header === 'string') raise(parseLsn(header.trim()));
    const cookie = req.headers.cookie?.match(COOKIE_VALUE);
    if (cookie) raise(parseLsn(cookie[1]));
    const remembered = callerKey ? this.recent.get(callerKey) : undefined;
    if (remembered) {
      if (remembered.until > Date.now()) raise(remembered.lsn);
      else this.recent.delete(callerKey!);
    }
    return after;
  }

  /** After the caller's write committed at `lsn`: remembered here, and told to the client when the answer's headers are still to be sent. */
  remember(res: ServerResponse, callerKey: string | null, lsn: bigint): void {
    if (callerKey) {
      const known = this.recent.get(callerKey);
      this.recent.delete(callerKey);
      this.recent.set(callerKey, { lsn: known && known.lsn > lsn ? known.lsn : lsn, until: Date.now() + this.ttlMs });
      if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
    }
    if (res.headersSent) return;
    const text = formatLsn(lsn);
    res.setHeader(READ_AFTER_HEADER, text);
    const cookie = `${COOKIE}=${text}; Path=/; Max-Age=${Math.ceil(this.ttlMs / 1000)}; HttpOnly; SameSite=Lax${this.secureCookie ? '; Secure' : ''}`;
    const set = res.getHeader('set-cookie');
    const others = (Array.isArray(set) ? set : set === undefined ? [] : [String(set)]).filter((c) => !c.startsWith(`${COOKIE}=`));
    res.setHeader('set-cookie', [...others, cookie]);
  }
}
