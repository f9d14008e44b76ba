/**
 * The executors behind the vendor recovery playbooks (src-shared/capabilities/recover/playbooks.ts names them):
 *
 *   recover.confirm   cables plugged in, router off (a person's "Done")
 *   recover.network   this computer gets the address the recovery mode needs (network assistant), given back at the end
 *   recover.serve     TP-Link: offer the (cut) image by TFTP on port 69 under every name the router may ask for
 *   recover.fetch     TP-Link: hold Reset, switch on; wait until the router has fetched the whole file
 *   recover.button    ASUS/Ubiquiti/D-Link: hold Reset, switch on, until the light shows the recovery mode
 *   recover.transfer  ASUS/Ubiquiti: TFTP put; D-Link: HTTP upload to the recovery page
 *   recover.writing   the router writes: a timer in plain words
 *   recover.verify    the router answers with its new firmware (nothing is called success before that)
 *
 * Run options (set by recover.start from the plan and the device profile): recoverFlow, recoverFile (the bytes the
 * router gets), recoverSha256, recoverSize, recoverNames (newline-separated), routerAddress, hostAddress, interface,
 * uploadPath, writeSeconds, afterAddress, afterPort, fetchTimeoutS, verifyTimeoutS, tftpPort.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { VendorFlow } from '../../../src-shared/capabilities/recover';
import { clock } from '../../../src-shared/capabilities/playbook';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { fault as makeFault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import type { StepContext, StepExecutor, StepOutcome } from '../playbook';
import { stepSaid } from '../playbook';
import { said, saidData, type Said } from '../../../src-shared/i18n/said';
import { inSubnet } from '../../platform';
import type { TftpServer, TftpTransferEvent } from '../tftp';
import type { RecoverDeps } from './deps';

export const BAG = { lease: 'recover.lease', server: 'recover.server', transferred: 'recover.transferred', localAddress: 'recover.localAddress' } as const;

const str = (ctx: StepContext, k: string, d = ''): string => (typeof ctx.options[k] === 'string' ? (ctx.options[k] as string) : d);
const num = (ctx: StepContext, k: string, d: number): number => (typeof ctx.options[k] === 'number' ? (ctx.options[k] as number) : d);
const flowOf = (ctx: StepContext): VendorFlow => str(ctx, 'recoverFlow', 'tplink') as VendorFlow;
/** A failed step with its three parts from the catalogue (`error.<code>.*`). */
const fault = (code: string, values: Record<string, string | number> = {}, details?: string): StepOutcome => ({ ok: false, error: makeFault(code, values, details ? { details } : {}).toShape() });
const t = (at: number): string => clock(at, true);
const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;

/**
 * Where to allow TFTP through a firewall on this OS: the one found running, by name, else the usual places
 * (decision 0146). Keywords and commands as values: the catalogue (`recover.said.firewall`, and the end of
 * RECOVER_NO_REQUEST's fix) words them in each language; the commands stay as they are typed.
 */
export async function firewallValues(deps: RecoverDeps, iface?: string): Promise<Record<string, string>> {
  const found = new Set((await deps.firewalls(iface).catch(() => [])).map((f) => f.name));
  const found1 =
    found.has('ufw') && found.has('firewalld')
      ? 'both'
      : found.has('ufw')
        ? 'ufw'
        : found.has('firewalld')
          ? 'firewalld'
          : found.has('windows-defender')
            ? 'windowsOn'
            : found.has('macos-application-firewall')
              ? 'macOn'
              : deps.platform === 'win32'
                ? 'windows'
                : deps.platform === 'darwin'
                  ? 'mac'
                  : 'none';
  const on = iface ? ` in on ${iface}` : '';
  return {
    found: found1,
    iface: iface ?? 'none',
    ufwPort: `sudo ufw allow${on} proto udp to any port 69`,
    ufwFrom: `sudo ufw allow${on} proto udp from 192.168.0.0/16`,
    ufwList: 'sudo ufw status numbered',
    ufwDelete: 'sudo ufw delete N',
    firewalld: 'sudo firewall-cmd --add-service=tftp',
  };
}

