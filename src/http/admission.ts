/**
 * The admission queue in front of the database: at most `limit` requests (the pool's size) at a
 * time do their work — the caller's lookup, the resolvers, the file routes — and the others wait in
 * FIFO order until a place is free or their deadline has passed. A request past its deadline is
 * refused (503 DATABASE_BUSY with Retry-After) without having touched the database; one that went
 * away while waiting gives up its place in the line. Without it, a hundred requests on ten pooled
 * connections waited in the pool, each for at most POOL_WAIT_MS, and the unlucky ones failed while
 * later arrivals were served.
 */

export interface Admitted {
  /** Frees the place for the next request in line; idempotent. */
  release(): void;
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
  gone: boolean;
}

export class AdmissionQueue {
  private active = 0;
  private readonly line: Waiter[] = [];
  private head = 0;
  private waiting = 0;

  /** `limit` 0: no queue (every request goes straight on, as before the queue). */
  constructor(readonly limit: number) {}

  /** Requests doing their work now, and waiting for a place (for the spec and the logs). */
  get state(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting };
  }

  /**
   * A place for one request: at once when one is free, else when the requests ahead of it in line
   * have had theirs; null when `deadline` (a Date.now() value) passes first or `gone()` says the
   * client went away.
   */
  enter(deadline: number, onGone?: (cancel: () => void) => void): Promise<Admitted | null> {
    if (this.limit <= 0) return Promise.resolve(this.place());
    if (this.active < this.limit) {
      // A free place means no one waits (each release hands its place on): what is left in line timed out or went away.
      this.line.length = 0;
      this.head = 0;
      this.active++;
      return Promise.resolve(this.place());
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        gone: false,
        admit: () => resolve(this.place()),
        timer: setTimeout(
          () => {
            waiter.gone = true;
            this.waiting--;
            resolve(null);
          },
          Math.max(0, deadline - Date.now()),
        ),
      };
      this.line.push(waiter);
      this.waiting++;
      onGone?.(() => {
        if (waiter.gone) return;
        waiter.gone = true;
        this.waiting--;
        clearTimeout(waiter.timer);
        resolve(null);
      });
    });
  }

  private place(): Admitted {
    let released = false;
    return {
      release: () => {
        if (released || this.limit <= 0) return;
        released = true;
        this.active--;
        this.next();
      },
    };
  }

  /** The first request in line that still waits gets the free place. */
  private next(): void {
    while (this.active < this.limit && this.head < this.line.length) {
      const waiter = this.line[this.head++];
      if (waiter.gone) continue;
      waiter.gone = true; // admitted: neither its timer nor its client's going away counts any more
      this.waiting--;
      clearTimeout(waiter.timer);
      this.active++;
      waiter.admit();
    }
    if (this.head > 1024 && this.head * 2 > this.line.length) {
      this.line.splice(0, this.head);
      this.head = 0;
    }
  }
}
