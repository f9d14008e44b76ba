/**
 * The executors behind the failsafe playbook's steps (src-shared/playbook/failsafe.ts names them).
 * Every outside effect goes through FailsafeDeps, so the real services run in the app and the tests, and the
 * unit tests can drive the logic on loopback without touching any other network.
 */
import type { HostInterface } from '../../../src-shared/capabilities/app/contract';
import type { FailsafeDatagram, MonitorState } from '../../../src-shared/capabilities/failsafe/contract';
import { FAILSAFE_ACTIONS, missedAdvice, type FailsafeAction } from '../../../src-shared/capabilities/failsafe/playbook';
import { RbFault, toErrorShape } from '../../../src-shared/errors';
import { clock as clockOf } from '../../../src-shared/capabilities/playbook/journal';
import type { StepContext, StepExecutor, StepOutcome } from '../playbook/runner';
import type { Session, SessionOptions } from '../../session/types';
import { routerPasswordProblem } from '../../session/router-text';
import { inSubnet, rescueAddressHowTo, type PlatformName } from '../../platform';
import type { ProbeResult } from './probe';
import type { SerialEvent } from './serial-watch';

export interface FailsafeDeps {
  platform: PlatformName;
  /** Addresses configured on this computer, also on interfaces whose cable has no link yet. */
  interfaces(): HostInterface[] | Promise<HostInterface[]>;
  monitorState(): MonitorState;
  startMonitor(opts: { bind: string; port: number }): Promise<MonitorState>;
  onDatagram(fn: (d: FailsafeDatagram) => void): () => void;
  probe(host: string, port: number, timeoutMs: number): Promise<ProbeResult>;
  connect(opts: SessionOptions): Promise<Session>;
  openSerial?(path: string, baud: number, autoSendF: boolean, onEvent: (e: SerialEvent) => void): Promise<{ close(): Promise<void> }>;
  /** Add the rescue address with the OS's privilege prompt; undefined where this OS has none we can use. */
  setAddress?(ifName: string, address: string): Promise<void> | undefined;
  /** Host-key fingerprints seen per router in this process (never written anywhere, never trusted). */
  seenKeys: Map<string, { fingerprint: string; at: number }>;
}

const clock = (at: number): string => clockOf(at, true);

type BootEvent = { at: number; kind: FailsafeDatagram['kind'] | SerialEvent['kind']; from: string; text: string };

/** Everything the router said since the watch step armed, for the press and outcome steps to wait on. */
class BootEvents {
  readonly list: BootEvent[] = [];
  private waiters: { pred: (e: BootEvent) => boolean; resolve: (e: BootEvent) => void }[] = [];
  private offs: (() => void)[] = [];
  private serial: { close(): Promise<void> } | undefined;
  flagged = new Set<string>();
  constructor(private readonly ctx: () => StepContext, private readonly network: string) {}

  attach(off: () => void): void {
    this.offs.push(off);
  }
  setSerial(s: { close(): Promise<void> }): void {
    this.serial = s;
  }

  datagram(d: FailsafeDatagram): void {
    if (!inSubnet(d.from, this.network, 24)) {
      if (!this.flagged.has(d.from) && this.flagged.size < 20) {
        this.flagged.add(d.from);
        this.ctx().evidence(`A message came from ${d.from}, which is not the router's rescue network — shown in the list, but ignored here: "${d.text.slice(0, 120)}"`, d.receivedAt);
      }
      return;
    }
    if (d.kind === 'unknown') return;
    this.push({ at: d.receivedAt, kind: d.kind, from: d.from, text: d.text });
  }

  push(e: BootEvent): void {
    this.list.push(e);
    if (this.list.length > 1000) this.list.splice(0, 500);
    const ready = this.waiters.filter((w) => w.pred(e));
    this.waiters = this.waiters.filter((w) => !w.pred(e));
    for (const w of ready) w.resolve(e);
  }

  /** Resolve with the first event (already seen since `since`, or future) matching, or undefined at the deadline. */
  wait(pred: (e: BootEvent) => boolean, since: number, until: number, signal: AbortSignal): Promise<BootEvent | undefined> {
    const seen = this.list.find((e) => e.at >= since && pred(e));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const w = { pred, resolve: (e: BootEvent) => finish(e) };
      const finish = (e: BootEvent | undefined): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(e);
      };
      const onAbort = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), Math.max(0, until - Date.now()));
      signal.addEventListener('abort', onAbort);
      this.waiters.push(w);
    });
  }

  async close(): Promise<void> {
    for (const off of this.offs.splice(0)) off();
    await this.serial?.close();
    this.serial = undefined;
  }
}