/** The firewall advice as said words (evidence beside a transfer that got no answer). */
export async function firewallAdvice(deps: RecoverDeps, iface?: string): Promise<Said> {
  return said('recover.said.firewall', await firewallValues(deps, iface));
}

/** The interface that carries `address` has no cable signal: a three-part fault, or undefined when it has one (or we cannot tell). */
async function noCarrier(deps: RecoverDeps, address: string | undefined): Promise<StepOutcome | undefined> {
  if (!address) return undefined;
  const itf = (await deps.net.interfaces().catch(() => [])).find((i) => i.addresses.some((a) => a.split('/')[0] === address));
  if (!itf || itf.carrier !== false) return undefined;
  return fault('RECOVER_NO_CARRIER', { iface: itf.name });
}

export const confirmStep: StepExecutor = async (ctx) => {
  const a = await ctx.ask({ text: stepSaid(ctx, 'doNow'), detail: stepSaid(ctx, 'explain'), choices: [{ id: 'ok', label: said('prompt.done'), primary: true }] });
  return a.choice === 'ok' ? { ok: true, summary: said('recover.said.confirmedAt', { time: t(ctx.now()) }) } : fault('NOT_CONFIRMED', { what: 'cables' });
};

export function networkStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const flow = flowOf(ctx);
    const need = str(ctx, 'hostAddress');
    const router = str(ctx, 'routerAddress');
    if (ctx.options.practice === true) {
      // the practice router lives on this computer's loopback: nothing to set (decision 0091)
      ctx.bag.set(BAG.localAddress, need.split('/')[0]!);
      ctx.evidence(said('recover.said.practiceNoAddress', { router }));
      return { ok: true };
    }
    const [hostIp, bitsText] = need.split('/');
    const bits = Number(bitsText ?? 24);
    const chosen = str(ctx, 'interface') || undefined;
    const itfs = (await deps.net.interfaces()).filter((i) => !i.internal && (!chosen || i.name === chosen));
    if (chosen && !itfs.length) return fault('RECOVER_NO_SUCH_INTERFACE', { iface: chosen });
    const ipOf = (cidr: string): string => cidr.split('/')[0]!;
    // TP-Link fetches from exactly the server address; the others only need this computer in their network.
    const fits = (cidr: string): boolean => (flow === 'tplink' ? ipOf(cidr) === hostIp : inSubnet(ipOf(cidr), router, bits) && ipOf(cidr) !== router);
    const has = itfs.find((i) => i.addresses.some(fits));
    if (has) {
      const addr = has.addresses.find(fits)!;
      ctx.bag.set(BAG.localAddress, ipOf(addr));
      ctx.evidence(said('recover.said.hasAddress', { addr, iface: has.name }));
      if (ipOf(addr) === hostIp) {
        // a lease on an address that is already there: it stays afterwards, but a network manager leaves it alone
        // meanwhile and it comes back if the router's power-cycle drops the link
        try {
          const lease = await deps.net.prepare({ interface: has.name, address: need, reason: said('net.prompt.recoverKeep', { address: hostIp, iface: has.name }) });
          ctx.bag.set(BAG.lease, { close: () => lease.release() });
        } catch (err) {
          ctx.evidence(said('recover.said.guardFailed', { reason: toErrorShape(err).message }));
        }
      }
      if (has.carrier === false) ctx.evidence(said('recover.said.noSignalYet', { iface: has.name }));
    } else {
      const wired = itfs.filter((i) => i.wired !== false);
      let pick = chosen ? itfs[0] : wired.length === 1 ? wired[0] : wired.filter((i) => i.carrier).length === 1 ? wired.find((i) => i.carrier) : undefined;
      if (!pick) {
        if (!wired.length) return fault('RECOVER_NO_WIRED');
        const a = await ctx.ask({
          text: said('prompt.recover.whichConnection'),
          detail: said('prompt.recover.whichConnection.detail'),
          choices: wired.slice(0, 8).map((i, n) => ({ id: `if${n}`, label: said('recover.said.choice.iface', { iface: i.name, cable: i.carrier ? 'yes' : 'no' }), ...(n === 0 ? { primary: true } : {}) })),
        });
        pick = wired[Number(a.choice.slice(2))];
      }
      if (!pick) return fault('RECOVER_NO_INTERFACE');
      try {
        const lease = await deps.net.prepare({ interface: pick.name, address: need, reason: said('net.prompt.recoverAdd', { address: String(hostIp), iface: pick.name }) });
        ctx.bag.set(BAG.lease, { close: () => lease.release() });
        ctx.bag.set(BAG.localAddress, hostIp);
        ctx.evidence(said('recover.said.gaveAddress', { iface: pick.name, addr: need, time: t(ctx.now()) }));
      } catch (err) {
        const e = toErrorShape(err);
        return { ok: false, error: { ...e, code: e.code || 'RECOVER_ADDRESS_FAILED' } };
      }
    }
    for (const n of (await deps.net.notes?.({ target: router, need, ...(chosen ? { interface: chosen } : {}) }).catch(() => [])) ?? []) ctx.evidence(n);
    return { ok: true };
  };
}

