/**
 * U-Boot automation: stop autoboot, read printenv and bdinfo, choose a load address, set the network,
 * serve the file from OUR TFTP server bound to the server address, tftpboot it with progress from the marks,
 * verify size and crc32 against this computer's, then (when asked) boot it with the command that fits the
 * image and follow the kernel log to a shell or a known prompt. Never saveenv, never writes flash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UbootProgressSchema, UbootRun, UbootRunRequest, UbootStep, UbootStepName } from '../../../src-shared/capabilities/uboot/contract';
import type { z } from 'zod';
import { RbFault, fault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import { said, wordsMsg, wordsText, type Said, type Words } from '../../../src-shared/i18n/said';
import { bootCommandFor, chooseLoadAddress, crc32, hex, inspectBootImage, parseBdinfo, parseCrc32, parsePrintenv, safeUbootValue, TftpProgress } from '../../../src-shared/capabilities/uboot/parser';
import type { WatchMatch } from '../../../src-shared/capabilities/serial';
import { startTftpServer, type TftpServer } from '../tftp';
import type { SerialService } from '../serial';
import { Cancelled, UbootConsole } from './console';

export type UbootProgress = z.infer<typeof UbootProgressSchema>;

export interface UbootEvents {
  step(s: UbootStep): void;
  progress(p: UbootProgress): void;
  run(r: UbootRun): void;
}

export interface RunTimings {
  /** When the autoboot countdown was recognised and when our stop key went out (ms, performance clock). */
  autobootSeenAt?: number;
  stopSentAt?: number;
}

let nextRun = 1;

/** A fault whose words are in the catalogue (src-shared/capabilities/uboot/messages), with its raw evidence as details. */
const failWith = (code: string, values: Record<string, string | number>, details?: string): RbFault => fault(code, values, details ? { details } : {});

