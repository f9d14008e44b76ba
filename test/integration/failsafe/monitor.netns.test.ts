/**
 * The failsafe monitor against real broadcasts on a real (virtual) LAN: a "router" namespace at
 * 192.168.1.1/24 sends OpenWrt netmsg datagrams with socat to 192.168.1.255:4919; our CLI runs in the
 * "workstation" namespace at 192.168.1.10/24. Both namespaces are deleted afterwards, also on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';
import { encodeNetmsg } from '../../../src-shared/capabilities/failsafe/netmsg';

const support = netnsSupport();
if (!support.ok) reportSkip('failsafe monitor (network namespaces)', support.reason);

describe.skipIf(!support.ok)('failsafe monitor on a virtual rescue LAN', () => {
  let lan: RescueLan;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-netmsg-'));
  const children: ChildProcess[] = [];

  beforeAll(() => {
    lan = createRescueLan('fsmon');
  });
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Send one datagram from the router namespace with socat, the way netmsg does: to the broadcast address. */
  function routerSends(payload: Uint8Array | string, to = '192.168.1.255'): void {
    const file = path.join(tmp, `pkt-${Math.random().toString(16).slice(2)}`);
    fs.writeFileSync(file, payload);
    lan.router.exec('socat', ['-u', `OPEN:${file}`, `UDP-DATAGRAM:${to}:4919,broadcast`]);
  }

  async function watch(extra: string[]): Promise<CliLines> {
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['failsafe', 'watch', '--json', ...extra]);
    const child = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const out = new CliLines(child);
    await out.waitFor('failsafe.monitor.state', (s) => s.state === 'listening', 20_000, 'the listening line');
    return out;
  }

  it('decodes preinit broadcasts heard on all interfaces', async () => {
    const out = await watch([]);
    routerSends(encodeNetmsg('Please press button now to enter failsafe'));
    routerSends(encodeNetmsg('Entering Failsafe!\\n'));
    routerSends('Continuing with Regular Preinit\n'); // no DE AD prefix, real newline
    const prompt = await out.waitFor('failsafe.datagram', (d) => d.kind === 'failsafe-prompt', 10_000, 'the prompt');
    expect(prompt).toMatchObject({ from: '192.168.1.1', text: 'Please press button now to enter failsafe', wellFormed: true, unexpectedSource: false });
    expect(typeof prompt.receivedAt).toBe('number');
    expect(Math.abs(prompt.receivedAt - Date.now())).toBeLessThan(30_000);
    expect(await out.waitFor('failsafe.datagram', (d) => d.kind === 'failsafe-entered')).toMatchObject({ text: 'Entering Failsafe!' });
    expect(await out.waitFor('failsafe.datagram', (d) => d.kind === 'regular-boot')).toMatchObject({ text: 'Continuing with Regular Preinit', wellFormed: false });
  });

  it('hears broadcasts when bound to one chosen address (unicast + broadcast sockets)', async () => {
    const out = await watch(['--bind', '192.168.1.10', '--port', '4919']);
    const listening = out.of('failsafe.monitor.state').find((s) => s.state === 'listening')!;
    expect(listening.boundAddresses).toEqual(['192.168.1.10:4919', '192.168.1.255:4919']);
    routerSends(encodeNetmsg('Please press button now to enter failsafe'));
    routerSends(encodeNetmsg('unicast hello'), '192.168.1.10');
    await out.waitFor('failsafe.datagram', (d) => d.kind === 'failsafe-prompt' && d.from === '192.168.1.1', 10_000, 'the broadcast prompt');
    await out.waitFor('failsafe.datagram', (d) => d.text === 'unicast hello', 10_000, 'the unicast datagram');
  });

  it('flags senders outside 192.168.1.0/24 and survives hostile datagrams', async () => {
    lan.router.exec('ip', ['addr', 'add', '10.66.0.1/24', 'dev', lan.routerIf]);
    lan.station.exec('ip', ['addr', 'add', '10.66.0.10/24', 'dev', lan.stationIf]);
    const out = await watch(['--port', '4919']);
    const file = path.join(tmp, 'noise');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 1400 }, (_, i) => (i * 7919) & 255)));
    lan.router.exec('socat', ['-u', `OPEN:${file}`, 'UDP-DATAGRAM:10.66.0.255:4919,broadcast,bind=10.66.0.1']);
    routerSends(new Uint8Array(0));
    const flagged = await out.waitFor('failsafe.datagram', (d) => d.from === '10.66.0.1', 10_000, 'the foreign datagram');
    expect(flagged.unexpectedSource).toBe(true);
    routerSends(encodeNetmsg('Please press button now to enter failsafe'));
    await out.waitFor('failsafe.datagram', (d) => d.kind === 'failsafe-prompt' && d.from === '192.168.1.1', 10_000, 'a prompt after the noise');
  });

  it('explains a port that another program holds exclusively', async () => {
    // A socket bound without SO_REUSEADDR in the station namespace blocks ours.
    const blocker = lan.station.spawn('socat', ['-u', 'UDP-RECV:4920,bind=0.0.0.0', 'OPEN:/dev/null'], { stdio: 'ignore' });
    children.push(blocker);
    await new Promise((r) => setTimeout(r, 300));
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['failsafe', 'watch', '--json', '--port', '4920']);
    const child = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new CliLines(child);
    const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? -1)));
    expect(code).toBe(1);
    const result = await out.result();
    const err = result.ok ? undefined : result;
    expect(err?.error.code).toBe('PORT_IN_USE');
    expect(err?.error.fix).toMatch(/ss -ulpn/);
    // the monitor's own state event says the same
    expect(out.of('failsafe.monitor.state').at(-1)).toMatchObject({ state: 'error', error: { code: 'PORT_IN_USE' } });
    expect(out.stderr.join('')).toMatch(/Another program is already using UDP port 4920/);
  });
});