/** TP-Link: the image under every name, answer-any for the rest, on port 69 of this computer's recovery address. */
export function serveStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const old = ctx.bag.get(BAG.server) as { close(): Promise<void> } | undefined;
    await old?.close();
    const file = str(ctx, 'recoverFile');
    const names = str(ctx, 'recoverNames').split('\n').filter(Boolean);
    const dir = path.join(deps.dataDir, 'recover', 'serve', ctx.runId);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // one file; every known name is an alias of it, and any other name the router asks for gets it too (answer-any)
    fs.copyFileSync(file, path.join(dir, 'image.bin'));
    const bind = (ctx.bag.get(BAG.localAddress) as string | undefined) ?? str(ctx, 'hostAddress').split('/')[0]!;
    let server: TftpServer;
    try {
      server = await deps.startTftpServer({ root: dir, bind, port: num(ctx, 'tftpPort', 69), dataDir: deps.dataDir, aliases: Object.fromEntries(names.map((n) => [n, 'image.bin'])), answerAny: 'image.bin' });
    } catch (err) {
      return { ok: false, error: toErrorShape(err) };
    }
    ctx.bag.set(BAG.server, { close: () => server.close(), server });
    ctx.evidence(said('recover.said.offering', { size: mib(num(ctx, 'recoverSize', 0)), address: server.address, port: server.port, names: names.map((n) => `"${n}"`).join(', ') }));
    return { ok: true };
  };
}

