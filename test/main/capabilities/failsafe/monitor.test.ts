/**
 * The failsafe monitor on a virtual UDP network (test-support/bindings/udp-mock.ts, decision 0009): a flood is
 * counted but forwarded at a bounded rate, the preinit messages that matter keep a budget of their own, the
 * suppressed count is reported, and bind failures are explained. The clock is the test's, so the counts are
 * exact. The same monitor on real sockets in a network namespace: test/integration/failsafe/monitor.netns.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FailsafeMonitor } from '../../../../src-main/capabilities/failsafe/service';
import type { FailsafeDatagram, MonitorState } from '../../../../src-shared/capabilities/failsafe/contract';
import { encodeNetmsg, NETMSG_PORT } from '../../../../src-shared/capabilities/failsafe/netmsg';
import { MockUdpNetwork } from '../../../../test-support/bindings/udp-mock';

const PROMPT = 'Please press button now to enter failsafe';
const ROUTER = { address: '192.168.1.1', port: 40000 };
const STRANGER = { address: '10.9.9.9', port: 5555 };
const TO = { address: '255.255.255.255', port: NETMSG_PORT };

/** Wait until the virtual wire has delivered what was sent (it runs on setImmediate). */
async function settle(until: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !until(); i++) await new Promise<void>((r) => setImmediate(r));
  if (!until()) throw new Error(`never happened: ${what}`);
}

let monitor: FailsafeMonitor | undefined;
afterEach(async () => {
  await monitor?.stop(false);
  monitor = undefined;
  vi.useRealTimers();
});

function harness(rate = 100, practiceSource?: () => string | undefined) {
  const net = new MockUdpNetwork();
  const clock = { t: 1_000_000 };
  const forwarded: FailsafeDatagram[] = [];
  const states: MonitorState[] = [];
  monitor = new FailsafeMonitor({ datagram: (d) => forwarded.push(d), state: (s) => states.push(s) }, { udp: net.factory, now: () => clock.t, rate, ...(practiceSource ? { practiceSource } : {}) });
  const m = monitor;
  const send = (text: string, from = STRANGER, n = 1): void => {
    const payload = encodeNetmsg(text);
    for (let i = 0; i < n; i++) net.inject(payload, from, TO);
  };
  return { net, clock, forwarded, states, m, send };
}

