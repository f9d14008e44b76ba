import { beforeEach, describe, expect, it } from 'vitest';
import { latest, useNmrp, writingSince } from '../../../../src-renderer/capabilities/nmrp/store';
import type { NmrpStage } from '../../../../src-shared/capabilities/nmrp';

const counters = { malformed: 0, ignored: 0, confAcks: 0, uploadRequests: 0, keepAlives: 0, advertisements: 0 };
const st = (runId: string, stage: NmrpStage['stage'], extra: Partial<NmrpStage> = {}): NmrpStage => ({ runId, stage, at: 1000, say: stage, counters, ...extra });

describe('the Netgear recovery store', () => {
  beforeEach(() => useNmrp.getState().replace({ state: 'idle', stages: [] }));

  it('follows one run from its stages: running, the image from the check, done at CLOSE_ACK', () => {
    const s = useNmrp.getState();
    s.onStage(st('a', 'checking-image', { image: { file: '/f', fileName: 'f.img', size: 1, kind: 'dni-img', board: 'R7800', intact: true, say: 'x', warnings: [] } }));
    expect(useNmrp.getState().run).toMatchObject({ state: 'running', runId: 'a', image: { board: 'R7800' } });
    s.onStage(st('a', 'advertising', { doNow: 'Switch the router on now.' }));
    expect(latest(useNmrp.getState().run).doNow?.doNow).toBe('Switch the router on now.');
    s.onStage(st('a', 'router-found'));
    // the instruction is over once the router answered
    expect(latest(useNmrp.getState().run).doNow).toBeUndefined();
    s.onStage(st('a', 'uploaded', { at: 5000 }));
    expect(writingSince(useNmrp.getState().run)).toBe(5000);
    s.onStage(st('a', 'done', { doNow: 'Switch the router off now.' }));
    expect(useNmrp.getState().run.state).toBe('done');
  });

  it('a failure keeps its fault; a new run starts a fresh list and drops the old progress', () => {
    const s = useNmrp.getState();
    s.onStage(st('a', 'failed', { fault: { code: 'NMRP_NO_ROUTER', message: 'no' } }));
    s.onProgress({ runId: 'a', bytes: 1, total: 2, bytesPerSecond: 1 });
    expect(useNmrp.getState().run).toMatchObject({ state: 'failed', fault: { code: 'NMRP_NO_ROUTER' } });
    s.onStage(st('b', 'checking-image'));
    expect(useNmrp.getState().run.stages).toHaveLength(1);
    expect(useNmrp.getState().run.state).toBe('running');
    expect(useNmrp.getState().progress).toBeUndefined();
    s.onProgress({ runId: 'a', bytes: 1, total: 2, bytesPerSecond: 1 });
    expect(useNmrp.getState().progress).toBeUndefined();
  });

  it('keeps the "untested on this system" note of a run from its start reply while its stages arrive', () => {
    const s = useNmrp.getState();
    s.replace({ state: 'running', runId: 'w', stages: [], untested: 'Netgear recovery on Windows (through Npcap) has not been tried on a real Windows computer yet.' });
    s.onStage(st('w', 'preparing-network'));
    s.onStage(st('w', 'failed', { fault: { code: 'NMRP_NPCAP_MISSING', message: 'Npcap is not installed on this computer.' } }));
    expect(useNmrp.getState().run.untested).toMatch(/not been tried on a real Windows computer/);
  });
});