export function fetchStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const held = ctx.bag.get(BAG.server) as { server: TftpServer } | undefined;
    if (!held) return fault('RECOVER_NOT_SERVING');
    const server = held.server;
    const want = str(ctx, 'recoverSha256');
    const since = ctx.now();
    const timeoutMs = num(ctx, 'fetchTimeoutS', 180) * 1000;
    deps.progress({ runId: ctx.runId, phase: 'waiting', bytes: 0, total: num(ctx, 'recoverSize', 0), bytesPerSecond: 0, since });
    let cut: { bytes: number; size: number; at: number } | undefined;
    const result = await new Promise<{ ok: true; e: TftpTransferEvent } | { ok: false } | { stopped: true }>((resolve) => {
      const seen = new Set<number>();
      const onEvent = (e: TftpTransferEvent): void => {
        const tr = e.transfer;
        if (tr.direction !== 'read') return;
        const asked = tr.requested ?? tr.file;
        if (e.kind === 'start' && !seen.has(tr.id)) {
          seen.add(tr.id);
          ctx.evidence(said('recover.said.asked', { peer: tr.peer, file: asked, time: t(tr.startedAt), any: tr.servedBy === 'answer-any' ? 'yes' : 'no' }), tr.startedAt);
          ctx.transcript('received', `RRQ "${asked}" from ${tr.peer}:${tr.peerPort} (blksize ${tr.options.blksize})`);
          ctx.setDoNow(said('recover.said.letGo'));
        } else if (e.kind === 'progress') {
          deps.progress({ runId: ctx.runId, phase: 'transfer', bytes: tr.bytes, total: tr.size ?? num(ctx, 'recoverSize', 0), bytesPerSecond: tr.rate, requested: asked, since: tr.startedAt });
        } else if (e.kind === 'done') {
          deps.progress({ runId: ctx.runId, phase: 'transfer', bytes: tr.bytes, total: tr.size ?? tr.bytes, bytesPerSecond: tr.rate, requested: asked, since: tr.startedAt });
          finish({ ok: true, e });
        } else if (e.kind === 'error') {
          if (!seen.has(tr.id)) {
            ctx.evidence(said('recover.said.askedRefused', { peer: tr.peer, file: asked, time: t(tr.startedAt), reason: tr.error?.message ?? 'none' }), tr.startedAt);
          } else {
            cut = { bytes: tr.bytes, size: tr.size ?? 0, at: tr.endedAt ?? ctx.now() };
            ctx.evidence(said('recover.said.transferStopped', { bytes: tr.bytes, total: tr.size ?? 0, known: tr.size === undefined ? 'no' : 'yes', time: t(cut.at), reason: tr.error?.message ?? 'none' }));
          }
        }
      };
      const timer = setTimeout(() => finish({ ok: false }), timeoutMs);
      const onAbort = (): void => finish({ stopped: true });
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      function finish(r: { ok: true; e: TftpTransferEvent } | { ok: false } | { stopped: true }): void {
        clearTimeout(timer);
        server.off('transfer', onEvent);
        ctx.signal.removeEventListener('abort', onAbort);
        resolve(r);
      }
      server.on('transfer', onEvent);
    });
    if ('stopped' in result) return fault('STOPPED', { why: 'step' });
    if (!result.ok) {
      const unplugged = await noCarrier(deps, server.address);
      if (unplugged) return unplugged;
      if (cut)
        return fault('RECOVER_TRANSFER_CUT', { how: 'fetch', sent: cut.bytes, total: cut.size });
      return fault('RECOVER_NO_REQUEST', { seconds: Math.round(timeoutMs / 1000), ...(await firewallValues(deps)) }, `listening on ${server.address}:${server.port}`);
    }
    const tr = result.e.transfer;
    if (want && tr.sha256 && tr.sha256 !== want)
      return fault('RECOVER_WRONG_BYTES', { how: 'served' }, `sha256 ${tr.sha256}, expected ${want}`);
    ctx.bag.set(BAG.transferred, true);
    const secs = Math.max(0.001, ((tr.endedAt ?? ctx.now()) - tr.startedAt) / 1000);
    return { ok: true, summary: said('recover.said.fetchedAll', { bytes: tr.bytes, size: mib(tr.bytes), seconds: secs.toFixed(1), sha: tr.sha256 ? tr.sha256.slice(0, 16) : 'none', time: t(tr.endedAt ?? ctx.now()) }) };
  };
}

export const buttonStep: StepExecutor = async (ctx) => {
  const p = findDeviceProfile(str(ctx, 'deviceId'));
  const cues = p?.recovery.cues;
  const flow = flowOf(ctx);
  const text = said('recover.said.ask.hold', { seconds: cues?.holdSeconds ?? 10 });
  // the model's own cues are the profile's words (shown translated on the recovery view's cue card); without them, ours
  const detail = cues
    ? said('recover.said.ask.holdCues', { until: saidData(cues.holdUntil), button: saidData(cues.button), ubnt: flow === 'ubiquiti' ? 'yes' : 'no' })
    : said('recover.said.ask.holdDetail', { ubnt: flow === 'ubiquiti' ? 'yes' : 'no' });
  const a = await ctx.ask({ text, detail, choices: [{ id: 'ready', label: said('prompt.recover.lightShows'), primary: true }] });
  return a.choice === 'ready' ? { ok: true, summary: said('recover.said.sawLight', { time: t(ctx.now()) }) } : fault('NOT_CONFIRMED', { what: 'recovery' });
};