describe('failsafe monitor on a virtual network', () => {
  beforeEach(() => {
    // only the monitor's "suppressed" report timer; the virtual wire runs on its own setImmediate
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  it("hears a router's preinit broadcast, decoded and classified", async () => {
    const h = harness();
    const st = await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    expect(st).toMatchObject({ state: 'listening', port: NETMSG_PORT, boundAddresses: [`0.0.0.0:${NETMSG_PORT}`] });
    // the router's own socket, as netmsg sends it: to the broadcast address of its /24
    const router = h.net.factory.createSocket({ type: 'udp4' });
    await new Promise<void>((r) => router.bind({ address: ROUTER.address, port: 0 }, r));
    router.send(encodeNetmsg(PROMPT), NETMSG_PORT, '192.168.1.255');
    await settle(() => h.forwarded.length === 1, 'the prompt');
    expect(h.forwarded[0]).toMatchObject({ id: 1, from: ROUTER.address, kind: 'failsafe-prompt', text: PROMPT, wellFormed: true, unexpectedSource: false });
    router.close();
  });

  it('while the practice router runs, its datagrams from 127.0.0.2 are PRACTICE, not an unexpected source', async () => {
    let running: string | undefined = '127.0.0.2';
    const h = harness(100, () => running);
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    h.send(PROMPT, { address: '127.0.0.2', port: 40000 });
    await settle(() => h.forwarded.length === 1, 'the practice prompt');
    expect(h.forwarded[0]).toMatchObject({ from: '127.0.0.2', kind: 'failsafe-prompt', practice: true, unexpectedSource: false });
    // another loopback sender is not the practice router; nor is 127.0.0.2 once the practice router stopped
    h.send(PROMPT, { address: '127.0.0.3', port: 40000 });
    running = undefined;
    h.send(PROMPT, { address: '127.0.0.2', port: 40000 });
    await settle(() => h.forwarded.length === 3, 'the others');
    expect(h.forwarded.slice(1).map((d) => [d.from, d.practice ?? false, d.unexpectedSource])).toEqual([
      ['127.0.0.3', false, true],
      ['127.0.0.2', false, true],
    ]);
  });

  it('a flood is counted but only the burst is forwarded; the suppressed count is reported once, 500 ms later', async () => {
    const h = harness(100); // general budget: 100/s, burst 200
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    h.states.length = 0;
    h.send('garbage from a looping device', STRANGER, 1000);
    await settle(() => h.m.state.received === 1000, 'the flood');
    expect(h.forwarded).toHaveLength(200);
    expect(h.m.state).toMatchObject({ received: 1000, suppressed: 800 });
    expect(h.m.recentDatagrams()).toHaveLength(200); // keep 200 (default)
    // the screen hears of the suppressed ones once, not 800 times
    expect(h.states).toHaveLength(0);
    vi.advanceTimersByTime(499);
    expect(h.states).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(h.states).toEqual([expect.objectContaining({ state: 'listening', received: 1000, suppressed: 800 })]);
  });

  it('during a flood the preinit messages from the router keep their own budget', async () => {
    const h = harness(100); // important budget: 50/s, burst 100
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    h.send('x', STRANGER, 1000); // general budget spent
    h.send(PROMPT, ROUTER, 1); // the one that matters
    h.send(PROMPT, STRANGER, 5); // the same words from outside 192.168.1.0/24: general budget, dropped
    h.send('unknown words', ROUTER, 5); // not a preinit kind: general budget, dropped
    await settle(() => h.m.state.received === 1011, 'everything');
    const fromRouter = h.forwarded.filter((d) => d.from === ROUTER.address);
    expect(fromRouter).toEqual([expect.objectContaining({ kind: 'failsafe-prompt', unexpectedSource: false })]);
    expect(h.forwarded).toHaveLength(201);
    expect(h.m.state.suppressed).toBe(810);
    // and that budget is bounded too: a router (or a spoofer on its network) repeating itself gets 100 through
    h.send(PROMPT, ROUTER, 200);
    await settle(() => h.m.state.received === 1211, 'the repeats');
    expect(h.forwarded.filter((d) => d.from === ROUTER.address)).toHaveLength(100);
  });

  it('the budget refills with time: 100 a second after the burst', async () => {
    const h = harness(100);
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    h.send('x', STRANGER, 300);
    await settle(() => h.m.state.received === 300, 'the first second');
    expect(h.forwarded).toHaveLength(200);
    h.clock.t += 1000;
    h.send('x', STRANGER, 300);
    await settle(() => h.m.state.received === 600, 'the next second');
    expect(h.forwarded).toHaveLength(300);
    expect(h.m.state.suppressed).toBe(300);
  });

  it('subscribers (the guided run) get each datagram before the screen does', async () => {
    const h = harness();
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    const order: string[] = [];
    h.m.subscribe((d) => order.push(`cue ${d.id} (screen has ${h.forwarded.length})`));
    h.send(PROMPT, ROUTER, 1);
    await settle(() => h.forwarded.length === 1, 'the screen');
    expect(order).toEqual(['cue 1 (screen has 0)']);
  });

  it('a port held by another program is refused in three parts, and stop closes the sockets', async () => {
    const h = harness();
    const other = h.net.factory.createSocket({ type: 'udp4' }); // no reuseAddr: it will not share
    await new Promise<void>((r) => other.bind({ address: '0.0.0.0', port: NETMSG_PORT }, r));
    const err = await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PORT_IN_USE', message: expect.stringContaining(String(NETMSG_PORT)), meaning: expect.any(String), fix: expect.any(String) });
    expect(h.m.state).toMatchObject({ state: 'error', error: { code: 'PORT_IN_USE' } });
    expect(h.net.sockets()).toEqual([other]);
    other.close();
    await h.m.start({ bind: '0.0.0.0', port: NETMSG_PORT });
    expect(h.net.sockets()).toHaveLength(1);
    await h.m.stop();
    expect(h.net.sockets()).toHaveLength(0);
    expect(h.m.state.state).toBe('stopped');
  });
});