/** Run one U-Boot sequence on an open serial session. Resolves with the final run record (never rejects). */
export async function runUboot(serial: SerialService, req: UbootRunRequest, events: UbootEvents, signal?: AbortSignal, timings: RunTimings = {}): Promise<UbootRun> {
  const runId = `u${nextRun++}`;
  const run: UbootRun = { runId, sessionId: req.sessionId, file: req.file, state: 'running', steps: [], startedAt: Date.now() };
  events.run(structuredClone(run));
  const step = (name: UbootStepName, state: UbootStep['state'], words: Words, detail?: UbootStep['detail'], error?: RbErrorShape): void => {
    const msg = wordsMsg(words);
    const s: UbootStep = { runId, step: name, state, message: wordsText(words), ...(msg ? { msg } : {}), at: Date.now(), ...(detail ? { detail } : {}), ...(error ? { error } : {}) };
    const i = run.steps.findIndex((x) => x.step === name);
    if (i >= 0) run.steps[i] = s;
    else run.steps.push(s);
    events.step(s);
  };
  let current: UbootStepName = 'check-file';
  let server: TftpServer | undefined;
  let tmpDir: string | undefined;
  const con = new UbootConsole(serial, req.sessionId, signal);
  try {
    // The file first: a missing file should fail before the router is touched.
    let image: Buffer;
    try {
      image = fs.readFileSync(req.file);
    } catch (err) {
      throw failWith('UBOOT_FILE_MISSING', { file: req.file }, (err as Error).message);
    }
    const info = inspectBootImage(image);
    const hostCrc = crc32(image);
    const kind = info.kind === 'arm64-image' ? 'arm64Image' : info.kind;
    step('check-file', 'done', said('uboot.said.checkFile', { file: path.basename(req.file), size: mib(image.length), kind }), { size: image.length, imageKind: info.kind, hostCrc32: hostCrc.toString(16).padStart(8, '0'), ...(info.kernelLoad !== undefined ? { kernelLoad: hex(info.kernelLoad) } : {}) });

    // 1. Stop autoboot.
    current = 'stop-autoboot';
    step('stop-autoboot', 'running', said('uboot.said.waiting', { seconds: req.waitSeconds }));
    const stopped = await stopAutoboot(serial, con, req.waitSeconds * 1000, timings);
    step('stop-autoboot', 'done', stopped.how, { prompt: con.prompt, ...(stopped.stopWith ? { stopWith: stopped.stopWith } : {}), ...(timings.stopSentAt !== undefined && timings.autobootSeenAt !== undefined ? { reactionMs: Math.round((timings.stopSentAt - timings.autobootSeenAt) * 1000) / 1000 } : {}) });

    // 2. Environment.
    current = 'read-env';
    step('read-env', 'running', said('uboot.said.readingEnv'));
    const env = parsePrintenv(await con.command('printenv', 10_000));
    const n = Object.keys(env.vars).length;
    if (!n) throw failWith('UBOOT_ENV_EMPTY', {}, con.since.slice(-2000));
    step('read-env', 'done', said('uboot.said.readEnv', { n }), { count: n, ...pick(env.vars, ['loadaddr', 'kernel_addr_r', 'ramdisk_addr_r', 'fdtcontroladdr', 'bootcmd', 'bootdelay', 'ethaddr', 'ipaddr', 'serverip']) });

    // 3. Memory.
    current = 'read-memory';
    step('read-memory', 'running', said('uboot.said.readingMemory'));
    const bd = parseBdinfo(await con.command('bdinfo', 10_000));
    const dramText = bd.dram.map((d) => `${hex(d.start)}–${hex(d.start + d.size - 1)} (${Math.round(d.size / 1048576)} MiB)`).join(', ');
    step('read-memory', 'done', bd.dram.length ? said('uboot.said.memory', { dram: dramText }) : said('uboot.said.noMemory'), {
      dram: dramText,
      ...(bd.relocaddr !== undefined ? { relocaddr: hex(bd.relocaddr) } : {}),
      reserved: bd.reserved.map((r) => `${hex(r.start)}–${hex(r.start + r.size - 1)}`).join(', '),
    });

    // 4. Load address.
    current = 'choose-load-address';
    const choice = chooseLoadAddress({ env: env.vars, bd, imageSize: image.length, image: info, ...(req.loadAddr ? { explicit: parseInt(req.loadAddr.slice(2), 16) } : {}) });
    step('choose-load-address', 'done', choice.reason, { address: hex(choice.address), source: choice.source, imageKind: info.kind, ...(info.kernelLoad !== undefined ? { kernelLoad: hex(info.kernelLoad) } : {}), rejected: choice.rejected.map((r) => `${r.name} ${hex(r.address)}: ${r.why}`).join('; ') });

    // 5. Network.
    current = 'set-network';
    step('set-network', 'running', said('uboot.said.setNetwork', { ip: req.ip, serverIp: req.serverIp }));
    for (const [k, v] of [['ipaddr', req.ip], ['serverip', req.serverIp], ['netmask', req.netmask]] as const) await con.command(`setenv ${k} ${safeUbootValue(v)}`, 5000);
    // a server off port 69 (no privileges needed): U-Boot's CONFIG_TFTP_PORT reads the port from tftpdstp
    if (req.tftpPort !== 69) await con.command(`setenv tftpdstp ${req.tftpPort}`, 5000);
    step('set-network', 'done', said('uboot.said.networkSet', { ip: req.ip, serverIp: req.serverIp }), { ipaddr: req.ip, serverip: req.serverIp, netmask: req.netmask });

    // 6. Our TFTP server, bound to the server address only, serving only this one file.
    current = 'start-server';
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uboot-'));
    const name = path.basename(req.file).replace(/[^\w.+-]/g, '_') || 'image.bin';
    fs.writeFileSync(path.join(tmpDir, name), image);
    server = await startTftpServer({ root: tmpDir, bind: req.serverIp, port: req.tftpPort });
    let blksize = 1468;
    server.on('transfer', (e) => {
      if (e.transfer.file.replace(/^\/+/, '') === name) blksize = e.transfer.options.blksize;
    });
    step('start-server', 'done', said('uboot.said.serving', { file: name, address: server.address, port: server.port }), { address: server.address, port: server.port, file: name });

    // 7. tftpboot with progress from the marks.
    current = 'tftpboot';
    step('tftpboot', 'running', said('uboot.said.sending', { file: name, size: mib(image.length) }));
    const prog = new TftpProgress();
    let lastEmit = 0;
    const emitProgress = (force = false): void => {
      const now = Date.now();
      if (!force && now - lastEmit < 100) return;
      lastEmit = now;
      const bytes = prog.estimate(image.length, blksize);
      run.progress = { runId, bytes, total: image.length, percent: Math.min(100, Math.round((bytes / Math.max(1, image.length)) * 1000) / 10), timeouts: prog.state.timeouts, ...(prog.state.rate ? { rate: prog.state.rate } : {}) };
      events.progress(run.progress);
    };
    emitProgress(true);
    const tftpTimeout = 60_000 + Math.ceil(image.length / (50 * 1024)) * 1000;
    try {
      await con.command(`tftpboot ${hex(choice.address)} ${name}`, tftpTimeout, { onText: (t) => prog.feed(t) && emitProgress() });
    } catch (err) {
      if (err instanceof RbFault && err.code === 'UBOOT_TIMEOUT') await con.interrupt();
      throw err;
    }
    emitProgress(true);
    const st = prog.state;
    if (st.error) throw failWith('UBOOT_TFTP_ERROR', { reason: st.error.message, notFound: st.error.code === 1 ? 'yes' : 'no' }, JSON.stringify(st));
    if (st.bytesTransferred === undefined) {
      const noReply = st.timeouts > 0 || st.retryExceeded;
      throw failWith('UBOOT_TFTP_INCOMPLETE', { noReply: noReply ? 'yes' : 'no', serverIp: req.serverIp, port: String(req.tftpPort) }, con.since.slice(-2000));
    }
    // The router prints "Bytes transferred" once it has sent its last ACK, which may not have reached our server yet:
    // give the server up to 2 s to count it, so serverBytes is its final count and not a progress mark.
    const serverBytes = (await server.settled(name, 2000))?.bytes ?? 0;
    step('tftpboot', 'done', said('uboot.said.received', { bytes: st.bytesTransferred, rate: st.rate ?? 'none' }), { bytes: st.bytesTransferred, serverBytes, hashes: st.hashes, timeouts: st.timeouts, blksize, ...(st.rate ? { rate: st.rate } : {}) });

    // 8. Verify size and CRC.
    current = 'verify';
    step('verify', 'running', said('uboot.said.verifying'));
    if (st.bytesTransferred !== image.length) {
      throw failWith('UBOOT_SIZE_MISMATCH', { got: String(st.bytesTransferred), size: String(image.length) });
    }
    const crcOut = await con.command(`crc32 ${hex(choice.address)} ${image.length.toString(16)}`, 30_000);
    const routerCrc = parseCrc32(crcOut);
    if (!routerCrc) {
      step('verify', 'done', said('uboot.said.sizeOnly', { size: image.length }), { size: image.length, hostCrc32: hostCrc.toString(16).padStart(8, '0'), crc32: 'unavailable' });
    } else if (routerCrc.crc !== hostCrc) {
      throw failWith('UBOOT_CRC_MISMATCH', { there: routerCrc.crc.toString(16), here: hostCrc.toString(16) });
    } else {
      step('verify', 'done', said('uboot.said.verified', { size: image.length, crc: hostCrc.toString(16).padStart(8, '0') }), { size: image.length, hostCrc32: hostCrc.toString(16).padStart(8, '0'), routerCrc32: routerCrc.crc.toString(16).padStart(8, '0') });
    }
    await server.close();
    server = undefined;

    // 9. Boot.
    if (!req.boot) {
      step('boot', 'skipped', said('uboot.said.notBooting', { address: hex(choice.address) }));
    } else {
      current = 'boot';
      if (!info.bootCommand) throw failWith('UBOOT_UNKNOWN_IMAGE', {}, info.notes.join('; '));
      if (req.bootargs !== undefined) await con.command(`setenv bootargs ${safeUbootValue(req.bootargs)}`, 5000);
      // A FIT that carries its device tree needs nothing else; other kernels get the bootloader's own device tree,
      // whose address comes from the router's environment: only a plain hex address is typed (decision 0008).
      const boot = bootCommandFor(info, choice.address, env.vars);
      if (!boot.ok)
        throw failWith('UBOOT_BAD_FDT_ADDRESS', { address: hex(choice.address), command: info.bootCommand }, `fdtcontroladdr=${JSON.stringify(boot.value.slice(0, 200))}`);
      const cmd = boot.command;
      step('boot', 'running', said('uboot.said.booting', { cmd, command: info.bootCommand ?? 'booti' }), { command: cmd });
      con.mark();
      const started = con.waitMatch((m) => m.kind === 'kernel-start' || m.kind === 'uboot-prompt', 60_000, 'start the kernel');
      await con.write(`${cmd}\r`);
      const first = await started;
      if (first.kind === 'uboot-prompt') throw failWith('UBOOT_BOOT_REFUSED', {}, con.since.slice(-2000));
      step('boot', 'done', said('uboot.said.kernelStarting'), { command: cmd });
      current = 'follow-boot';
      step('follow-boot', 'running', said('uboot.said.following'));
      const end = await con.waitMatch((m) => ['shell-prompt', 'login-prompt', 'console-activate', 'password-prompt', 'kernel-panic', 'uboot-prompt', 'failsafe-entered'].includes(m.kind), 240_000, 'finish starting');
      const version = /Linux version (\S+)/.exec(con.since)?.[1];
      if (end.kind === 'kernel-panic') throw failWith('UBOOT_KERNEL_PANIC', { reason: end.detail ?? 'kernel panic' }, end.text);
      if (end.kind === 'uboot-prompt') throw failWith('UBOOT_BOOT_RETURNED', {}, con.since.slice(-2000));
      step('follow-boot', 'done', describeEnd(end), { reached: end.kind, ...(end.prompt ? { prompt: end.prompt } : {}), ...(version ? { kernel: version } : {}) });
    }
    run.state = 'done';
  } catch (err) {
    if (err instanceof Cancelled || signal?.aborted) {
      run.state = 'cancelled';
      step(current, 'failed', said('uboot.said.stoppedByYou'));
      await con.interrupt(1500).catch(() => false);
    } else {
      run.state = 'failed';
      run.error = toErrorShape(err);
      if (err instanceof RbFault && err.code === 'UBOOT_TIMEOUT') run.error = explainTimeout(current, err, req);
      step(current, 'failed', run.error.message, undefined, run.error);
    }
  } finally {
    con.detach();
    if (server) await server.close().catch(() => undefined);
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    run.endedAt = Date.now();
    events.run(structuredClone(run));
  }
  return run;
}