export function transferStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const flow = flowOf(ctx);
    const file = str(ctx, 'recoverFile');
    const size = num(ctx, 'recoverSize', 0);
    const router = str(ctx, 'routerAddress');
    const localAddress = ctx.bag.get(BAG.localAddress) as string | undefined;
    const since = ctx.now();
    const onProgress = (p: { bytes: number; total: number; bytesPerSecond: number }): void => {
      deps.progress({ runId: ctx.runId, phase: 'transfer', bytes: p.bytes, total: p.total, bytesPerSecond: p.bytesPerSecond, since });
      ctx.progress?.(p.bytes, p.total);
    };
    const unplugged = await noCarrier(deps, localAddress);
    if (unplugged) return unplugged;
    if (flow === 'dlink') return dlinkUpload(deps, ctx, { file, size, router, since, onProgress, ...(localAddress ? { localAddress } : {}) });
    try {
      const r = await deps.tftpPut({ host: router, source: { path: file }, remoteName: flow === 'asus' ? 'firmware.trx' : 'firmware.bin', ...(localAddress ? { localAddress } : {}), signal: ctx.signal, onProgress: (p) => onProgress({ ...p, total: p.total || size }) });
      const want = str(ctx, 'recoverSha256');
      if (want && r.sha256 !== want) return fault('RECOVER_WRONG_BYTES', { how: 'sent' }, `sha256 ${r.sha256}, expected ${want}`);
      ctx.bag.set(BAG.transferred, true);
      return { ok: true, summary: said('recover.said.acknowledged', { bytes: r.bytes, size: mib(r.bytes), seconds: (r.ms / 1000).toFixed(1), blksize: r.blksize, rolled: r.rolledOver ? 'yes' : 'no', time: t(ctx.now()) }) };
    } catch (err) {
      const e: RbErrorShape = toErrorShape(err);
      const gone = await noCarrier(deps, localAddress);
      if (gone) return gone;
      // the transfer's own fault keeps its words (said in each language by its code); the firewall advice is a line of its own
      if (/TIMEOUT|NO_ANSWER|NO_REPLY/.test(e.code)) ctx.evidence(await firewallAdvice(deps));
      return { ok: false, error: e };
    }
  };
}

async function dlinkUpload(
  deps: RecoverDeps,
  ctx: StepContext,
  o: { file: string; size: number; router: string; since: number; localAddress?: string; onProgress(p: { bytes: number; total: number; bytesPerSecond: number }): void },
): Promise<StepOutcome> {
  const deadline = ctx.now() + num(ctx, 'connectWaitS', 60) * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await deps.upload({
        host: o.router,
        path: str(ctx, 'uploadPath', '/'),
        source: { path: o.file, size: o.size },
        fileName: path.basename(str(ctx, 'recoverOriginalName', 'firmware.bin')),
        signal: ctx.signal,
        connectTimeoutMs: 5000,
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
        onProgress: o.onProgress,
      });
      const routerSaid = r.reply.text ? `"${r.reply.text.slice(0, 300)}"` : 'nothing';
      ctx.transcript('received', r.reply.text || '(no answer)');
      ctx.evidence(
        said('recover.said.uploadAnswer', {
          sent: r.sent,
          total: r.total,
          seconds: (r.ms / 1000).toFixed(1),
          answer: r.reply.headerless ? 'headerless' : r.reply.status !== undefined ? 'http' : 'none',
          status: r.reply.status ?? 0,
          text: r.reply.text ? r.reply.text.slice(0, 300) : 'none',
        }),
      );
      if (r.reply.verdict === 'refused')
        return fault('RECOVER_ROUTER_REFUSED', { said: routerSaid });
      if (!r.complete && r.reply.verdict !== 'accepted')
        return fault('RECOVER_TRANSFER_CUT', { how: 'upload', sent: r.sent, total: r.total });
      ctx.bag.set(BAG.transferred, true);
      return { ok: true, summary: r.reply.verdict === 'accepted' ? said('recover.said.pageConfirmed', { said: routerSaid }) : said('recover.said.pageUnclear') };
    } catch (err) {
      const e = toErrorShape(err);
      if (e.code === 'RECOVER_NO_RECOVERY_PAGE' && ctx.now() < deadline && !ctx.signal.aborted) {
        if (attempt === 1) ctx.evidence(said('recover.said.pageNotYet', { router: o.router }));
        await deps.sleep(1000, ctx.signal).catch(() => undefined);
        continue;
      }
      return { ok: false, error: e };
    }
  }
}

