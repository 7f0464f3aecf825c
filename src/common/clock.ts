/** Where the hub reads the time: the system clock in service, a fixed one in tests of deadlines and timeliness. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new Error(`fixedClock: not an instant: ${String(at)}`);
  return { now: () => new Date(t) };
}

/** How far ahead of the hub's clock a time reported by another system (the city platform) may be: 5 minutes of clock skew. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