/**
 * Watch for the countdown (or a prompt) and answer at once: the key is written from inside the watcher
 * callback, before anything else handles the bytes. A Ctrl-C first, in case the router sits at its prompt
 * already (Ctrl-C runs nothing, unlike Enter).
 */
async function stopAutoboot(serial: SerialService, con: UbootConsole, timeoutMs: number, timings: RunTimings): Promise<{ how: Said; stopWith?: string }> {
  let stopWith: string | undefined;
  const off = serial.onMatch(con.sessionId, (m) => {
    if (m.kind !== 'uboot-autoboot' || stopWith !== undefined) return;
    timings.autobootSeenAt = performance.now();
    // once per countdown: the console's auto-stop may have answered it already (then nothing is sent twice)
    serial.answerCountdown(con.sessionId, m);
    stopWith = m.stopWith && m.stopWith !== 'any' ? m.stopWith : ' ';
    timings.stopSentAt = performance.now();
  });
  try {
    const start = con.matches.length;
    const first = con.waitMatch((m) => m.kind === 'uboot-autoboot' || m.kind === 'uboot-prompt', timeoutMs, 'show its bootloader', start);
    await serial.write(con.sessionId, Buffer.from([0x03])).catch(() => undefined);
    const m = await first;
    if (m.kind === 'uboot-prompt') return { how: said('uboot.said.atPrompt', { prompt: m.prompt?.trimEnd() ?? '' }) };
    const after = con.matches.findIndex((x, i) => i >= start && x.m === m) + 1;
    if (!(await con.waitMatch((x) => x.kind === 'uboot-prompt', 5000, 'stop its countdown', after).then(() => true, () => false))) {
      // a keyed build may want the string again, or the key fell between two reads: one Ctrl-C, never Enter
      if (!(await con.interrupt(3000))) throw new RbFault({ code: 'UBOOT_TIMEOUT', message: 'The router did not stop its countdown.' });
    }
    return { how: stopWith && stopWith !== ' ' ? said('uboot.said.stoppedWith', { key: stopWith }) : said('uboot.said.stopped'), ...(stopWith ? { stopWith: stopWith === ' ' ? 'any key' : stopWith } : {}) };
  } finally {
    off();
  }
}

