/**
 * The serial sentences by id (decision 0164) say exactly the English the console watcher's describeMatch and the
 * service's autobaud always said, so --json, the logs and older screens read the same words.
 */
import { describe, expect, it } from 'vitest';
import { autobaudSaid, matchSaid } from '../../../../src-shared/capabilities/serial/said';
import { describeMatch, WATCH_KINDS, type WatchMatch } from '../../../../src-shared/capabilities/serial/watchers';

describe('serial sentences by id', () => {
  it('every kind of match: the id says describeMatch’s English, with and without its details', () => {
    for (const kind of WATCH_KINDS) {
      const bare: WatchMatch = { kind, text: '', offset: 0 };
      const full: WatchMatch = { kind, text: '', offset: 0, prompt: 'ath> ', detail: 'Attempted to kill init!', stopWith: 'tpl', seconds: 3 };
      for (const m of [bare, full, { ...full, stopWith: 'any' }]) expect(matchSaid(m).text).toBe(describeMatch(m));
    }
  });

  it('the three results of Find speed', () => {
    expect(autobaudSaid({ baud: 57600, tried: [] }).text).toBe('The router talks at 57600 baud: its output reads as text at that speed.');
    expect(autobaudSaid({ tried: [{ bytes: 0 }, { bytes: 0 }] }).msg).toEqual({ id: 'serial.findSpeed.silent' });
    expect(autobaudSaid({ tried: [{ bytes: 0 }, { bytes: 40 }] }).msg).toEqual({ id: 'serial.findSpeed.garbled' });
  });
});
