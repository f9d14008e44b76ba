/** The failsafe executors' decisions with fake services (no network at all): addresses, flagged senders, missed windows. */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaybookService } from '../../../../src-main/capabilities/playbook/service';
import { failsafeExecutors, type FailsafeDeps } from '../../../../src-main/capabilities/failsafe/steps';
import { failsafePlaybook } from '../../../../src-shared/capabilities/failsafe/playbook';
import { runWords } from '../../../../src-main/cli/run-words';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import { RunOptionsSchema, type RunSnapshot } from '../../../../src-shared/capabilities/playbook/contract';
import type { FailsafeDatagram, MonitorState } from '../../../../src-shared/capabilities/failsafe/contract';
import type { HostInterface } from '../../../../src-shared/capabilities/app/contract';

const itf = (name: string, address: string): HostInterface => ({ name, address, netmask: '255.255.255.0', cidr: `${address}/24`, mac: '00:00:00:00:00:00', internal: false });
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function setup(over: Partial<FailsafeDeps> = {}) {
  const subs = new Set<(d: FailsafeDatagram) => void>();
  let monitor: MonitorState = { state: 'stopped', bind: '0.0.0.0', port: 4919, boundAddresses: [], received: 0, suppressed: 0 };
  const deps: FailsafeDeps = {
    platform: 'linux',
    interfaces: () => [itf('enp3s0', '192.168.1.10')],
    monitorState: () => monitor,
    startMonitor: async (o) => (monitor = { ...monitor, state: 'listening', bind: o.bind, port: o.port, boundAddresses: [`${o.bind}:${o.port}`] }),
    onDatagram: (fn) => (subs.add(fn), () => subs.delete(fn)),
    probe: async () => 'none',
    connect: async () => {
      throw new Error('not in these tests');
    },
    seenKeys: new Map(),
    ...over,
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fs-'));
  dirs.push(dataDir);
  const svc = new PlaybookService(dataDir, { failsafe: { def: failsafePlaybook, executors: failsafeExecutors(deps) } }, { snapshot: () => undefined, transcript: () => undefined });
  let seq = 0;
  const send = (text: string, from = '192.168.1.1', kind: FailsafeDatagram['kind'] = 'failsafe-prompt'): void => {
    const d: FailsafeDatagram = { id: ++seq, receivedAt: Date.now(), from, fromPort: 40000, text, kind, hasPrefix: true, wellFormed: true, length: 1001, notes: [], unexpectedSource: !from.startsWith('192.168.1.') };
    for (const s of subs) s(d);
  };
  const until = async (pred: (s: RunSnapshot) => boolean): Promise<RunSnapshot> => {
    for (let i = 0; i < 400; i++) {
      const s = svc.status().run;
      if (s && pred(s)) return s;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out: ${JSON.stringify(svc.status().run, null, 1).slice(0, 3000)}`);
  };
  const answer = (s: RunSnapshot, choice: string): void => void svc.respond(s.runId, s.prompt!.id, choice);
  return { svc, send, until, answer, deps };
}

const opts = RunOptionsSchema.parse({ watchTimeoutS: 5, windowS: 0.3, loginProbeS: 0.5 });
const step = (s: RunSnapshot, id: string) => s.steps.find((x) => x.id === id)!;

describe('failsafe steps', () => {
  it('no address in 192.168.1.x: says so, and exactly how to set one on this OS', async () => {
    const { svc, until, answer } = setup({ interfaces: () => [itf('enp3s0', '10.0.0.5')] });
    svc.start('failsafe', opts);
    answer(await until((s) => !!s.prompt), 'ok');
    const s = await until((x) => step(x, 'address').state === 'failed');
    const err = step(s, 'address').error!;
    expect(err.code).toBe('NO_RESCUE_ADDRESS');
    expect(err.message).toBe('This computer has no address in 192.168.1.x.');
    expect(err.fix).toContain('sudo ip addr add 192.168.1.10/24 dev enp3s0');
    expect(err.details).toContain('enp3s0 10.0.0.5/24');
    expect(s.prompt!.choices[0]!.label).toBe('Check again');
    // the English fix is the platform's steps and command as before (decision 0169), and says them in German
    expect(err.fix).toBe(
      'Add the address next to the current one on the wired connection (enp3s0); it lasts until the next restart of the computer or the connection. In a terminal: sudo ip addr add 192.168.1.10/24 dev enp3s0  Then choose "Check again".',
    );
    const de = localizeError(err, translator('de', await loadCatalog('de')));
    expect(de.message).toBe('Dieser Computer hat keine Adresse in 192.168.1.x.');
    expect(de.fix).toBe(
      'Fügen Sie die Adresse neben der jetzigen auf der Kabelverbindung (enp3s0) hinzu; sie bleibt bis zum nächsten Neustart des Computers oder der Verbindung. In einem Terminal: sudo ip addr add 192.168.1.10/24 dev enp3s0  Wählen Sie dann „Noch einmal prüfen“.',
    );
    expect(de.details).toBe(err.details);
    await svc.stop();
  });

  it('this computer at .1 itself is a clash; something answering at the router address is a warning', async () => {
    const a = setup({ interfaces: () => [itf('eth0', '192.168.1.1')] });
    a.svc.start('failsafe', opts);
    a.answer(await a.until((s) => !!s.prompt), 'ok');
    const clash = step(await a.until((x) => step(x, 'address').state === 'failed'), 'address').error!;
    expect(clash.code).toBe('ADDRESS_CLASH');
    expect(clash.message).toBe("This computer itself has the router's address 192.168.1.1 (on eth0).");
    const deClash = localizeError(clash, translator('de', await loadCatalog('de')));
    expect(deClash.message).toBe('Dieser Computer hat selbst die Adresse des Routers, 192.168.1.1 (auf eth0).');
    expect(deClash.fix).toContain('(eth0) hinzu; sie bleibt bis zum nächsten Neustart');
    expect(deClash.fix).toContain('sudo ip addr add 192.168.1.10/24 dev eth0');
    await a.svc.stop();

    const b = setup({ probe: async (_h, p) => (p === 80 ? 'open' : 'none') });
    b.svc.start('failsafe', opts);
    b.answer(await b.until((s) => !!s.prompt), 'ok');
    const warn = await b.until((s) => s.prompt?.stepId === 'address');
    expect(warn.prompt!.text).toBe('Something already answers at 192.168.1.1.');
    // the question and its buttons travel as ids: a German screen or CLI says them in German (decision 0153)
    const w = runWords(translator('de', await loadCatalog('de')));
    expect(w.question(warn.prompt!)).toBe('Unter 192.168.1.1 antwortet schon etwas.');
    expect(warn.prompt!.choices.map((c) => c.labelMsg?.id)).toEqual(['playbook.again.check', 'failsafe.said.choice.continueAnyway']);
    expect(warn.prompt!.choices.map((c) => c.label)).toEqual(['Check again', 'Continue anyway']);
    b.answer(warn, 'go');
    await b.until((s) => step(s, 'watch').state === 'active');
    await b.svc.stop();
  });

  it('watch → cue → "Continuing with Regular Preinit" is a missed attempt; foreign senders are flagged, not followed', async () => {
    const { svc, until, answer, send } = setup();
    svc.start('failsafe', opts);
    answer(await until((s) => !!s.prompt), 'ok');
    await until((s) => step(s, 'watch').state === 'active' && step(s, 'watch').evidence.length > 0);
    send('Please press button now to enter failsafe', '10.9.9.9');
    await new Promise((r) => setTimeout(r, 50));
    expect(step(svc.status().run!, 'watch').state).toBe('active');
    expect(step(svc.status().run!, 'watch').evidence.map((e) => e.text).join('\n')).toMatch(/came from 10\.9\.9\.9, which is not the router's rescue network/);
    send('Please press button now to enter failsafe');
    const cue = await until((s) => step(s, 'press').state === 'active' && !!step(s, 'press').hint);
    expect(step(cue, 'press').hint).toMatchObject({ kind: 'cue', windowMs: 300, source: 'network' });
    expect(step(cue, 'watch').evidence.at(-1)!.text).toMatch(/^Broadcast received from 192\.168\.1\.1 at \d\d:\d\d:\d\d\.\d{3}: "Please press button now to enter failsafe"$/);
    send('Continuing with Regular Preinit', '192.168.1.1', 'regular-boot');
    const missed = await until((s) => step(s, 'outcome').state === 'failed');
    expect(step(missed, 'outcome').error).toMatchObject({ code: 'MISSED_WINDOW' });
    expect(missed.prompt!.choices[0]!.label).toBe('Switch it off and try again');
    answer(missed, 'again');
    const again = await until((s) => step(s, 'watch').state === 'active' && step(s, 'watch').attempts === 2);
    expect(step(again, 'watch').doNow).toMatch(/Switch the router off, wait 5 seconds/);
    expect(step(again, 'press').state).toBe('pending');
    await svc.stop();
  });

  it('no broadcast within the time limit: advice about the cable, the address and the LED', async () => {
    const { svc, until, answer } = setup();
    svc.start('failsafe', { ...opts, watchTimeoutS: 0.2 });
    answer(await until((s) => !!s.prompt), 'ok');
    const s = await until((x) => step(x, 'watch').state === 'failed');
    const e = step(s, 'watch').error!;
    expect(e.code).toBe('NO_BROADCAST');
    expect(e.fix).toMatch(/LAN port \(not WAN\)/);
    expect(e.fix).toMatch(/UDP port 4919/);
    await svc.stop();
  });
});

describe('failsafe steps: setting the address for the user', () => {
  it('offers to add 192.168.1.10 with the privilege prompt, then checks again', async () => {
    let itfs = [itf('enp3s0', '10.0.0.5')];
    const asked: string[] = [];
    const { svc, until, answer } = setup({
      interfaces: () => itfs,
      setAddress: (name, address) => {
        asked.push(`${name} ${address}`);
        itfs = [...itfs, itf(name, address)];
        return Promise.resolve();
      },
    });
    svc.start('failsafe', opts);
    answer(await until((s) => !!s.prompt), 'ok');
    const offer = await until((s) => s.prompt?.stepId === 'address');
    expect(offer.prompt!.text).toBe('This computer has no address in 192.168.1.x. Set 192.168.1.10 on enp3s0 for you?');
    expect(offer.prompt!.detail).toBe(
      'Your computer asks for an administrator password. The address stays until the computer restarts. To do it yourself instead: Add the address next to the current one on the wired connection (enp3s0); it lasts until the next restart of the computer or the connection. In a terminal: sudo ip addr add 192.168.1.10/24 dev enp3s0',
    );
    expect(offer.prompt!.detailMsg?.id).toBe('failsafe.said.ask.noAddressDetail');
    const w = runWords(translator('de', await loadCatalog('de')));
    expect(w.detail(offer.prompt!)).toBe(
      'Ihr Computer fragt nach einem Administratorpasswort. Die Adresse bleibt, bis der Computer neu startet. Wenn Sie es lieber selbst machen: Fügen Sie die Adresse neben der jetzigen auf der Kabelverbindung (enp3s0) hinzu; sie bleibt bis zum nächsten Neustart des Computers oder der Verbindung. In einem Terminal: sudo ip addr add 192.168.1.10/24 dev enp3s0',
    );
    answer(offer, 'set');
    const s = await until((x) => step(x, 'address').state === 'done');
    expect(asked).toEqual(['enp3s0 192.168.1.10']);
    expect(step(s, 'address').evidence.map((e) => e.text).join('\n')).toMatch(/Added 192\.168\.1\.10 to enp3s0[\s\S]*This computer has 192\.168\.1\.10 on enp3s0/);
    await svc.stop();
  });

  it('"I\'ll set it myself" gives the exact steps and waits for "Check again"', async () => {
    const { svc, until, answer } = setup({ interfaces: () => [itf('enp3s0', '10.0.0.5')], setAddress: () => Promise.resolve() });
    svc.start('failsafe', opts);
    answer(await until((s) => !!s.prompt), 'ok');
    answer(await until((s) => s.prompt?.stepId === 'address'), 'self');
    const s = await until((x) => step(x, 'address').state === 'failed');
    expect(step(s, 'address').error!.code).toBe('NO_RESCUE_ADDRESS');
    await svc.stop();
  });
});
