/**
 * The lock-step busy poll (decision 0011): it measures whether polling makes blocks faster and polls only then,
 * never when off, and never leaves the event loop spinning after the transfer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LockstepPoll, MARGIN, pollStats, PROBE_BLOCKS, USE_BLOCKS } from '../../../../src-main/capabilities/tftp/poll';

let clock = 0;
function useClock(): void {
  clock = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
}
afterEach(() => vi.restoreAllMocks());

/** Send and acknowledge `n` blocks, each taking `msPerBlock`; returns how many were sent while polling. */
function blocks(p: LockstepPoll, n: number, msPerBlock: number): number {
  const before = p.polledBlocks;
  for (let i = 0; i < n; i++) {
    p.sent();
    clock += msPerBlock;
    p.acked();
  }
  return p.polledBlocks - before;
}

describe('LockstepPoll', () => {
  it('with budget 0 it never polls', () => {
    useClock();
    const p = new LockstepPoll(0);
    expect(blocks(p, PROBE_BLOCKS * 4, 0.01)).toBe(0);
    expect(pollStats().waiting).toBe(0);
  });

  it('polls in the long phase only when the polled probe was clearly faster', () => {
    useClock();
    const p = new LockstepPoll(0.1);
    expect(blocks(p, PROBE_BLOCKS, 0.08), 'first probe: polling off').toBe(0);
    expect(blocks(p, PROBE_BLOCKS, 0.02), 'second probe: polling on').toBe(PROBE_BLOCKS);
    expect(p.verdictsOn).toBe(1);
    expect(blocks(p, USE_BLOCKS, 0.02), 'polling won: the long phase polls').toBe(USE_BLOCKS);
    // Next cycle: polling no faster (a client that shares our CPU) → the long phase does not poll.
    expect(blocks(p, PROBE_BLOCKS, 0.05)).toBe(0);
    expect(blocks(p, PROBE_BLOCKS, 0.05)).toBe(PROBE_BLOCKS);
    expect(p.verdictsOff).toBe(1);
    expect(blocks(p, USE_BLOCKS, 0.05)).toBe(0);
  });

  it('a small gain is not enough: polling must be clearly faster', () => {
    useClock();
    const p = new LockstepPoll(0.1);
    blocks(p, PROBE_BLOCKS, 0.1);
    blocks(p, PROBE_BLOCKS, 0.1 * (MARGIN + 0.05)); // faster, but within the margin
    expect(p.verdictsOff).toBe(1);
    expect(blocks(p, USE_BLOCKS, 0.1)).toBe(0);
  });

  it('after repeated "off" verdicts it probes less often', () => {
    useClock();
    const p = new LockstepPoll(0.1);
    let polled = 0;
    const total = 40_000;
    polled += blocks(p, total, 0.05); // polling never helps
    // Probe phases of PROBE_BLOCKS with polling; the long phases grow from 2048 to 16384 blocks.
    expect(p.verdictsOn).toBe(0);
    // Each "off" verdict doubles the long phase (4096, 8192, then 16384 blocks): 4 verdicts in 40k blocks, not 17.
    expect(p.verdictsOff).toBe(4);
    expect(polled).toBeGreaterThanOrEqual(p.verdictsOff * PROBE_BLOCKS);
    expect(polled).toBeLessThanOrEqual((p.verdictsOff + 1) * PROBE_BLOCKS);
  });

  it('a waiting transfer keeps the loop turning; the ACK or the end releases it; it stops by itself', async () => {
    const p = new LockstepPoll(50);
    const always = new LockstepPoll(50, true);
    always.sent();
    expect(pollStats().waiting).toBe(1);
    const t0 = pollStats().turns;
    await new Promise((r) => setTimeout(r, 5));
    expect(pollStats().turns, 'setImmediate turns while waiting').toBeGreaterThan(t0);
    always.acked();
    expect(pollStats().waiting).toBe(0);
    always.sent();
    always.end();
    p.end();
    expect(pollStats().waiting).toBe(0);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(pollStats().running).toBe(false);
  });

  it('the budget bounds the spin when no ACK comes', async () => {
    const always = new LockstepPoll(2, true);
    always.sent();
    await new Promise((r) => setTimeout(r, 20));
    expect(pollStats().running, 'stopped after the 2 ms budget although still waiting').toBe(false);
    always.end();
  });
});