function explainTimeout(stepName: UbootStepName, err: RbFault, req: UbootRunRequest): RbErrorShape {
  const details = err.details ? { details: err.details } : {};
  const step = stepName === 'stop-autoboot' ? 'stopAutoboot' : stepName === 'tftpboot' ? 'tftpboot' : stepName === 'follow-boot' || stepName === 'boot' ? 'boot' : 'command';
  return fault('UBOOT_TIMEOUT', { step, ...(step === 'stopAutoboot' ? { seconds: req.waitSeconds } : {}), ...(step === 'tftpboot' ? { serverIp: req.serverIp } : {}) }, details).toShape();
}

function describeEnd(m: WatchMatch): Said {
  switch (m.kind) {
    case 'shell-prompt':
      return said('uboot.said.end.shell', { prompt: m.prompt?.trimEnd() ?? 'shell' });
    case 'login-prompt':
      return said('uboot.said.end.login');
    case 'password-prompt':
      return said('uboot.said.end.password');
    case 'console-activate':
      return said('uboot.said.end.activate');
    case 'failsafe-entered':
      return said('uboot.said.end.failsafe');
    default:
      return said('uboot.said.end.started');
  }
}

function pick(o: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k]!.slice(0, 300);
  return out;
}

const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;

/** The U-Boot capability as the app uses it: runs on open sessions, one at a time per session. */
export class UbootService {
  private runs = new Map<string, { run: UbootRun; abort: AbortController }>();
  private latest: UbootRun[] = [];

