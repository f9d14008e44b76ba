import net from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { RbFault, fault } from '../../src-shared/errors';
import { said, type SaidMessage } from '../../src-shared/i18n';
import { TelnetDecoder, telnetEscape } from './telnet-protocol';
import { commandCancelledFault, commandTimeoutFault, connectFault, exitStatusLostFault, routerHasNoNcFault, sessionLostFault, type LostWhile } from './faults';
import { listenForRouter } from './reverse-stream';
import { textNotSendableFault, unsendableChar, type RouterTextKind } from './router-text';
import type { ExecOptions, ExecResult, Pull, PullOptions, Session, SessionOptions } from './types';

/* Markers are written by the router's shell as "__RB_" + suffix; the echoed command line contains them
   split by quotes ("__RB_""S7"), so an echo can never be mistaken for output. */
const M = '__RB_';

function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b[()][A-Za-z0-9]/g, '');
}

const LOGIN_RE = /(login|user ?name)\s*:\s*$/i;
const PASSWORD_RE = /password\s*:\s*$/i;
const PROMPT_RE = /[#$>%]\s*$/;
const REFUSED_RE = /(login incorrect|login failed|access denied|authentication failure)/i;

/** Refuse text the router's terminal would act on (a line break would run the rest as a command); see router-text.ts. */
function notSendable(host: string, kind: RouterTextKind, text: string): RbFault | undefined {
  const p = unsendableChar(text);
  return p ? textNotSendableFault(host, kind, p) : undefined;
}

export async function openTelnet(opts: SessionOptions, port: number): Promise<Session> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const refused = notSendable(opts.host, 'user name', opts.user ?? 'root') ?? notSendable(opts.host, 'password', opts.password ?? '');
  if (refused) throw refused;
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host: opts.host, port, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    const t = setTimeout(() => {
      s.destroy();
      reject(connectFault(Object.assign(new Error('connect timed out'), { code: 'CONNECT_TIMEOUT' }), opts.host, port, 'telnet'));
    }, timeoutMs);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
    s.once('error', (err) => {
      clearTimeout(t);
      reject(connectFault(err, opts.host, port, 'telnet'));
    });
  });
  socket.setNoDelay(true);
  const session = new TelnetSession(socket, opts.host, port, opts.callbackAddress ?? socket.localAddress?.replace(/^::ffff:/, '') ?? '');
  try {
    await session.login(opts.user ?? 'root', opts.password ?? '', timeoutMs);
  } catch (err) {
    socket.destroy();
    throw err;
  }
  return session;
}

class TelnetSession implements Session {
  readonly method = 'telnet' as const;
  banner = '';
  readonly hostKey = undefined;
  readonly notes: string[] = [said('session.note.telnetPlain').text];
  readonly notesMsg: SaidMessage[] = [said('session.note.telnetPlain').msg];
  closed = false;
  private text = ''; // decoded data not yet consumed, as latin1 (one char per byte)
  private readonly decoder = new TelnetDecoder();
  private wake: (() => void) | undefined;
  private closeCbs: Array<(r?: Error) => void> = [];
  private lastError: Error | undefined;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The terminal turns \n into \r\n unless `stty -opost` worked. */
  private crlf = true;
  /** How this router runs nc ('nc' or 'busybox nc'), found on the first copy; null: it has none. */
  private ncCommand: Promise<string | null> | undefined;

