import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src-main/core/rate-limit';

const takeN = (b: TokenBucket, n: number, now: number): number => {
  let ok = 0;
  for (let i = 0; i < n; i++) if (b.take(now)) ok++;
  return ok;
};

describe('TokenBucket (the one rate limiter of the main process)', () => {
  it('starts full: a burst goes through at once, then nothing until time passes', () => {
    const b = new TokenBucket(10, 5, 0);
    expect(takeN(b, 8, 0)).toBe(5);
    expect(b.take(0)).toBe(false);
  });

  it('refills at `rate` tokens a second, never above `burst`', () => {
    const b = new TokenBucket(10, 5, 0);
    takeN(b, 5, 0);
    expect(b.take(50)).toBe(false); // half a token
    expect(b.take(100)).toBe(true); // one token after 100 ms at 10/s
    expect(b.take(100)).toBe(false);
    expect(takeN(b, 20, 60_000)).toBe(5); // a minute later: still only the burst
  });

  it('holds a long flood to the rate', () => {
    const b = new TokenBucket(100, 200, 0);
    let ok = 0;
    for (let t = 0; t < 10_000; t++) ok += takeN(b, 10, t); // 10 000 a second for 10 s
    expect(ok).toBeGreaterThanOrEqual(200 + 100 * 10 - 2);
    expect(ok).toBeLessThanOrEqual(200 + 100 * 10);
  });

  it('a fractional rate works (half a token a second)', () => {
    const b = new TokenBucket(0.5, 1, 0);
    expect(b.take(0)).toBe(true);
    expect(b.take(1000)).toBe(false);
    expect(b.take(2000)).toBe(true);
  });

  it('uses the wall clock when no time is given', () => {
    const b = new TokenBucket(1, 1);
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });
});
