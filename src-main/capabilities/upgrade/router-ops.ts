/**
 * What an upgrade does on the router, one function per thing, over any Session (SSH or telnet): read it,
 * copy the image into /tmp with progress, compare the router's checksum of the copy, ask sysupgrade -T (and
 * ubus validate_firmware_image), start sysupgrade and notice the expected drop, wait for the router, and
 * check what runs afterwards (a new login, or the maker's web page).
 */
import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import type { DeviceInfo, DeviceTools, SessionTarget } from '../../../src-shared/capabilities/device';
import { stageCheckOf } from '../../../src-shared/capabilities/flash';
import { COMMENCING, parseRouterFacts, parseValidateJson, ROUTER_FACTS_SCRIPT, type RouterFacts, type ValidateAnswer } from '../../../src-shared/capabilities/upgrade';
import { RbFault } from '../../../src-shared/errors';
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

const pct = (done: number, total: number) => `${Math.floor((100 * done) / Math.max(1, total))}%`;

function interrupted(done: number, total: number, details: string): RbFault {
  return new RbFault({
    code: 'UPLOAD_INTERRUPTED',
    message: `The copy to the router stopped at ${pct(done, total)}.`,
    meaning: 'Nothing was written to the flash: the router still runs its old firmware. The half copy in its memory is not used.',
    fix: 'Check the cable between this computer and the router, then copy again.',
    details,
  });
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
export async function uploadImage(session: Session, o: { stagePath: string; data: Buffer; tools: DeviceTools; facts: RouterFacts; onProgress: (done: number) => void }): Promise<UploadVia> {
  const total = o.data.length;
  let done = 0;
  const progress = (n: number): void => {
    done = n;
    o.onProgress(n);
  };
  if (session.method === 'telnet' && !o.tools.nc && o.facts.wget) {
    const bind = await localAddressFacing(session.host);
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
      throw new RbFault({
        code: 'ROUTER_TMP_FULL',
        message: "The router's memory (/tmp) filled up during the copy.",
        meaning: 'Nothing was written to the flash. The image is bigger than the memory the router has free right now.',
        fix: 'Restart the router in rescue mode (failsafe), which leaves more memory free, and try again.',
        details: text.slice(0, 2000),
      });
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
    throw new RbFault({
      code: 'STAGED_COPY_UNCHECKED',
      message: 'The router could not compute the checksum of the copy in its memory.',
      meaning: 'Rescue Bench writes only a copy whose checksum it has seen match the file. Nothing was written.',
      fix: 'Copy again. If it keeps happening, restart the router and try again.',
      details: got.details,
    });
  if (got.value !== want) {
    await session.exec(`rm -f ${shQuote(o.stagePath)}`).catch(() => undefined);
    throw new RbFault({
      code: 'UPLOAD_CORRUPTED',
      message: "The copy in the router's memory is not the same as the file on this computer.",
      meaning: 'It was damaged on the way or in the router\'s memory. It was deleted; nothing was written to the flash.',
      fix: 'Check the cable and copy again. If it happens again, restart the router (its memory may be failing).',
      details: `router ${algorithm} ${got.value}, this computer ${want}`,
    });
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

const LOG = '/tmp/rb-sysupgrade.log';

export interface SysupgradeRun {
  lines: string[];
  /** The router said it is writing (COMMENCING), or the session dropped as sysupgrade closes every session. */
  commencedAt?: number;
  dropped: boolean;
  exitCode?: number;
}

/**
 * Start sysupgrade detached (its output into a log in /tmp) and read the log until the router closes the
 * session — which it does on purpose ("Commencing upgrade. Closing all shell sessions."). The drop is the
 * expected end here, not an error.
 */
export async function startSysupgrade(session: Session, o: { args: string[]; stagePath: string; onLine: (l: string) => void; timeoutMs?: number; now?: () => number }): Promise<SysupgradeRun> {
  const now = o.now ?? Date.now;
  const cmd = `sysupgrade ${o.args.join(' ')}${o.args.length ? ' ' : ''}${shQuote(o.stagePath)}`;
  const run: SysupgradeRun = { lines: [], dropped: false };
  let dropped = false;
  session.onClose(() => (dropped = true));
  await session.exec(`rm -f ${LOG}; ( ${cmd} > ${LOG} 2>&1; echo "rb-exit=$?" >> ${LOG} ) </dev/null >/dev/null 2>&1 &`, { timeoutMs: 20_000 });
  const deadline = now() + (o.timeoutMs ?? 180_000);
  let seen = 0;
  while (now() < deadline) {
    let text: string;
    try {
      if (dropped || session.closed) throw new Error('closed');
      text = (await session.exec(`cat ${LOG} 2>/dev/null`, { timeoutMs: 10_000 })).stdout.toString('utf8');
    } catch {
      run.dropped = true;
      run.commencedAt ??= now();
      return run;
    }
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    for (const l of lines.slice(seen)) {
      const m = /^rb-exit=(\d+)$/.exec(l);
      if (m) {
        run.exitCode = Number(m[1]);
        continue;
      }
      run.lines.push(l);
      o.onLine(l);
      if (l.includes(COMMENCING)) run.commencedAt ??= now();
    }
    seen = lines.length;
    if (run.exitCode !== undefined && run.commencedAt === undefined) return run; // it refused after all
    // it said it is writing and its command ended, but the session is still there: give the router 10 s to
    // close it, then leave it to the wait (newer sysupgrade hands the write to procd and returns)
    if (run.exitCode !== undefined && run.commencedAt !== undefined && now() - run.commencedAt > 10_000) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  return run;
}

/** One TCP connect with a short time limit: does anything answer on host:port? */
export function tcpAnswers(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export interface WaitResult {
  back: boolean;
  wentAwayAt?: number;
  backAt?: number;
  port?: number;
}

/**
 * Wait for the router: first until it stops answering (it is writing and restarting), then until it answers
 * again on TCP 22, 23 or 80. A router never seen gone is taken as gone after 60 s. `tick` gets the elapsed time once a second.
 */
export async function waitForRouter(host: string, o: { timeoutMs: number; startedAt: number; tick: (elapsedMs: number, phase: 'writing' | 'restarting' | 'back') => void; signal?: AbortSignal; ports?: number[]; now?: () => number }): Promise<WaitResult> {
  const now = o.now ?? Date.now;
  const ports = o.ports ?? [22, 80, 23];
  const res: WaitResult = { back: false };
  // the dropped session alone is not "gone": for a moment after it the old system may still answer (its web
  // server, a dropbear that is not dead yet); only a round with no answer at all counts
  let gone: number | undefined;
  // a router that never seemed to go away is taken as gone after this long (it may restart faster than we look)
  const assumeGoneAfter = 60_000;
  while (now() - o.startedAt < o.timeoutMs) {
    if (o.signal?.aborted) return res;
    const t0 = now();
    const answers = await Promise.all(ports.map((p) => tcpAnswers(host, p)));
    const port = ports.find((_, i) => answers[i]);
    if (port === undefined) {
      if (!gone) res.wentAwayAt = gone = now();
    } else if (gone || now() - o.startedAt > assumeGoneAfter) {
      res.back = true;
      res.backAt = now();
      res.port = port;
      o.tick(now() - o.startedAt, 'back');
      return res;
    }
    o.tick(now() - o.startedAt, gone ? 'restarting' : 'writing');
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
  let note: string | undefined;
  if (!keptSettings && target.method !== 'telnet' && target.hostKeyPolicy === 'remember') {
    if (forgetHostKey(knownHostsFile(dataDir), target.host, target.port ?? 22)) note = 'The router was set up fresh (settings not kept), so it made a new SSH key: expected, Rescue Bench remembered the new one.';
  }
  const s = await openTarget(target, dataDir);
  if (note) s.notes.push(note);
  return s;
}

export interface VendorAnswer {
  status: number;
  server?: string;
  title?: string;
  version?: string;
  text: string;
}

/** The maker's firmware has no login here: its web server's answer on port 80 is what we can check. */
export function vendorWebAnswer(host: string, wantVersion?: string, timeoutMs = 5000, port = 80): Promise<VendorAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/', timeout: timeoutMs }, (res) => {
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
