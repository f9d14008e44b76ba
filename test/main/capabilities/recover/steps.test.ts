/**
 * The vendor recovery steps over fakes (deps.ts): what each says when the router misbehaves. Real peers are in
 * test/integration/recover/; here only loopback (the verify step's web check).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recoverExecutors, type RecoverDeps } from '../../../../src-main/capabilities/recover';
import type { StepContext } from '../../../../src-main/capabilities/playbook';
import type { TftpServer, TftpTransferEvent } from '../../../../src-main/capabilities/tftp';
import { RECOVER_PLAYBOOKS } from '../../../../src-shared/capabilities/recover';
import { english, loadCatalog, localizeError, translator, wordsText } from '../../../../src-shared/i18n';
import { firewallAdvice, firewallValues } from '../../../../src-main/capabilities/recover/steps';

function ctxFor(stepId: string, options: Record<string, string | number | boolean>, answers: string[] = []) {
  const evidence: string[] = [];
  const doNow: string[] = [];
  const bag = new Map<string, unknown>();
  const ac = new AbortController();
  const step = Object.values(RECOVER_PLAYBOOKS).flatMap((p) => p.steps).find((s) => s.id === stepId)!;
  const ctx: StepContext = {
    runId: 'r1',
    step,
    attempt: 1,
    options,
    signal: ac.signal,
    bag,
    evidence: (t) => void evidence.push(wordsText(t)),
    setDoNow: (t) => void doNow.push(wordsText(t)),
    setHint: () => undefined,
    ask: async (p) => ({ choice: answers.shift() ?? p.choices[0]!.id }),
    transcript: () => undefined,
    now: Date.now,
  };
  return { ctx, evidence, doNow, bag, ac };
}

function deps(over: Partial<RecoverDeps> = {}): RecoverDeps {
  return {
    platform: 'linux',
    net: {
      interfaces: async () => [],
      prepare: async (r) => ({ interface: r.interface, address: r.address, release: async () => undefined }),
      probe: async () => ({ icmp: false, tcp: {} }),
    },
    startTftpServer: async () => {
      throw new Error('not in this test');
    },
    tftpPut: async () => {
      throw new Error('not in this test');
    },
    upload: async () => {
      throw new Error('not in this test');
    },
    progress: () => undefined,
    firewalls: async () => [],
    dataDir: '/nonexistent',
    sleep: async (ms) => void (await new Promise((r) => setTimeout(r, Math.min(ms, 5)))),
    ...over,
  };
}

class FakeServer extends EventEmitter {
  address = '192.168.0.66';
  port = 69;
  send(kind: TftpTransferEvent['kind'], t: Partial<TftpTransferEvent['transfer']>): void {
    this.emit('transfer', { kind, transfer: { id: 1, direction: 'read', file: 'x', peer: '192.168.0.86', peerPort: 3000, mode: 'octet', options: { blksize: 512, windowsize: 1, timeoutMs: 1000, oack: false }, state: 'running', bytes: 0, startedAt: Date.now(), rate: 0, retransmits: 0, ...t } });
  }
}

describe('recover steps', () => {
  const servers: http.Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  it('TP-Link fetch: a transfer cut by the router restarting, with no new request, says so in three parts', async () => {
    const server = new FakeServer();
    const { ctx, evidence, doNow, bag } = ctxFor('transfer', { recoverFlow: 'tplink', fetchTimeoutS: 0.3, recoverSize: 4096 });
    bag.set('recover.server', { server: server as unknown as TftpServer, close: async () => undefined });
    const run = recoverExecutors(deps())['recover.fetch']!(ctx);
    server.send('start', { requested: 'ArcherC7v2_tp_recovery.bin', size: 4096 } as never);
    server.send('error', { bytes: 1024, size: 4096, state: 'error', error: { code: 'TFTP_TIMEOUT', message: 'The router stopped answering.' } });
    const out = await run;
    expect(out).toMatchObject({ ok: false, error: { code: 'RECOVER_TRANSFER_CUT' } });
    if (!out.ok) expect(out.error.meaning).toMatch(/restarted/);
    expect(evidence.join(' ')).toMatch(/asked for "ArcherC7v2_tp_recovery\.bin"/);
    expect(evidence.join(' ')).toMatch(/after 1,024 of 4,096 bytes/);
    expect(doNow.at(-1)).toMatch(/let go/);
  });

  it('TP-Link fetch: no request at all names the firewall of this OS', async () => {
    for (const [platform, words] of [
      ['win32', /Windows Defender Firewall/],
      ['linux', /ufw.*port 69.*firewall-cmd/],
      ['darwin', /Firewall → Options/],
    ] as const) {
      const server = new FakeServer();
      const { ctx, bag } = ctxFor('transfer', { recoverFlow: 'tplink', fetchTimeoutS: 0.05 });
      bag.set('recover.server', { server: server as unknown as TftpServer, close: async () => undefined });
      const out = await recoverExecutors(deps({ platform }))['recover.fetch']!(ctx);
      expect(out).toMatchObject({ ok: false, error: { code: 'RECOVER_NO_REQUEST' } });
      if (!out.ok) expect(out.error.fix).toMatch(words);
    }
  });

  it('names the firewall that is found running, with how to let the router through', async () => {
    const server = new FakeServer();
    const { ctx, bag } = ctxFor('transfer', { recoverFlow: 'tplink', fetchTimeoutS: 0.05 });
    bag.set('recover.server', { server: server as unknown as TftpServer, close: async () => undefined });
    const out = await recoverExecutors(deps({ firewalls: async () => [{ name: 'ufw', what: 'ufw (the Uncomplicated Firewall) is switched on', allow: 'sudo ufw allow proto udp to any port 69' }] }))['recover.fetch']!(ctx);
    if (out.ok) throw new Error('expected a fault');
    expect(out.error.fix).toMatch(/ufw \(the Uncomplicated Firewall\) is switched on on this computer.*sudo ufw allow proto udp to any port 69/);
  });

  it('the firewall advice travels as keywords and commands: German and Spanish say it, the commands stay as typed', async () => {
    const de = translator('de', await loadCatalog('de'));
    const es = translator('es', await loadCatalog('es'));
    const server = new FakeServer();
    const { ctx, bag } = ctxFor('transfer', { recoverFlow: 'tplink', fetchTimeoutS: 0.05 });
    bag.set('recover.server', { server: server as unknown as TftpServer, close: async () => undefined });
    const out = await recoverExecutors(deps({ firewalls: async () => [{ name: 'ufw', what: 'x', allow: 'y' }] }))['recover.fetch']!(ctx);
    if (out.ok) throw new Error('expected a fault');
    expect(out.error.values).toMatchObject({ found: 'ufw', ufwPort: 'sudo ufw allow proto udp to any port 69' });
    const fix = localizeError(out.error, de).fix!;
    expect(fix).toContain('ufw (die „Uncomplicated Firewall“) ist auf diesem Computer eingeschaltet');
    expect(fix).toContain('sudo ufw allow proto udp to any port 69, und für die Übertragung selbst: sudo ufw allow proto udp from 192.168.0.0/16');
    expect(fix).not.toMatch(/switched on|to let it through/);
    // every case, in every language: made without a missing value, and the fault's fix ends with the same advice
    for (const [found, platform] of [['ufw', 'linux'], ['firewalld', 'linux'], ['both', 'linux'], ['windowsOn', 'win32'], ['macOn', 'darwin'], ['windows', 'win32'], ['mac', 'darwin'], ['none', 'linux']] as const) {
      const names = { ufw: ['ufw'], firewalld: ['firewalld'], both: ['ufw', 'firewalld'], windowsOn: ['windows-defender'], macOn: ['macos-application-firewall'] } as Record<string, string[]>;
      const d = deps({ platform, firewalls: async () => (names[found] ?? []).map((name) => ({ name, what: '', allow: '' }) as never) });
      const values = await firewallValues(d, found === 'none' ? 'eth1' : undefined);
      expect(values.found).toBe(found);
      for (const t of [english, de, es]) {
        const advice = t('recover.said.firewall', values);
        expect(advice.length).toBeGreaterThan(40);
        expect(t('error.RECOVER_NO_REQUEST.fix', { seconds: 60, ...values }).endsWith(` ${advice}`)).toBe(true);
      }
      expect(wordsText(await firewallAdvice(d))).toBe(english('recover.said.firewall', await firewallValues(d)));
    }
    expect(de('recover.said.firewall', await firewallValues(deps({ platform: 'linux' }), 'eth1'))).toContain('(auf eth1), z. B. ufw: sudo ufw allow in on eth1 proto udp to any port 69 · firewalld: sudo firewall-cmd --add-service=tftp.');
  });

  it('a cable without signal stops the transfer with a three-part fault before anything is sent', async () => {
    const put = vi.fn();
    const { ctx, bag } = ctxFor('transfer', { recoverFlow: 'asus', routerAddress: '192.168.1.1', recoverFile: '/x' });
    bag.set('recover.localAddress', '192.168.1.2');
    const out = await recoverExecutors(deps({ tftpPut: put, net: { ...deps().net, interfaces: async () => [{ name: 'eth0', addresses: ['192.168.1.2/24'], wired: true, carrier: false }] } }))['recover.transfer']!(ctx);
    expect(out).toMatchObject({ ok: false, error: { code: 'RECOVER_NO_CARRIER' } });
    if (!out.ok) expect(out.error.fix).toMatch(/LAN port/);
    expect(put).not.toHaveBeenCalled();
  });

  it('the upload reports its bytes to the step (the station card’s bar), rising to the whole file', async () => {
    const { ctx } = ctxFor('transfer', { recoverFlow: 'asus', routerAddress: '192.168.1.1', recoverFile: '/x', recoverSize: 3000 });
    const seen: [number, number][] = [];
    ctx.progress = (done, total) => void seen.push([done, total]);
    const put: RecoverDeps['tftpPut'] = async (o) => {
      for (const bytes of [512, 1536, 3000]) o.onProgress?.({ bytes, total: 0, bytesPerSecond: 1000 } as never);
      return { bytes: 3000, ms: 3, blksize: 512, windowsize: 1, rolledOver: false, sha256: 'x', remoteName: 'firmware.trx', host: '192.168.1.1' } as never;
    };
    const out = await recoverExecutors(deps({ tftpPut: put }))['recover.transfer']!(ctx);
    expect(out.ok).toBe(true);
    // the router's TFTP server does not say the size: the file's own size is the total
    expect(seen).toEqual([[512, 3000], [1536, 3000], [3000, 3000]]);
  });

  it('network: no wired connection is a three-part fault; a chosen one gets the address through the assistant', async () => {
    const none = await recoverExecutors(deps({ net: { ...deps().net, interfaces: async () => [{ name: 'wlan0', addresses: [], wired: false }] } }))['recover.network']!(ctxFor('network', { recoverFlow: 'asus', hostAddress: '192.168.1.2/24', routerAddress: '192.168.1.1' }).ctx);
    expect(none).toMatchObject({ ok: false, error: { code: 'RECOVER_NO_WIRED' } });
    const prepare = vi.fn(async (r: { interface: string; address: string }) => ({ interface: r.interface, address: r.address, release: async () => undefined }));
    const { ctx, evidence, bag } = ctxFor('network', { recoverFlow: 'tplink', hostAddress: '192.168.0.66/24', routerAddress: '192.168.0.86' });
    const ok = await recoverExecutors(deps({ net: { ...deps().net, prepare, interfaces: async () => [{ name: 'eth0', addresses: ['10.0.0.5/24'], wired: true, carrier: true }] } }))['recover.network']!(ctx);
    expect(ok).toEqual({ ok: true });
    expect(prepare).toHaveBeenCalledWith(expect.objectContaining({ interface: 'eth0', address: '192.168.0.66/24' }));
    expect(evidence.join(' ')).toMatch(/Gave eth0 the address 192\.168\.0\.66\/24/);
    expect(bag.get('recover.lease')).toBeDefined();
  });

  it('D-Link transfer: the router\'s refusal and a connection closed half-way are faults, never success', async () => {
    const base = { sent: 100, total: 1000, replyBytes: 10, ms: 5 };
    const refused = await recoverExecutors(deps({ upload: async () => ({ ...base, complete: false, closedEarly: true, reply: { headers: {}, headerless: true, text: 'Update Failed! Invalid firmware image.', verdict: 'refused' } }) }))['recover.transfer']!(ctxFor('transfer', { recoverFlow: 'dlink', routerAddress: '192.168.0.1' }).ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RECOVER_ROUTER_REFUSED' } });
    if (!refused.ok) expect(refused.error.meaning).toMatch(/Update Failed/);
    const cut = await recoverExecutors(deps({ upload: async () => ({ ...base, complete: false, closedEarly: true, reply: { headers: {}, headerless: true, text: '', verdict: 'unclear' } }) }))['recover.transfer']!(ctxFor('transfer', { recoverFlow: 'dlink', routerAddress: '192.168.0.1' }).ctx);
    expect(cut).toMatchObject({ ok: false, error: { code: 'RECOVER_TRANSFER_CUT' } });
  });

  it('verify: a router that still shows its recovery page is not called recovered', async () => {
    const srv = http.createServer((_q, r) => r.end('<form><input type="file" name="firmware"></form>'));
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    const { ctx, evidence } = ctxFor('verify', { recoverFlow: 'dlink', afterAddress: '127.0.0.1', afterPort: port, verifyTimeoutS: 0 });
    const out = await recoverExecutors(deps())['recover.verify']!(ctx);
    expect(out).toMatchObject({ ok: false, error: { code: 'RECOVER_NOT_BACK' } });
    if (!out.ok) expect(out.error.meaning).toMatch(/recovery page/);
    expect(evidence.join(' ')).toMatch(/still shows the recovery upload page/);
    const home = http.createServer((_q, r) => r.end('<html><head><title>Router home</title></head></html>'));
    servers.push(home);
    await new Promise<void>((r) => home.listen(0, '127.0.0.1', r));
    const ok = await recoverExecutors(deps())['recover.verify']!(ctxFor('verify', { afterAddress: '127.0.0.1', afterPort: (home.address() as AddressInfo).port, verifyTimeoutS: 1 }).ctx);
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok) expect(wordsText(ok.summary ?? '')).toMatch(/Router home/);
  });

  it('Ubiquiti: the button step mentions urescue -f only together with what it risks', async () => {
    let detail = '';
    const { ctx } = ctxFor('button', { recoverFlow: 'ubiquiti', deviceId: 'ubnt,nanostation-m' });
    ctx.ask = async (p) => {
      detail = `${wordsText(p.text)} ${p.detail === undefined ? '' : wordsText(p.detail)}`;
      return { choice: 'ready' };
    };
    await recoverExecutors(deps())['recover.button']!(ctx);
    expect(detail).toMatch(/urescue -f.*overwrite the bootloader/s);
    expect(detail).toMatch(/Let go when the signal lights blink one after the other/);
  });
});
