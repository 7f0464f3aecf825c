/**
 * Security events (sign-in failures, refused tokens, FORBIDDEN answers) are audit entries too,
 * but a flood of them must not fill the log: at most `perKey` a minute for one source (a caller
 * or an address) and kind, and `overall` a minute in all. What is held back is counted, and the
 * next entry recorded for that source says how many were not (`detail.notRecorded`).
 */
export class SecurityEventLimiter {
  private window = -1;
  private overallInWindow = 0;
  private readonly inWindow = new Map<string, number>();
  private readonly heldBack = new Map<string, number>();

  constructor(
    private readonly perKey = 10,
    private readonly overall = 200,
    private readonly maxKeys = 10_000,
  ) {}

  /** null when the event is not to be recorded; else how many like it were held back before it. */
  admit(key: string, now = Date.now()): { notRecorded: number } | null {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.overallInWindow = 0;
      this.inWindow.clear();
    }
    const count = this.inWindow.get(key) ?? 0;
    if (count >= this.perKey || this.overallInWindow >= this.overall) {
      if (this.heldBack.has(key) || this.heldBack.size < this.maxKeys) this.heldBack.set(key, (this.heldBack.get(key) ?? 0) + 1);
      return null;
    }
    if (this.inWindow.size < this.maxKeys) this.inWindow.set(key, count + 1);
    this.overallInWindow++;
    const notRecorded = this.heldBack.get(key) ?? 0;
    this.heldBack.delete(key);
    return { notRecorded };
  }
}