export function writingStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const secs = num(ctx, 'writeSeconds', 180);
    const since = ctx.now();
    const p = findDeviceProfile(str(ctx, 'deviceId'));
    const led = p?.recovery.cues?.ledWhileWriting;
    ctx.setDoNow(said('recover.said.waitWrite', secs >= 120 ? { unit: 'min', n: Math.round(secs / 60) } : { unit: 's', n: secs }));
    if (led) ctx.evidence(said('recover.said.whileWriting', { led: saidData(led) }));
    deps.progress({ runId: ctx.runId, phase: 'writing', bytes: 0, total: 0, bytesPerSecond: 0, since, expectedSeconds: secs });
    await deps.sleep(secs * 1000, ctx.signal);
    return { ok: true, summary: said('recover.said.waited', { seconds: secs, time: t(since) }) };
  };
}

/** GET / over HTTP/1.0; the page's text, or undefined when nothing answers. */
export function httpGet(host: string, port: number, timeoutMs: number, localAddress?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, ...(localAddress ? { localAddress } : {}) });
    const chunks: Buffer[] = [];
    let got = 0;
    const done = (v: string | undefined): void => {
      clearTimeout(timer);
      s.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(got ? Buffer.concat(chunks).toString('latin1') : undefined), timeoutMs);
    s.on('connect', () => s.write(`GET / HTTP/1.0\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    s.on('data', (d: Buffer) => {
      if (got < 64 * 1024) chunks.push(d);
      got += d.length;
    });
    s.on('end', () => done(Buffer.concat(chunks).toString('latin1')));
    s.on('error', () => done(got ? Buffer.concat(chunks).toString('latin1') : undefined));
  });
}

export function verifyStep(deps: RecoverDeps): StepExecutor {
  return async (ctx) => {
    const addr = str(ctx, 'afterAddress', str(ctx, 'routerAddress'));
    const port = num(ctx, 'afterPort', 80);
    const deadline = ctx.now() + num(ctx, 'verifyTimeoutS', 180) * 1000;
    const localAddress = ctx.bag.get(BAG.localAddress) as string | undefined;
    deps.progress({ runId: ctx.runId, phase: 'verifying', bytes: 0, total: 0, bytesPerSecond: 0, since: ctx.now() });
    let sawRecovery = false;
    while (!ctx.signal.aborted) {
      const page = await httpGet(addr, port, 3000, localAddress);
      if (page !== undefined) {
        // D-Link: the recovery page itself answers on the same address; only a page without the upload form is the new firmware.
        if (/<input[^>]+type\s*=\s*["']?file/i.test(page) && /name\s*=\s*["']?firmware/i.test(page)) {
          if (!sawRecovery) ctx.evidence(said('recover.said.stillRecovery', { time: t(ctx.now()), addr }));
          sawRecovery = true;
        } else {
          const title = /<title[^>]*>([^<]{0,120})/i.exec(page)?.[1]?.trim();
          return { ok: true, summary: said('recover.said.answers', { url: `http://${addr}${port === 80 ? '' : `:${port}`}/`, time: t(ctx.now()), title: title || 'none' }) };
        }
      }
      if (ctx.now() >= deadline) break;
      await deps.sleep(2000, ctx.signal).catch(() => undefined);
    }
    if (ctx.signal.aborted) return fault('STOPPED', { why: 'step' });
    const p = findDeviceProfile(str(ctx, 'deviceId'));
    const note = p?.recovery.after?.note;
    return fault('RECOVER_NOT_BACK', { address: addr, page: sawRecovery ? 'yes' : 'no', note: note ?? 'none' });
  };
}

export function recoverExecutors(deps: RecoverDeps): Record<string, StepExecutor> {
  return {
    'recover.confirm': confirmStep,
    'recover.network': networkStep(deps),
    'recover.serve': serveStep(deps),
    'recover.fetch': fetchStep(deps),
    'recover.button': buttonStep,
    'recover.transfer': transferStep(deps),
    'recover.writing': writingStep(deps),
    'recover.verify': verifyStep(deps),
  };
}
