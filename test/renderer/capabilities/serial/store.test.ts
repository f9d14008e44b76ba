import { beforeEach, describe, expect, it } from 'vitest';
import { attachSink, decodeB64, KEEP_BYTES, MAX_BANNERS, sessionOutput, useSerial } from '../../../../src-renderer/capabilities/serial/store';
import { useUboot } from '../../../../src-renderer/capabilities/uboot/store';
import type { SerialSession } from '../../../../src-shared/capabilities/serial/contract';
import type { UbootRun } from '../../../../src-shared/capabilities/uboot/contract';

const session = (id: string, state: SerialSession['state'] = 'open'): SerialSession => ({
  id,
  path: `/dev/tty${id}`,
  state,
  requested: { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' },
  actual: { baud: 115200 },
  signals: {},
  profile: 'generic',
  logPath: '/tmp/x.log',
  openedAt: 0,
  bytesIn: 0,
  bytesOut: 0,
  reconnects: 0,
  autoStop: false,
});
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');

describe('serial store', () => {
  beforeEach(() => useSerial.setState({ sessions: {}, active: undefined, banners: {} }));

  it('keeps bytes per session, replays them to a terminal that attaches late, then streams', () => {
    useSerial.getState().upsertSession(session('a'));
    useSerial.getState().onData('a', b64('U-Boot \xff\r\n'));
    const got: Uint8Array[] = [];
    const off = attachSink('a', (b) => got.push(b));
    useSerial.getState().onData('a', b64('=> '));
    off();
    useSerial.getState().onData('a', b64('more'));
    expect(got.map((g) => Buffer.from(g).toString('latin1'))).toEqual(['U-Boot \xff\r\n', '=> ']);
    expect(Buffer.from(sessionOutput('a')).toString('latin1')).toBe('U-Boot \xff\r\n=> more');
    expect(decodeB64(b64('\x00\x01\xfe'))).toEqual(Uint8Array.from([0, 1, 0xfe]));
  });

  it('bounds what it keeps', () => {
    useSerial.getState().upsertSession(session('big'));
    const chunk = b64('x'.repeat(1024 * 1024));
    for (let i = 0; i < 6; i++) useSerial.getState().onData('big', chunk);
    expect(sessionOutput('big').length).toBeLessThanOrEqual(KEEP_BYTES);
  });

  it('banners: newest first, one per kind, bounded', () => {
    const s = useSerial.getState();
    s.onMatch('a', 1, { kind: 'uboot-banner', text: 'U-Boot', offset: 1 });
    s.onMatch('a', 2, { kind: 'uboot-autoboot', text: 'Hit', offset: 2, seconds: 3, stopWith: 'any' });
    s.onMatch('a', 3, { kind: 'uboot-prompt', text: '=> ', offset: 3, prompt: '=> ' });
    s.onMatch('a', 4, { kind: 'uboot-prompt', text: '=> ', offset: 4, prompt: '=> ' });
    s.onMatch('a', 5, { kind: 'kernel-start', text: 'Starting kernel ...', offset: 5 });
    s.onMatch('a', 6, { kind: 'shell-prompt', text: '/ # ', offset: 6, prompt: '/ # ' });
    const list = useSerial.getState().banners.a!;
    expect(list.length).toBe(MAX_BANNERS);
    expect(list.map((b) => b.match.kind)).toEqual(['shell-prompt', 'kernel-start', 'uboot-prompt', 'uboot-autoboot']);
  });

  it('a closed session leaves; the next one becomes active', () => {
    const s = useSerial.getState();
    s.upsertSession(session('a'));
    s.upsertSession(session('b'));
    expect(useSerial.getState().active).toBe('a');
    s.upsertSession(session('a', 'closed'));
    expect(Object.keys(useSerial.getState().sessions)).toEqual(['b']);
    expect(useSerial.getState().active).toBe('b');
  });
});

describe('uboot store', () => {
  it('orders steps, keeps progress, and survives a run event after its steps', () => {
    const run: UbootRun = { runId: 'u1', sessionId: 'a', file: '/x', state: 'running', steps: [], startedAt: 0 };
    const u = useUboot.getState();
    u.setRun(run);
    u.onStep({ runId: 'u1', step: 'read-env', state: 'done', message: 'env', at: 2 });
    u.onStep({ runId: 'u1', step: 'stop-autoboot', state: 'done', message: 'stopped', at: 1 });
    u.onProgress({ runId: 'u1', bytes: 50, total: 100, percent: 50, timeouts: 0 });
    u.onStep({ runId: 'u1', step: 'read-env', state: 'failed', message: 'x', at: 3 });
    u.setRun({ ...run, steps: [] });
    const r = useUboot.getState().bySession.a!;
    expect(r.steps.map((s) => [s.step, s.state])).toEqual([['stop-autoboot', 'done'], ['read-env', 'failed']]);
    expect(r.progress?.percent).toBe(50);
  });
});

describe('opening a port when its event did not arrive', () => {
  beforeEach(() => useSerial.setState({ sessions: {}, active: undefined, banners: {} }));

  it('reads the workstation list, so the console shows instead of staying unseen', async () => {
    const asked: string[] = [];
    const api = {
      transport: 'websocket' as const,
      invoke: (async (command: string) => {
        asked.push(command);
        if (command === 'serial.open') return session('s7'); // the serial.session event was lost on the way
        return { sessions: [session('s7')], backlog: { s7: b64('U-Boot') }, profiles: [] };
      }) as never,
      on: () => () => undefined,
    };
    await useSerial.getState().open(api, { path: '/dev/ttys7', settings: session('s7').requested, profile: 'generic', autoStop: false });
    expect(asked).toEqual(['serial.open', 'serial.sessions']);
    expect(useSerial.getState().active).toBe('s7');
    expect(useSerial.getState().sessions.s7?.state).toBe('open');
    expect(Buffer.from(sessionOutput('s7')).toString('latin1')).toBe('U-Boot');
    // with its event there first, the list is not read again
    asked.length = 0;
    useSerial.getState().upsertSession(session('s8'));
    await useSerial.getState().open({ ...api, invoke: (async (c: string) => (asked.push(c), session('s8'))) as never }, { path: '/dev/ttys8', settings: session('s8').requested, profile: 'generic', autoStop: false });
    expect(asked).toEqual(['serial.open']);
  });
});