  constructor(
    private readonly socket: net.Socket,
    readonly host: string,
    readonly port: number,
    private readonly callbackAddress: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      const { data, reply } = this.decoder.feed(chunk);
      if (reply.length) socket.write(reply);
      if (data.length) {
        this.text += data.toString('latin1');
        this.wake?.();
      }
    });
    socket.on('error', (err) => {
      this.lastError = err;
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
      for (const cb of this.closeCbs.splice(0)) cb(this.lastError);
    });
  }

  onClose(cb: (reason?: Error) => void): void {
    if (this.closed) cb(this.lastError);
    else this.closeCbs.push(cb);
  }

  /** Text goes out as UTF-8 (what SSH clients and LuCI send), so a password set here is the one typed later. */
  private send(line: string): void {
    this.socket.write(telnetEscape(Buffer.from(line, 'utf8')));
  }

  /** Wait until `test` finds something in the received text, new data arrives, or time runs out. */
  private async waitUntil<T>(test: () => T | undefined, timeoutMs: number, what: LostWhile, signal?: AbortSignal): Promise<T> {
    const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
    for (;;) {
      const r = test();
      if (r !== undefined) return r;
      if (this.closed) throw sessionLostFault(this.host, what, this.lastError?.message);
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { code: 'WAIT_ABORTED' });
      const left = deadline - Date.now();
      if (left <= 0) throw Object.assign(new Error('timeout'), { code: 'WAIT_TIMEOUT' });
      await new Promise<void>((resolve) => {
        let t: NodeJS.Timeout | undefined;
        const wake = (): void => {
          clearTimeout(t);
          signal?.removeEventListener('abort', wake);
          if (this.wake === wake) this.wake = undefined;
          resolve();
        };
        if (left !== Infinity) t = setTimeout(wake, left);
        this.wake = wake;
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  async login(user: string, password: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let nudged = false;
    let sentUser = false;
    let sentPassword = 0;
    let seen = '';
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw fault('LOGIN_NO_PROMPT', { host: this.host }, { details: `Received: ${JSON.stringify(stripAnsi(seen).slice(-500))}` });
      try {
        // Settle: wait for a quiet moment so we judge the whole screen, not half a line.
        const before = this.text.length;
        await this.waitUntil(() => (this.text.length !== before ? true : undefined), Math.min(left, 400), 'login');
        continue;
      } catch (err) {
        if ((err as { code?: string }).code !== 'WAIT_TIMEOUT') throw err;
      }
      seen += this.text;
      this.text = '';
      const tail = stripAnsi(seen).replace(/\r/g, '').slice(-200);
      if (REFUSED_RE.test(tail) && (sentUser || sentPassword))
        throw fault('AUTH_FAILED', { host: this.host, method: 'telnet' }, { details: tail });
      if (PASSWORD_RE.test(tail)) {
        if (sentPassword >= 1) continue;
        sentPassword++;
        this.send(password + '\r\n');
        seen = '';
        continue;
      }
      if (LOGIN_RE.test(tail)) {
        if (sentUser && sentPassword === 0 && /incorrect/i.test(tail)) continue;
        sentUser = true;
        this.send(user + '\r\n');
        seen = '';
        continue;
      }
      if (PROMPT_RE.test(tail)) {
        this.banner = stripAnsi(seen).replace(/\r/g, '').trim();
        break;
      }
      if (!nudged && Date.now() > deadline - timeoutMs + 1500) {
        nudged = true;
        this.send('\r\n');
      }
    }
    // A quiet, byte-exact shell: no echo, no \n -> \r\n, no prompt noise. Busybox ash reads plain lines
    // when echo is off. If stty is missing we still work: markers ignore echo and we undo \r\n ourselves.
    this.send(`stty -echo -opost 2>/dev/null; PS1=''; PS2=''; export PS1 PS2; unset HISTFILE\r\n`);
    await this.sync(Math.max(3000, deadline - Date.now()));
    const probe = await this.execNow(`printf 'a\\nb\\n'`, 10_000);
    this.crlf = probe.stdout.includes('\r\n');
  }

  /** Drain everything until a fresh marker comes back: the shell is ready and the buffer is clean. */
  private async sync(timeoutMs: number): Promise<void> {
    const tag = `Y${++this.seq}`;
    this.send(`echo "${M}""${tag}"\r\n`);
    const needle = `${M}${tag}`;
    try {
      await this.waitUntil(() => {
        const i = this.text.search(new RegExp(`${needle}\\r?\\n`));
        if (i < 0) return undefined;
        this.text = this.text.slice(this.text.indexOf('\n', i) + 1);
        return true;
      }, timeoutMs, 'prepare');
    } catch (err) {
      if ((err as { code?: string }).code !== 'WAIT_TIMEOUT') throw err;
      throw fault('SHELL_NOT_READY', { host: this.host }, { details: stripAnsi(this.text).slice(-500) });
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  exec(cmd: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const refused = notSendable(this.host, 'command', cmd);
    if (refused) return Promise.reject(refused);
    return this.serial(() => this.execNow(cmd, opts.timeoutMs ?? 30_000, opts.signal, opts.onOutput));
  }

  private async execNow(cmd: string, timeoutMs: number, signal?: AbortSignal, onOutput?: ExecOptions['onOutput']): Promise<ExecResult> {
    if (this.closed) throw sessionLostFault(this.host, 'start', this.lastError?.message);
    if (signal?.aborted) throw commandCancelledFault(this.host);
    const id = ++this.seq;
    const start = `${M}S${id}`;
    const end = `${M}E${id}=`;
    this.send(`echo "${M}""S${id}"; ( ${cmd}\n) </dev/null 2>&1; echo "${M}""E${id}=$?"\r\n`);
    // onOutput: whole lines of the body as they arrive (a marker never spans a line break, so text before the
    // last line break that holds no end marker is output), the rest once the end marker came
    let shown = 0;
    const show = (body: string, upTo: number): void => {
      if (!onOutput || upTo <= shown) return;
      const part = body.slice(shown, upTo);
      shown = upTo;
      onOutput(Buffer.from(this.crlf ? part.replace(/\r\n/g, '\n') : part, 'latin1'), 'stdout');
    };
    try {
      const found = await this.waitUntil(() => {
        const s = this.text.indexOf(start);
        if (s < 0) return undefined;
        const bodyStart = this.text.indexOf('\n', s) + 1;
        if (bodyStart <= 0) return undefined;
        const e = this.text.indexOf(end, bodyStart);
        if (e < 0) {
          if (onOutput) show(this.text.slice(bodyStart), this.text.lastIndexOf('\n') + 1 - bodyStart);
          return undefined;
        }
        const m = /^(\d+)\r?\n/.exec(this.text.slice(e + end.length));
        if (!m) return undefined;
        const body = this.text.slice(bodyStart, e);
        this.text = this.text.slice(e + end.length + m[0].length);
        show(body, body.length);
        return { body, code: Number(m[1]) };
      }, timeoutMs, 'run', signal);
      let stdout = Buffer.from(found.body, 'latin1');
      if (this.crlf) stdout = Buffer.from(found.body.replace(/\r\n/g, '\n'), 'latin1');
      return { code: found.code, stdout, stderr: '' };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'WAIT_TIMEOUT' && code !== 'WAIT_ABORTED') throw err;
      // Ctrl-C: SIGINT to the command's process group (the terminal still handles signals), so a pipeline
      // such as the router's own hash stops with it.
      this.socket.write(Buffer.from([3]));
      try {
        await this.sync(5000);
      } catch {
        this.socket.destroy();
      }
      throw code === 'WAIT_ABORTED' ? commandCancelledFault(this.host) : commandTimeoutFault(this.host, cmd, timeoutMs);
    }
  }

  pull(cmd: string, opts: PullOptions = {}): Promise<Pull> {
    const refused = notSendable(this.host, 'command', cmd);
    if (refused) return Promise.reject(refused);
    return this.serial(() => this.pullNow(cmd, opts));
  }

  /**
   * The router's nc: the `nc` command, else busybox's applet called as `busybox nc` (firmwares that
   * install fewer applet links), else none (ROUTER_HAS_NO_NC before anything is started). Runs inside
   * serial(). The quotes split the markers, so an echoed command line can never match. Asked by running
   * it: busybox ash's `command -v nc` says yes for a compiled-in applet even when running `nc` fails.
   */
  private async nc(): Promise<string> {
    this.ncCommand ??= this.execNow(`if nc --help </dev/null 2>&1 | grep -qi usage; then echo "rbnc""=nc"; elif busybox nc --help </dev/null 2>&1 | grep -qi 'usage: nc'; then echo "rbnc""=busybox"; else echo "rbnc""=none"; fi`, 15_000).then((r) => {
      const found = /rbnc=(\w+)/.exec(r.stdout.toString('latin1'))?.[1];
      return found === 'nc' ? 'nc' : found === 'busybox' ? 'busybox nc' : null;
    });
    let nc: string | null;
    try {
      nc = await this.ncCommand;
    } catch (err) {
      this.ncCommand = undefined; // ask again next time (a timeout is not an answer)
      throw err;
    }
    if (!nc) throw routerHasNoNcFault(this.host, 'tried `nc` and `busybox nc`: neither exists');
    return nc;
  }

  private async pullNow(cmd: string, opts: PullOptions): Promise<Pull> {
    const nc = await this.nc();
    const listener = await listenForRouter(this.callbackAddress, this.host);
    const id = ++this.seq;
    const rc = `/tmp/.rb-rc-${id}`;
    const er = `/tmp/.rb-err-${id}`;
    const wrapped = `{ { ${cmd} ; } ; echo $? >${rc} ; } 2>${er} | ${nc} ${listener.address} ${listener.port}; echo "rc=$(cat ${rc} 2>/dev/null)"; cat ${er} 2>/dev/null; rm -f ${rc} ${er}`;
    const execDone = this.execNow(wrapped, 0);
    execDone.catch(() => undefined);
    let socket: net.Socket;
    try {
      socket = await Promise.race([
        listener.accepted(20_000),
        execDone.then((r): never => {
          throw noCallbackFault(this.host, r.stdout.toString('utf8'));
        }),
      ]);
    } catch (err) {
      listener.close();
      throw err;
    }
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    const idleMs = opts.idleTimeoutMs ?? 30_000;
    let idle: NodeJS.Timeout | undefined;
    let failed: Error | undefined;
    const fail = (e: Error): void => {
      if (failed) return;
      failed = e;
      clearTimeout(idle);
      socket.destroy();
      stream.destroy(e);
    };
    const arm = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(sessionLostFault(this.host, 'idle', undefined, Math.round(idleMs / 1000))), idleMs);
    };
    arm();
    // Once the data has ended, the exit status comes on the telnet connection. A cable pulled in between
    // would leave nothing to notice it (no traffic, no keepalive): wait for it only so long, then drop the
    // session (the serial queue waits on this command, and the shell's state is unknown).
    const exitMs = opts.exitTimeoutMs ?? idleMs;
    let exitTimer: NodeJS.Timeout | undefined;
    let exitKnown = false;
    let exitLost!: (e: Error) => void;
    const exitDeadline = new Promise<never>((_, reject) => (exitLost = reject));
    exitDeadline.catch(() => undefined);
    const armExit = (): void => {
      if (exitTimer || exitKnown || failed) return;
      exitTimer = setTimeout(() => {
        exitLost(exitStatusLostFault(this.host, exitMs));
        this.socket.destroy();
      }, exitMs);
    };
    socket.on('data', arm);
    socket.on('end', () => {
      clearTimeout(idle);
      socket.end(); // nc waits for our side to close before it exits
      armExit();
    });
    socket.on('close', armExit);
    socket.on('error', (e) => fail(sessionLostFault(this.host, 'copy', e.message)));
    socket.pipe(stream);
    const onLost = (): void => fail(sessionLostFault(this.host, 'copy', this.lastError?.message));
    this.onClose(onLost);
    const done = (async () => {
      let r: ExecResult;
      try {
        r = await Promise.race([execDone, exitDeadline]);
      } finally {
        exitKnown = true;
        clearTimeout(exitTimer);
      }
      const text = r.stdout.toString('utf8');
      const m = /rc=(\d*)/.exec(text);
      if (!m || m[1] === '') throw noCallbackFault(this.host, text);
      if (!socket.readableEnded && !failed) await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      clearTimeout(idle);
      listener.close();
      if (failed) throw failed;
      return { code: Number(m[1]), stderr: text.slice(m.index + m[0].length).replace(/^\n/, '') };
    })();
    done.catch((e: Error) => fail(e));
    return {
      stream,
      done,
      abort: () => {
        fail(fault('ABORTED'));
        this.socket.write(Buffer.from([3]));
      },
    };
  }

  push(cmd: string, data: Buffer | Readable, opts: ExecOptions = {}): Promise<ExecResult> {
    const refused = notSendable(this.host, 'command', cmd);
    if (refused) return Promise.reject(refused);
    return this.serial(async () => {
      const nc = await this.nc();
      const listener = await listenForRouter(this.callbackAddress, this.host);
      // `cat > FILE` (a copy into the router's /tmp): nc writes the file itself, as the wiki's
      // `nc HOST 3333 > /tmp/fw.bin` does, instead of through a pipe and a second process (a copy of every
      // byte on a router CPU; bench:upgrade). A write error still ends nc with its message and a non-zero code.
      const sink = /^cat > ('[^']*'|[A-Za-z0-9_./-]+)$/.exec(cmd)?.[1];
      const wrapped = sink ? `${nc} ${listener.address} ${listener.port} </dev/null > ${sink}` : `${nc} ${listener.address} ${listener.port} </dev/null | { ${cmd} ; }`;
      const execDone = this.execNow(wrapped, opts.timeoutMs ?? 0);
      execDone.catch(() => undefined);
      try {
        const socket = await Promise.race([
          listener.accepted(20_000),
          execDone.then((r): never => {
            throw noCallbackFault(this.host, r.stdout.toString('utf8'));
          }),
        ]);
        socket.on('error', () => undefined);
        if (Buffer.isBuffer(data)) socket.end(data);
        else data.pipe(socket);
        return await execDone;
      } finally {
        listener.close();
      }
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.onClose(() => resolve());
      try {
        this.send('exit\r\n');
      } catch {
        /* already gone */
      }
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 1000).unref();
    });
  }
}

function noCallbackFault(host: string, output: string): RbFault {
  if (/nc: not found|nc: command not found|applet not found/i.test(output)) return routerHasNoNcFault(host, output.slice(-2000));
  return fault('CALLBACK_NOT_CONNECTED', { host, port: 'none' }, { details: output.slice(-2000) });
}
