/**
 * One rate limiter for every "at most so many a second, with a burst" rule in the main process: a token bucket.
 * Used by the failsafe monitor (datagrams forwarded to screens during a flood) and the TFTP server (ERROR replies
 * to strangers and malformed requests). It only counts: what is dropped, and how that is reported, stays with
 * the caller.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /**
   * @param rate tokens added per second
   * @param burst most tokens held at once (the bucket starts full)
   * @param now the clock reading at creation, in ms (default Date.now())
   */
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Take one token at time `now` (ms, default Date.now()): true if there was one, false if the caller must drop. */
  take(now: number = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
