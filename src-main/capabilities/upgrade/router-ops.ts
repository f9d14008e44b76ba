/**
 * What an upgrade does on the router, one function per thing, over any Session (SSH or telnet): read it,
 * copy the image into /tmp with progress, compare the router's checksum of the copy, ask sysupgrade -T (and
 * ubus validate_firmware_image), start sysupgrade and notice the expected drop, wait for the router, and
 * check what runs afterwards (a new login, or the maker's web page).
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import type { DeviceInfo, DeviceTools, SessionTarget } from '../../../src-shared/capabilities/device';
import type { ProbeResult } from '../../../src-shared/capabilities/net';
import { stageCheckOf } from '../../../src-shared/capabilities/flash';
import { COMMENCING, parseRouterFacts, parseValidateJson, ROUTER_FACTS_SCRIPT, type RouterFacts, type ValidateAnswer } from '../../../src-shared/capabilities/upgrade';
import { RbFault, fault } from '../../../src-shared/errors';
import { said, type Said } from '../../../src-shared/i18n';
import { forgetHostKey, shQuote, type Session } from '../../session';
import { inspectDevice, knownHostsFile, openTarget } from '../device';
import { stagedHash } from '../flash';
import { localAddressFacing, serveOnce } from './http-once';

export interface RouterState {
  device: DeviceInfo;
  facts: RouterFacts;
}

export async function readRouter(session: Session): Promise<RouterState> {
  const device = await inspectDevice(session);
  const r = await session.exec(ROUTER_FACTS_SCRIPT, { timeoutMs: 30_000 });
  return { device, facts: parseRouterFacts(r.stdout.toString('utf8')) };
}


function interrupted(done: number, total: number, details: string): RbFault {
  return fault('UPLOAD_INTERRUPTED', { percent: String(Math.floor((100 * done) / Math.max(1, total))) }, { details });
}

/** The image as a stream that reports how far the consumer has read it. */
function counted(data: Buffer, onBytes: (n: number) => void): Readable {
  let off = 0;
  const CHUNK = 1024 * 1024;
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (off >= data.length) {
        this.push(null);
        return;
      }
      const end = Math.min(off + CHUNK, data.length);
      const chunk = data.subarray(off, end);
      off = end;
      onBytes(off);
      this.push(chunk);
    },
  });
}

export type UploadVia = 'ssh' | 'telnet-nc' | 'telnet-wget';

/**
 * Copy the image into the router's /tmp. SSH: a stream into `cat > FILE`. Telnet: the router pulls it, with
 * `nc` back to this computer (the session layer, as the wiki's nc pipe does), or, without nc, with busybox
 * wget from a one-shot web server of ours on the address facing the router.
 */