const EVENTS = 'failsafe.events';
const SESSION = 'failsafe.session';
const MOUNTED = 'failsafe.mounted';
const CUE_AT = 'failsafe.promptAt';

function fault(shape: { message: string; meaning: string; fix: string }, code: string, details?: string): StepOutcome {
  return { ok: false, error: { code, ...shape, ...(details ? { details } : {}) } };
}

const routerOf = (ctx: StepContext): string => String(ctx.options.routerAddress ?? '192.168.1.1');
const num = (ctx: StepContext, k: string, d: number): number => (typeof ctx.options[k] === 'number' ? (ctx.options[k] as number) : d);

export function failsafeExecutors(deps: FailsafeDeps): Record<string, StepExecutor> {
  const confirm: StepExecutor = async (ctx) => {
    const a = await ctx.ask({ text: ctx.step.doNow, detail: ctx.step.explain, choices: [{ id: 'ok', label: 'Done', primary: true }] });
    return a.choice === 'ok' ? { ok: true, summary: `Confirmed at ${clock(ctx.now())}.` } : { ok: false, error: { code: 'NOT_CONFIRMED', message: 'Not confirmed.' } };
  };

  const address: StepExecutor = async (ctx): Promise<StepOutcome> => {
    const router = routerOf(ctx);
    const itfs = (await deps.interfaces()).filter((i) => !i.internal);
    const good = itfs.find((i) => inSubnet(i.address, router, 24) && i.address !== router);
    if (!good) {
      const clash = itfs.find((i) => i.address === router);
      const candidate = itfs.find((i) => !i.address.startsWith('169.254.')) ?? itfs[0];
      const how = rescueAddressHowTo(deps.platform, candidate?.name);
      if (!clash && candidate && deps.setAddress && !ctx.bag.get('failsafe.triedSet')) {
        const a = await ctx.ask({
          text: `This computer has no address in ${router.replace(/\.\d+$/, '.x')}. Set 192.168.1.10 on ${candidate.name} for you?`,
          detail: `Your computer asks for an administrator password. The address stays until the computer restarts. To do it yourself instead: ${how.steps} ${how.command}`,
          choices: [
            { id: 'set', label: 'Set it for me', primary: true },
            { id: 'self', label: "I'll set it myself" },
          ],
        });
        if (a.choice === 'set') {
          ctx.bag.set('failsafe.triedSet', true);
          const setting = deps.setAddress(candidate.name, '192.168.1.10');
          if (setting) {
            try {
              await setting;
              ctx.evidence(`Added 192.168.1.10 to ${candidate.name} at ${clock(ctx.now())}.`);
              return address(ctx);
            } catch (err) {
              const e = toErrorShape(err);
              ctx.evidence(`Adding the address did not work: ${e.details ?? e.message}`);
            }
          }
        }
      }
      const list = itfs.length ? itfs.map((i) => `${i.name} ${i.cidr}`).join(', ') : 'none';
      return fault(
        {
          message: clash
            ? `This computer itself has the router's address ${router} (on ${clash.name}).`
            : `This computer has no address in ${router.replace(/\.\d+$/, '.x')}.`,
          meaning: clash
            ? 'The router and this computer would have the same address, so they cannot talk.'
            : 'The router in rescue mode only answers computers in its own network, so it would not hear or answer this computer.',
          fix: `${how.steps} ${how.command}  Then choose "Check again".`,
        },
        clash ? 'ADDRESS_CLASH' : 'NO_RESCUE_ADDRESS',
        `This computer's addresses: ${list}`,
      );
    }
    ctx.evidence(`This computer has ${good.address} on ${good.name}: the router in rescue mode will answer it.`);
    const answers = await Promise.all([80, 22, 23].map((p) => deps.probe(router, p, 700)));
    if (answers.some((r) => r !== 'none')) {
      ctx.evidence(`Something already answers at ${router} (the router should be switched off now).`);
      const a = await ctx.ask({
        text: `Something already answers at ${router}.`,
        detail: `Usually the router is still switched on, or another device uses that address — often your home router, if this computer is also on Wi-Fi (${good.name} has the 192.168.1.x address). Switch the router off, switch Wi-Fi off, unplug other devices, then check again.`,
        choices: [
          { id: 'again', label: 'Check again', primary: true },
          { id: 'go', label: 'Continue anyway' },
        ],
      });
      if (a.choice === 'again') return fault({ message: `Something still answered at ${router}.`, meaning: 'Another device may be using the router\'s rescue address.', fix: 'Switch the router off and unplug other devices from this cable, then check again.' }, 'ADDRESS_IN_USE');
      ctx.evidence('You chose to continue although something answered.');
    } else {
      ctx.evidence(`Nothing answers at ${router} yet: good, the router is off.`);
    }
    return { ok: true };
  };

  const watch: StepExecutor = async (ctx) => {
    const old = ctx.bag.get(EVENTS) as BootEvents | undefined;
    await old?.close();
    const bind = String(ctx.options.bind ?? '0.0.0.0');
    const port = num(ctx, 'port', 4919);
    const m = deps.monitorState();
    if (m.state !== 'listening' || m.port !== port || m.bind !== bind) await deps.startMonitor({ bind, port });
    const st = deps.monitorState();
    ctx.evidence(`Listening for the router's message on UDP port ${st.port} (${st.boundAddresses.join(', ')}).`);
    let current = ctx;
    const events = new BootEvents(() => current, routerOf(ctx));
    ctx.bag.set(EVENTS, events);
    events.attach(deps.onDatagram((d) => events.datagram(d)));
    const serialPath = typeof ctx.options.serialPath === 'string' ? ctx.options.serialPath : '';
    if (serialPath && deps.openSerial) {
      const auto = ctx.options.autoSendF !== false;
      const s = await deps.openSerial(serialPath, num(ctx, 'serialBaud', 115200), auto, (e) => {
        events.push({ at: e.at, kind: e.kind, from: serialPath, text: e.text });
        if (e.kind === 'serial-sent-f') current.transcript('sent', 'f + Enter (serial console)');
        else current.transcript('received', `${e.text} (serial console)`);
      });
      events.setSerial(s);
      ctx.evidence(`Watching the serial console ${serialPath}${auto ? '; "f" + Enter will be sent as soon as the router offers rescue mode' : ''}.`);
    }
    // The next steps share the same event log; keep the context current for evidence.
    ctx.bag.set('failsafe.setCtx', (c: StepContext) => (current = c));
    if (ctx.attempt > 1) ctx.setDoNow('Switch the router off, wait 5 seconds, then switch it on again. Watch its lights.');
    ctx.setHint({ kind: 'led', pattern: 'preinit' });
    const since = ctx.now();
    const timeout = num(ctx, 'watchTimeoutS', 120) * 1000;
    const e = await events.wait((x) => x.kind === 'failsafe-prompt' || x.kind === 'serial-prompt', since, since + timeout, ctx.signal);
    if (!e) {
      if (ctx.signal.aborted) return { ok: false, error: { code: 'STOPPED', message: 'Stopped.' } };
      return fault(missedAdvice('no-broadcast'), 'NO_BROADCAST', `No message in ${Math.round(timeout / 1000)} s`);
    }
    ctx.bag.set(CUE_AT, e.at);
    ctx.evidence(
      e.kind === 'serial-prompt' ? `The serial console offered rescue mode at ${clock(e.at)}: "${e.text}"` : `Broadcast received from ${e.from} at ${clock(e.at)}: "${e.text}"`,
      e.at,
    );
    return { ok: true };
  };

  const press: StepExecutor = async (ctx) => {
    const events = ctx.bag.get(EVENTS) as BootEvents;
    (ctx.bag.get('failsafe.setCtx') as (c: StepContext) => void)(ctx);
    const promptAt = (ctx.bag.get(CUE_AT) as number | undefined) ?? ctx.now();
    const windowMs = num(ctx, 'windowS', 2) * 1000;
    const sentF = events.list.find((x) => x.kind === 'serial-sent-f' && x.at >= promptAt - 1000);
    if (sentF) {
      ctx.evidence(`"f" + Enter was sent on the serial console at ${clock(sentF.at)}, so no button press is needed.`, sentF.at);
      return { ok: true, skipped: true };
    }
    ctx.setHint({ kind: 'cue', shownAt: ctx.now(), deadline: promptAt + windowMs, windowMs, source: 'network' });
    const outcome = await events.wait(
      (x) => x.kind === 'failsafe-entered' || x.kind === 'regular-boot' || x.kind === 'serial-failsafe' || x.kind === 'serial-sent-f',
      promptAt,
      promptAt + windowMs + 600,
      ctx.signal,
    );
    if (outcome?.kind === 'serial-sent-f') {
      ctx.setHint(undefined);
      ctx.evidence(`"f" + Enter was sent on the serial console at ${clock(outcome.at)}, so no button press is needed.`, outcome.at);
      return { ok: true, skipped: true };
    }
    const prompts = events.list.filter((x) => x.at >= promptAt && (x.kind === 'failsafe-prompt' || x.kind === 'serial-prompt'));
    if (prompts.length > 1) ctx.evidence(`The router asked ${prompts.length} times (once a second); the last at ${clock(prompts[prompts.length - 1]!.at)}.`);
    ctx.evidence(outcome ? `The router answered at ${clock(outcome.at)}: "${outcome.text}"` : `The ${windowMs / 1000}-second window for the button ended at ${clock(promptAt + windowMs)}.`);
    return { ok: true };
  };

  const outcome: StepExecutor = async (ctx) => {
    const events = ctx.bag.get(EVENTS) as BootEvents;
    (ctx.bag.get('failsafe.setCtx') as (c: StepContext) => void)(ctx);
    const promptAt = (ctx.bag.get(CUE_AT) as number | undefined) ?? 0;
    const decisive = (x: BootEvent): boolean => x.kind === 'failsafe-entered' || x.kind === 'serial-failsafe' || x.kind === 'regular-boot';
    const judge = (e: BootEvent): StepOutcome => {
      if (e.kind === 'failsafe-entered' || e.kind === 'serial-failsafe') {
        ctx.evidence(`The router said "${e.text}" at ${clock(e.at)}.`, e.at);
        return { ok: true, summary: 'The router is in rescue mode.' };
      }
      ctx.evidence(`The router said "${e.text}" at ${clock(e.at)}: it is starting normally.`, e.at);
      ctx.setHint({ kind: 'led', pattern: 'regular' });
      return fault(missedAdvice('regular-boot'), 'MISSED_WINDOW');
    };
    const early = events.list.find((x) => x.at >= promptAt && decisive(x));
    if (early) return judge(early);
    ctx.setHint({ kind: 'led', pattern: 'failsafe' });
    const router = routerOf(ctx);
    const ports = [num(ctx, 'sshPort', 22), num(ctx, 'telnetPort', 23)];
    const until = ctx.now() + num(ctx, 'loginProbeS', 25) * 1000;
    ctx.evidence(`No "Entering Failsafe!" message (most routers do not send one). Checking whether the rescue login at ${router} answers…`);
    const abortProbe = new AbortController();
    const heard = events.wait(decisive, promptAt, until, abortProbe.signal);
    const probing = (async (): Promise<number | undefined> => {
      while (ctx.now() < until && !ctx.signal.aborted && !abortProbe.signal.aborted) {
        const r = await Promise.all(ports.map((p) => deps.probe(router, p, 800)));
        const i = r.indexOf('open');
        if (i >= 0) return ports[i];
        await new Promise((res) => setTimeout(res, 400));
      }
      return undefined;
    })();
    const first = await Promise.race([heard.then((e) => ({ e })), probing.then((p) => ({ p }))]);
    abortProbe.abort();
    if ('e' in first && first.e) return judge(first.e);
    const port = 'p' in first ? first.p : await probing;
    if (port !== undefined) {
      ctx.evidence(`The rescue login answered on ${router} port ${port} at ${clock(ctx.now())}.`);
      return { ok: true, summary: 'The router is in rescue mode.' };
    }
    if (ctx.signal.aborted) return { ok: false, error: { code: 'STOPPED', message: 'Stopped.' } };
    ctx.setHint({ kind: 'led', pattern: 'regular' });
    return fault(missedAdvice('window-expired'), 'MISSED_WINDOW', `No rescue login on ${router} ports ${ports.join(', ')} within the time limit`);
  };

  const connect: StepExecutor = async (ctx) => {
    const old = ctx.bag.get(SESSION) as Session | undefined;
    if (old && !old.closed) await old.close();
    ctx.bag.delete(MOUNTED);
    const router = routerOf(ctx);
    ctx.setHint(undefined);
    const sshPort = num(ctx, 'sshPort', 22);
    ctx.transcript('note', `Connecting to ${router} (SSH port ${sshPort}, then telnet) as root with no password…`);
    // The login starts a few seconds after "Entering Failsafe!": wait for a port before logging in.
    const until = ctx.now() + Math.max(20, num(ctx, 'loginProbeS', 25)) * 1000;
    const ports = [sshPort, num(ctx, 'telnetPort', 23)];
    for (;;) {
      const r = await Promise.all(ports.map((p) => deps.probe(router, p, 800)));
      if (r.includes('open') || ctx.now() >= until || ctx.signal.aborted) break;
      await new Promise((res) => setTimeout(res, 300));
    }
    let s: Session;
    try {
      s = await deps.connect({ host: router, port: sshPort, method: 'auto', user: 'root', password: '', hostKeyPolicy: 'session-only', timeoutMs: 12_000 });
    } catch (err) {
      const e = toErrorShape(err);
      if (e.code === 'AUTH_FAILED')
        return fault(
          { message: 'The router asked for a password.', meaning: 'It started normally instead of in rescue mode (in rescue mode root has no password).', fix: 'Go back: switch it off and try the button again.' },
          'NOT_IN_FAILSAFE',
          e.details,
        );
      return { ok: false, error: e };
    }
    ctx.bag.set(SESSION, s);
    ctx.evidence(`Logged in over ${s.method === 'ssh' ? 'SSH' : 'telnet'} to ${s.host} port ${s.port} as root at ${clock(ctx.now())}.`);
    if (s.hostKey) {
      const prev = deps.seenKeys.get(router);
      ctx.evidence(
        `Router key ${s.hostKey.algorithm} ${s.hostKey.fingerprint}: accepted for this session only, not stored.` +
          (prev && prev.fingerprint !== s.hostKey.fingerprint ? ` It differs from the key seen at ${clock(prev.at)} — expected, rescue mode makes a new key every start.` : ''),
      );
      deps.seenKeys.set(router, { fingerprint: s.hostKey.fingerprint, at: ctx.now() });
    }
    for (const n of s.notes) ctx.transcript('note', n);
    let banner = s.banner.trim();
    if (s.method === 'ssh') {
      try {
        const r = await s.exec('cat /etc/banner.failsafe 2>/dev/null || cat /etc/banner 2>/dev/null', { timeoutMs: 8000 });
        const text = r.stdout.toString('utf8').trim();
        if (text) banner = text;
      } catch {
        // a missing banner is not a failure
      }
    }
    if (banner) ctx.transcript('received', banner);
    if (/failsafe/i.test(banner)) ctx.evidence('The router shows its rescue-mode (FAILSAFE) banner.');
    return { ok: true };
  };

  const run = async (ctx: StepContext, s: Session, cmd: string, opts: { timeoutMs?: number; shown?: string } = {}): Promise<{ code: number; out: string }> => {
    ctx.transcript('sent', opts.shown ?? cmd);
    const r = await s.exec(cmd, { timeoutMs: opts.timeoutMs ?? 20_000 });
    const out = (r.stdout.toString('utf8') + (r.stderr ? r.stderr : '')).trim();
    ctx.transcript('received', `${out}${out ? '\n' : ''}(exit code ${r.code})`);
    return { code: r.code, out };
  };

  const mount = async (ctx: StepContext, s: Session): Promise<void> => {
    if (ctx.bag.get(MOUNTED)) return;
    const r = await run(ctx, s, 'mount_root');
    if (r.code !== 0 && !/already/i.test(r.out))
      throw new RbFault({ code: 'MOUNT_ROOT_FAILED', message: 'The saved settings could not be opened (mount_root failed).', meaning: 'The fixes that change settings cannot run.', fix: 'Look at the transcript. If the storage is damaged, a factory reset may still work.', details: r.out });
    ctx.bag.set(MOUNTED, true);
    ctx.evidence(`Saved settings opened (mount_root) at ${clock(ctx.now())}.`);
  };

  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

  /** The fallback when firstboot or mtd erase hangs (wiki: "the files can be deleted using the rm… method"). */
  const clearOverlay = async (ctx: StepContext, s: Session): Promise<void> => {
    await mount(ctx, s);
    const r = await run(ctx, s, 'if [ -d /overlay/upper ]; then rm -rf /overlay/upper/* /overlay/work/* 2>/dev/null; else rm -rf /overlay/* 2>/dev/null; fi; sync; echo overlay-cleared', { timeoutMs: 60_000 });
    if (!r.out.includes('overlay-cleared')) throw new RbFault({ code: 'FACTORY_RESET_FAILED', message: 'The settings could not be erased.', meaning: 'The router keeps its current settings.', fix: 'Restart the router in rescue mode and try again.', details: r.out });
  };

  async function doAction(ctx: StepContext, s: Session, act: FailsafeAction): Promise<'again' | 'end'> {
    if (act.destructive) {
      const a = await ctx.ask({
        text: `${act.label}?`,
        detail: `${act.explain} ${act.consequence ?? ''}`.trim(),
        choices: [
          { id: 'cancel', label: 'Cancel', primary: true },
          { id: 'confirm', label: act.id === 'reset-network' ? 'Reset these settings' : 'Erase everything', destructive: true },
        ],
      });
      if (a.choice !== 'confirm') {
        ctx.evidence(`${act.label}: cancelled.`);
        return 'again';
      }
    }
    if (act.needsMount) await mount(ctx, s);
    switch (act.id) {
      case 'mount-root':
        await mount(ctx, s);
        return 'again';
      case 'lan-ip': {
        const r = await run(ctx, s, 'uci get network.lan.ipaddr');
        const ip = r.out.split('\n')[0]?.trim() ?? '';
        if (r.code !== 0 || !ip) throw new RbFault({ code: 'NO_LAN_IP', message: 'The router has no LAN address saved.', meaning: 'After a normal start it uses its standard address, usually 192.168.1.1.', fix: 'Try 192.168.1.1 after restarting.', details: r.out });
        ctx.evidence(`The router's normal address (LAN) is ${ip}.`);
        ctx.setDoNow(`After a normal start, the router is at ${ip}.`);
        return 'again';
      }
      case 'password': {
        const a = await ctx.ask({
          text: 'Type the new administrator password.',
          detail: 'At least 6 characters. You need it for the router web page (LuCI) and SSH.',
          choices: [
            { id: 'set', label: 'Set password', primary: true },
            { id: 'cancel', label: 'Cancel' },
          ],
          input: { label: 'New password', secret: true, minLength: 6 },
        });
        if (a.choice !== 'set') return 'again';
        const pw = a.input ?? '';
        // The same rules over SSH and telnet: one line, no control characters; any alphabet, set as UTF-8 (decision 0008).
        const problem = routerPasswordProblem(pw);
        if (problem) throw new RbFault({ code: 'BAD_PASSWORD', message: problem.message, meaning: 'The password was not changed.', fix: problem.fix });
        const r = await run(ctx, s, `printf '%s\\n%s\\n' ${q(pw)} ${q(pw)} | passwd root`, { shown: "printf '%s\\n%s\\n' '••••••' '••••••' | passwd root   (your password is hidden here)" });
        if (r.code !== 0) throw new RbFault({ code: 'PASSWD_FAILED', message: 'The router did not accept the new password.', meaning: 'The old password still applies.', fix: 'Try a different password, or look at the transcript.', details: r.out });
        ctx.evidence(`New administrator password set at ${clock(ctx.now())}.`);
        return 'again';
      }
      case 'reset-network': {
        const one = (f: string): string => `if [ -f /etc/config/${f} ]; then mv -f /etc/config/${f} /etc/config/${f}.bak; fi; if [ -f /rom/etc/config/${f} ]; then cp /rom/etc/config/${f} /etc/config/${f}; fi`;
        const r = await run(ctx, s, `${one('network')}; ${one('firewall')}; ls /etc/config`);
        if (r.code !== 0) throw new RbFault({ code: 'RESET_CONFIG_FAILED', message: 'The network settings could not be reset.', meaning: 'Your settings are unchanged or partly renamed: see the transcript.', fix: 'Try again, or use a factory reset.', details: r.out });
        ctx.evidence('Network and firewall settings renamed to network.bak and firewall.bak; the standard settings apply after the next start.');
        return 'again';
      }
      case 'factory-reset': {
        ctx.setDoNow('Erasing the saved settings… keep the router switched on.');
        let ok = false;
        try {
          const r = await run(ctx, s, 'firstboot -y', { timeoutMs: num(ctx, 'firstbootTimeoutS', 45) * 1000 });
          ok = r.code === 0;
        } catch (err) {
          const e = toErrorShape(err);
          ctx.transcript('note', `firstboot did not finish: ${e.message} (a known problem). Deleting the saved files directly instead.`);
          if (e.code === 'SESSION_LOST') throw err;
        }
        if (!ok) {
          await clearOverlay(ctx, s);
          ctx.evidence('Saved settings erased by deleting the overlay files (firstboot hung or failed).');
        } else ctx.evidence(`All saved settings erased (firstboot) at ${clock(ctx.now())}. Restart the router to finish.`);
        ctx.setDoNow('Choose what to fix.');
        return 'again';
      }
      case 'erase-settings-partition': {
        ctx.setDoNow('Erasing the settings storage… the router restarts by itself. Keep it switched on.');
        let outcome: 'restarting' | 'fallback' = 'fallback';
        try {
          const r = await run(ctx, s, 'mtd -r erase rootfs_data', { timeoutMs: num(ctx, 'firstbootTimeoutS', 45) * 1000 });
          // mtd erases, then restarts the router: the command may still return before the connection drops
          if (r.code === 0) outcome = 'restarting';
          else ctx.transcript('note', `mtd could not erase rootfs_data (exit ${r.code}). Deleting the saved files directly instead.`);
        } catch (err) {
          const e = toErrorShape(err);
          if (e.code === 'SESSION_LOST') outcome = 'restarting'; // the restart cut the connection: expected
          else if (e.code === 'COMMAND_TIMEOUT') ctx.transcript('note', `mtd erase did not finish: ${e.message} (a known problem). Deleting the saved files directly instead.`);
          else throw err;
        }
        if (outcome === 'restarting') {
          ctx.evidence(`Settings storage erased (mtd erase rootfs_data) at ${clock(ctx.now())}; the router is restarting and will start like new in about a minute.`);
        } else {
          await clearOverlay(ctx, s);
          ctx.evidence('Saved settings erased by deleting the overlay files (mtd erase hung or failed).');
          try {
            await run(ctx, s, 'reboot', { timeoutMs: 8000 });
          } catch (err) {
            const code = toErrorShape(err).code;
            if (code !== 'SESSION_LOST' && code !== 'COMMAND_TIMEOUT') throw err;
          }
          ctx.evidence(`Restart requested at ${clock(ctx.now())}. The router starts like new in about a minute.`);
        }
        await s.close().catch(() => undefined);
        return 'end';
      }
      case 'reboot': {
        try {
          await run(ctx, s, 'reboot', { timeoutMs: 8000 });
        } catch (err) {
          const code = toErrorShape(err).code;
          if (code !== 'SESSION_LOST' && code !== 'COMMAND_TIMEOUT') throw err;
        }
        ctx.evidence(`Restart requested at ${clock(ctx.now())}. The router starts normally in about a minute.`);
        await s.close().catch(() => undefined);
        return 'end';
      }
      default:
        return 'again';
    }
  }

  const actions: StepExecutor = async (ctx) => {
    const s = ctx.bag.get(SESSION) as Session | undefined;
    if (!s || s.closed) return fault({ message: 'The connection to the router is closed.', meaning: 'Nothing can be fixed without it.', fix: 'Connect again.' }, 'SESSION_LOST');
    for (;;) {
      const a = await ctx.ask({
        text: 'What should Rescue Bench fix?',
        choices: [
          ...FAILSAFE_ACTIONS.map((x) => ({ id: x.id, label: x.label, detail: x.explain, ...(x.destructive ? { destructive: true } : {}) })),
          { id: 'finish', label: 'Finish', detail: 'Leave the router in rescue mode. Switch it off and on to start it normally.' },
        ],
      });
      if (a.choice === 'finish') return { ok: true, summary: 'Finished. The router stays in rescue mode until you restart it.' };
      const act = FAILSAFE_ACTIONS.find((x) => x.id === a.choice)!;
      try {
        if ((await doAction(ctx, s, act)) === 'end') return { ok: true, summary: 'The router is restarting normally.' };
      } catch (err) {
        const e = toErrorShape(err);
        ctx.evidence(`${act.label} did not work: ${e.message}${e.fix ? ` ${e.fix}` : ''}`);
        if (e.code === 'SESSION_LOST' || s.closed) return { ok: false, error: e };
      }
    }
  };

  return {
    confirm,
    'failsafe.address': address,
    'failsafe.watch': watch,
    'failsafe.press': press,
    'failsafe.outcome': outcome,
    'failsafe.connect': connect,
    'failsafe.actions': actions,
  };
}

