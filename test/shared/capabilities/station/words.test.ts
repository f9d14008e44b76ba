/** The station's pure parts: a step's rate and time left from its samples, and a router moved to another card. */
import { describe, expect, it } from 'vitest';
import { movedFrom, rateOf, trimSamples, RATE_WINDOW_MS, type Sample, type SlotSeen } from '../../../../src-shared/capabilities/station';

describe('rateOf', () => {
  it('is undefined until the samples span 200 ms with bytes moved', () => {
    expect(rateOf([], 100)).toBeUndefined();
    expect(rateOf([{ at: 0, done: 0 }], 100)).toBeUndefined();
    expect(rateOf([{ at: 0, done: 0 }, { at: 100, done: 50 }], 100)).toBeUndefined();
    expect(rateOf([{ at: 0, done: 10 }, { at: 1000, done: 10 }], 100)).toBeUndefined();
  });
  it('measures over the window only and says the time left at that rate', () => {
    // 1 MB/s for the first 5 s, then 100 kB/s: the window sees only the slow part
    const s: Sample[] = [];
    let done = 0;
    for (let at = 0; at <= 5000; at += 100) s.push({ at, done: (done = at * 1000) });
    for (let at = 5100; at <= 9000; at += 100) s.push({ at, done: (done += 10_000) });
    trimSamples(s, 9000);
    expect(s[s.length - 1]!.at - s[0]!.at).toBeLessThanOrEqual(RATE_WINDOW_MS + 100);
    const r = rateOf(s, done + 1_000_000)!;
    expect(r.bytesPerS).toBeCloseTo(100_000, -3);
    expect(r.etaS).toBeCloseTo(10, 0);
  });
  it('never says a negative time left', () => {
    expect(rateOf([{ at: 0, done: 0 }, { at: 1000, done: 2000 }], 1000)!.etaS).toBe(0);
  });
});

describe('movedFrom', () => {
  const seen = (slotId: string, iface: string | undefined, mac: string | undefined, active = true): SlotSeen => ({ slotId, name: slotId.slice(5), ...(iface ? { interface: iface } : {}), active, router: mac ? { mac } : {} });
  it('finds the going job on another card with the same MAC, whatever its case', () => {
    const others = [seen('slot-1', 'eth1', 'c4:41:1e:aa:bb:01'), seen('slot-2', 'eth2', 'c4:41:1e:aa:bb:02')];
    expect(movedFrom(seen('slot-3', 'eth3', 'C4:41:1E:AA:BB:01'), others)?.slotId).toBe('slot-1');
  });
  it('does not call a finished job, the same card, the same slot or an unknown MAC a move', () => {
    expect(movedFrom(seen('slot-3', 'eth3', 'c4:41:1e:aa:bb:01'), [seen('slot-1', 'eth1', 'c4:41:1e:aa:bb:01', false)])).toBeUndefined();
    expect(movedFrom(seen('slot-3', 'eth1', 'c4:41:1e:aa:bb:01'), [seen('slot-1', 'eth1', 'c4:41:1e:aa:bb:01')])).toBeUndefined();
    expect(movedFrom(seen('slot-1', 'eth3', 'c4:41:1e:aa:bb:01'), [seen('slot-1', 'eth1', 'c4:41:1e:aa:bb:01')])).toBeUndefined();
    expect(movedFrom(seen('slot-3', 'eth3', undefined), [seen('slot-1', 'eth1', undefined)])).toBeUndefined();
  });
});