export async function uploadImage(session: Session, o: { stagePath: string; data: Buffer; tools: DeviceTools; facts: RouterFacts; onProgress: (done: number) => void; localAddress?: string }): Promise<UploadVia> {
  const total = o.data.length;
  let done = 0;
  const progress = (n: number): void => {
    done = n;
    o.onProgress(n);
  };
  if (session.method === 'telnet' && !o.tools.nc && o.facts.wget) {
    // on a slot the card's own address: the route lookup would give whichever card the main table picks
    const bind = o.localAddress ?? (await localAddressFacing(session.host));
    const srv = await serveOnce(o.data, { bind, allowFrom: session.host, name: o.stagePath.replace(/^.*\//, ''), onProgress: progress });
    try {
      const r = await session.exec(`wget -q -O ${shQuote(o.stagePath)} ${shQuote(srv.url)}`, { timeoutMs: 120_000 + Math.round(total / 20) });
      await srv.sent.catch((e: Error) => {
        throw interrupted(done, total, e.message);
      });
      if (r.code !== 0) throw interrupted(done, total, `wget exit ${r.code}: ${r.stdout.toString().slice(0, 500)}`);
      return 'telnet-wget';
    } catch (err) {
      if (err instanceof RbFault && err.code !== 'SESSION_LOST' && err.code !== 'COMMAND_TIMEOUT') throw err;
      throw interrupted(done, total, err instanceof Error ? err.message : String(err));
    } finally {
      srv.close();
    }
  }
  let r;
  try {
    r = await session.push(`cat > ${shQuote(o.stagePath)}`, counted(o.data, progress), { timeoutMs: 120_000 + Math.round(total / 50) });
  } catch (err) {
    if (err instanceof RbFault && (err.code === 'ROUTER_HAS_NO_NC' || err.code === 'CALLBACK_NOT_CONNECTED' || err.code === 'CALLBACK_LISTEN_FAILED')) throw err;
    throw interrupted(done, total, err instanceof Error ? err.message : String(err));
  }
  if (r.code !== 0) {
    const text = `${r.stdout.toString()}${r.stderr}`;
    if (/No space left/i.test(text))
      throw fault('ROUTER_TMP_FULL', {}, { details: text.slice(0, 2000) });
    throw interrupted(done, total, `exit ${r.code}: ${text.slice(0, 2000)}`);
  }
  o.onProgress(total);
  return session.method === 'ssh' ? 'ssh' : 'telnet-nc';
}

/** The router's checksum of the staged copy against ours: sha256sum, else md5sum, else read back here. Never skipped. */
export async function checkStaged(session: Session, o: { stagePath: string; bytes: number; sha256: string; md5: string; tools: DeviceTools }): Promise<{ algorithm: string; value: string }> {
  const check = stageCheckOf(o.tools);
  const got = await stagedHash(session, { stagePath: o.stagePath, bytes: o.bytes }, check);
  const want = check === 'md5' ? o.md5 : o.sha256;
  const algorithm = check === 'read-back' ? 'sha256 (read back)' : check;
  if (got.value === undefined)
    // the restore's codes, in the upgrade's words: the catalogue's `what: image` case (an image file, no partition)
    throw fault('STAGED_COPY_UNCHECKED', { what: 'image' }, got.details ? { details: got.details } : {});
  if (got.value !== want) {
    await session.exec(`rm -f ${shQuote(o.stagePath)}`).catch(() => undefined);
    throw fault('UPLOAD_CORRUPTED', { what: 'image' }, { details: `router ${algorithm} ${got.value}, this computer ${want}` });
  }
  return { algorithm, value: got.value };
}

export interface SysupgradeTestResult {
  code: number;
  output: string;
  validate?: ValidateAnswer;
  command: string;
}

/** `sysupgrade -T [-n] FILE` and, where ubus exists, `ubus call system validate_firmware_image`. */
export async function sysupgradeTest(session: Session, o: { stagePath: string; keep: boolean; force?: boolean; ubus: boolean }): Promise<SysupgradeTestResult> {
  const command = `sysupgrade -T${o.force ? ' -F' : ''}${o.keep ? '' : ' -n'} ${shQuote(o.stagePath)}`;
  const r = await session.exec(`${command} 2>&1`, { timeoutMs: 180_000 });
  const out: SysupgradeTestResult = { code: r.code, output: `${r.stdout.toString('utf8')}${r.stderr}`, command };
  if (o.ubus) {
    const v = await session.exec(`ubus call system validate_firmware_image ${shQuote(JSON.stringify({ path: o.stagePath }))} 2>&1`, { timeoutMs: 120_000 });
    const parsed = v.code === 0 ? parseValidateJson(v.stdout.toString('utf8')) : undefined;
    if (parsed) out.validate = parsed;
  }
  return out;
}

export interface SysupgradeRun {
  lines: string[];
  /** The router said it is writing (COMMENCING), or the session dropped as sysupgrade closes every session. */
  commencedAt?: number;
  dropped: boolean;
  exitCode?: number;
}

/** Complete lines out of a stream of chunks (\r\n or \n; a terminal may send either). */
export function lineSplitter(onLine: (l: string) => void): { feed(chunk: Buffer): void; end(): void } {
  let rest = '';
  const emit = (l: string): void => {
    const t = l.replace(/\r+$/, '');
    if (t.trim()) onLine(t);
  };
  return {
    feed(chunk) {
      rest += chunk.toString('utf8');
      const parts = rest.split('\n');
      rest = parts.pop() ?? '';
      for (const l of parts) emit(l);
    },
    end() {
      if (rest) emit(rest);
      rest = '';
    },
  };
}

/**
 * Run sysupgrade on the session and take its words as they come (the exec channel's output streamed, over SSH and
 * telnet alike), until it ends or the router closes the session — which it does on purpose ("Commencing upgrade.
 * Closing all shell sessions."). The drop is the expected end here, not an error; what was read before it says
 * whether the router had started writing. sysupgrade runs with HUP, PIPE and INT ignored: our side going away
 * (the channel closing, telnet's Ctrl-C on a time-out) never stops it half way.
 */
export async function startSysupgrade(session: Session, o: { args: string[]; stagePath: string; onLine: (l: string) => void; timeoutMs?: number; now?: () => number }): Promise<SysupgradeRun> {
  const now = o.now ?? Date.now;
  const cmd = `sysupgrade ${o.args.join(' ')}${o.args.length ? ' ' : ''}${shQuote(o.stagePath)}`;
  const run: SysupgradeRun = { lines: [], dropped: false };
  const lines = lineSplitter((l) => {
    run.lines.push(l);
    o.onLine(l);
    if (l.includes(COMMENCING)) run.commencedAt ??= now();
  });
  let closedAt: number | undefined;
  session.onClose(() => (closedAt ??= now()));
  try {
    const r = await session.exec(`trap '' HUP PIPE INT; ${cmd} </dev/null 2>&1`, { timeoutMs: o.timeoutMs ?? 180_000, onOutput: (c) => lines.feed(c) });
    lines.end();
    run.exitCode = r.code;
  } catch (err) {
    lines.end();
    const code = err instanceof RbFault ? err.code : undefined;
    if (code === 'COMMAND_TIMEOUT') return run;
    if (code !== 'SESSION_LOST' && !session.closed) throw err;
    run.dropped = true;
    run.commencedAt ??= closedAt ?? now();
    return run;
  }
  const closes = async (ms: number): Promise<boolean> => {
    const until = now() + ms;
    while (!session.closed && now() < until) await new Promise((r) => setTimeout(r, 100));
    return session.closed;
  };
  if (run.commencedAt === undefined) {
    // killed by a signal (exit 128+N): sysupgrade ending every session can look like that (the shell got TERM and
    // the server still said so); the session closing right after is the drop, not a refusal
    if (run.exitCode !== undefined && run.exitCode >= 128 && (await closes(3000))) {
      run.dropped = true;
      run.commencedAt = closedAt ?? now();
    }
    return run; // otherwise it refused after all
  }
  // it said it is writing and its command ended, but the session is still there: give the router 10 s to close
  // it, then leave it to the wait (newer sysupgrade hands the write to procd and returns)
  if (await closes(10_000)) run.dropped = true;
  return run;
}

/** What one look at the router found (the net capability's probe, evidence gathered after `since` only). */
export interface RouterSign {
  at: number;
  /** Its system runs: ping answered, a fresh ARP answer, or a port refused (a kernel that sends resets). */
  alive: boolean;
  /** How it showed it is alive, in plain words ("answers ping"), for the evidence. */
  aliveBy: string[];
  /** Ports that accepted a connection: a service is up (SSH, web page, telnet). */
  open: number[];
  /** The neighbour table had an entry that was not confirmed since the drop (not counted). */
  staleArp: boolean;
}

export type WaitPhase = 'writing' | 'restarting' | 'starting' | 'back';

export interface WaitResult {
  back: boolean;
  wentAwayAt?: number;
  /** First sign of life (ping/ARP/refused port) after it was gone: its system is starting. */
  aliveAt?: number;
  aliveBy?: string[];
  backAt?: number;
  port?: number;
  /** An ARP entry from before the restart was seen and not counted. */
  staleArp?: boolean;
}

export type RouterProbe = (host: string, o: { tcpPorts: number[]; timeoutMs: number; freshSince: number }) => Promise<ProbeResult>;

/** A probe's answer as a sign of the router: alive (ping, fresh ARP, a refused port) and ready (an open port). */
export function signOf(r: ProbeResult, ports: number[], at: number, host?: string): RouterSign {
  const open = ports.filter((p) => r.tcp[String(p)] === true);
  // A loopback address (the practice router, 127.0.0.0/8) is answered by this computer's own kernel: ping always
  // answers and a closed port is refused whether the router runs or not. Only an open port is the router there.
  if (host && /^127\./.test(host)) return { at, alive: open.length > 0, aliveBy: [], open, staleArp: false };
  const answers = [...(r.icmp ? ['ping'] : []), ...(r.arpMac ? [`ARP (${r.arpMac})`] : [])];
  const aliveBy = [...(answers.length ? [`answers ${answers.join(' and ')}`] : []), ...(r.tcpRefused.length ? [`refuses connections on port ${r.tcpRefused.join(', ')}`] : [])];
  return { at, alive: aliveBy.length > 0 || open.length > 0, aliveBy, open, staleArp: r.arpStale === true };
}

/**
 * Wait for the router, once a second, with the net capability's probe (ping, ARP, TCP 22/80/23): first until
 * nothing answers at all (it is writing, then restarting — while it writes its old system may still answer ping
 * with every service stopped), then until a service answers again. A ping or ARP answer after it was gone means
 * its system is starting ("starting": waiting for its login); only an open port is "back". Only evidence gathered
 * after the drop (`startedAt`) counts: the neighbour table may still hold the router from before. A router never
 * seen gone is taken as gone after 60 s (it may restart faster than we look). `tick` gets the elapsed time and
 * the phase once a round.
 */
export async function waitForRouter(
  host: string,
  o: { probe: RouterProbe; timeoutMs: number; startedAt: number; tick: (elapsedMs: number, phase: WaitPhase, sign: RouterSign) => void; signal?: AbortSignal; ports?: number[]; now?: () => number },
): Promise<WaitResult> {
  const now = o.now ?? Date.now;
  const ports = o.ports ?? [22, 80, 23];
  const res: WaitResult = { back: false };
  let gone: number | undefined;
  // the router answered while none of its services did: sysupgrade stopped them to write. A service answering
  // after that is the router back, even when its dark moment fell between two looks (a fast restart, a busy
  // computer); without this it would only count after the 60 s fallback.
  let servicesStopped = false;
  const assumeGoneAfter = 60_000;
  while (now() - o.startedAt < o.timeoutMs) {
    if (o.signal?.aborted) return res;
    const t0 = now();
    let sign: RouterSign;
    try {
      sign = signOf(await o.probe(host, { tcpPorts: ports, timeoutMs: 800, freshSince: o.startedAt }), ports, now(), host);
    } catch {
      sign = { at: now(), alive: false, aliveBy: [], open: [], staleArp: false }; // could not look (no route now): nothing seen
    }
    if (sign.staleArp) res.staleArp = true;
    let phase: WaitPhase;
    if (!sign.alive) {
      if (gone === undefined) res.wentAwayAt = gone = sign.at;
      phase = 'restarting';
    } else if (sign.open.length && (gone !== undefined || servicesStopped || sign.at - o.startedAt > assumeGoneAfter)) {
      res.back = true;
      res.backAt = sign.at;
      res.port = sign.open[0];
      o.tick(sign.at - o.startedAt, 'back', sign);
      return res;
    } else if (gone !== undefined) {
      if (res.aliveAt === undefined) {
        res.aliveAt = sign.at;
        res.aliveBy = sign.aliveBy;
      }
      phase = 'starting';
    } else {
      if (!sign.open.length) servicesStopped = true;
      phase = 'writing';
    }
    o.tick(sign.at - o.startedAt, phase, sign);
    const wait = 1000 - (now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return res;
}

export interface OpenwrtNow {
  release?: string;
  boardName?: string;
  bootPart?: string;
  hostKeyNote?: string;
  session: Session;
}

/**
 * Log in again after the router restarted. After -n the router made a new SSH host key: we caused that, so the
 * old key is forgotten first and the new one remembered, with a note, never the "changed key" alarm. When
 * settings were kept, the key must be the same one, and a different key stays the alarm it is.
 */
export async function loginAgain(target: SessionTarget, dataDir: string, keptSettings: boolean): Promise<Session> {
  let note: Said | undefined;
  if (!keptSettings && target.method !== 'telnet' && target.hostKeyPolicy === 'remember') {
    if (forgetHostKey(knownHostsFile(dataDir), target.host, target.port ?? 22)) note = said('upgrade.said.freshHostKey');
  }
  const s = await openTarget(target, dataDir);
  if (note) {
    s.notes.push(note.text);
    s.notesMsg.push(note.msg);
  }
  return s;
}

export interface VendorAnswer {
  status: number;
  server?: string;
  title?: string;
  version?: string;
  text: string;
}

/**
 * The maker's firmware has no login here: its web server's answer on port 80 is what we can check. `localAddress`
 * (a bench slot's own address): the connection leaves from it, so it reaches the router on the slot's card only.
 */
export function vendorWebAnswer(host: string, wantVersion?: string, timeoutMs = 5000, port = 80, localAddress?: string): Promise<VendorAnswer> {
  return new Promise((resolve, reject) => {
    // no keep-alive agent: a pooled socket could have been opened from another address
    const req = http.get({ host, port, path: '/', timeout: timeoutMs, agent: false, ...(localAddress ? { localAddress } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < 256 * 1024) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const out: VendorAnswer = { status: res.statusCode ?? 0, text: text.slice(0, 2000) };
        if (res.headers.server) out.server = String(res.headers.server).slice(0, 200);
        const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(text)?.[1]?.trim();
        if (title) out.title = title;
        if (wantVersion && text.includes(wantVersion)) out.version = wantVersion;
        else {
          const v = /(?:firmware\s*version|fw\s*ver(?:sion)?)\W{0,20}(\d+(?:\.\d+){2,})/i.exec(text)?.[1];
          if (v) out.version = v;
        }
        resolve(out);
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within ' + Math.round(timeoutMs / 1000) + ' s')));
    req.on('error', reject);
  });
}