  constructor(
    private readonly serial: SerialService,
    private readonly events: UbootEvents,
  ) {}

  start(req: UbootRunRequest): Promise<UbootRun> {
    for (const r of this.runs.values()) {
      if (r.run.sessionId === req.sessionId) {
        throw fault('UBOOT_BUSY');
      }
    }
    this.serial.get(req.sessionId); // throws the plain-words error when the session is not open
    const abort = new AbortController();
    return new Promise((resolveStarted) => {
      let first = true;
      const relay: UbootEvents = {
        step: (s) => {
          const r = this.latest.find((x) => x.runId === s.runId);
          if (r) {
            const i = r.steps.findIndex((x) => x.step === s.step);
            if (i >= 0) r.steps[i] = s;
            else r.steps.push(s);
          }
          this.events.step(s);
        },
        progress: (p) => {
          const r = this.latest.find((x) => x.runId === p.runId);
          if (r) r.progress = p;
          this.events.progress(p);
        },
        run: (r) => {
          this.remember(r);
          if (first) {
            first = false;
            this.runs.set(r.runId, { run: r, abort });
            resolveStarted(r);
          } else if (r.state !== 'running') this.runs.delete(r.runId);
          this.events.run(r);
        },
      };
      void runUboot(this.serial, req, relay, abort.signal);
    });
  }

  cancel(runId: string): void {
    const r = this.runs.get(runId);
    if (!r) throw fault('UBOOT_NO_RUN');
    r.abort.abort();
  }

  status(): UbootRun[] {
    return [...this.latest];
  }

  private remember(r: UbootRun): void {
    this.latest = [r, ...this.latest.filter((x) => x.runId !== r.runId)].slice(0, 20);
  }

  dispose(): void {
    for (const r of this.runs.values()) r.abort.abort();
  }
}
