import net from 'node:net';
import { Readable } from 'node:stream';
import type { AnyAuthMethod, Client, ClientChannel, ConnectConfig } from 'ssh2';
import { RbFault, fault } from '../../src-shared/errors';
import { said, type Said, type SaidMessage } from '../../src-shared/i18n';
import { KnownHosts, keyAlgorithm, keyFingerprint } from './known-hosts';
import { lookupRouterMac } from '../platform/neighbour';
import { commandCancelledFault, commandTimeoutFault, connectFault, sessionLostFault, type LostWhile } from './faults';
import { corkPerRead, leanPackets, sendWhenRoom, sshCryptoReady } from './ssh-send-path';
import type { ExecOptions, ExecResult, HostKeyInfo, Pull, PullOptions, Session, SessionOptions } from './types';

/**
 * Algorithm order for routers. Dropbear (OpenWrt, Debian's v2022.83) offers chacha20-poly1305, aes128-ctr
 * and aes256-ctr; AES-GCM only when built with DROPBEAR_ENABLE_GCM_MODE (off by default, and Debian's build
 * has none). The router's CPU is the limit of a dump, and most router CPUs have no AES instructions, so
 * chacha20 goes first: from the stand-in dropbear it runs at OpenSSH's speed, aes128-ctr at half of it
 * (76 vs 146 MiB/s, both limited by dropbear; decision 0032). AES-GCM next (one pass, no separate MAC) for
 * servers that offer it but no chacha20, then CTR; legacy entries at the end let very old dropbears in.
 */
const ROUTER_ALGORITHMS: NonNullable<ConnectConfig['algorithms']> = {
  cipher: ['chacha20-poly1305@openssh.com', 'aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes256-ctr', 'aes192-ctr', 'aes128-cbc', 'aes256-cbc', '3des-cbc'],
  kex: ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group14-sha256', 'diffie-hellman-group16-sha512', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-dss'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
};

function hostKeyChanged(host: string, port: number, oldFp: string, newFp: string, file: string, mac?: string): RbFault {
  return fault('HOST_KEY_CHANGED', { host, mac: mac ?? 'none' }, { details: `${mac ? `${mac} at ` : ''}${host}:${port} remembered ${oldFp}, now offered ${newFp} (key store: ${file})` });
}

export async function openSsh(opts: SessionOptions, port: number): Promise<Session> {
  // loaded with the first SSH login, not at start-up (cold start, issue 18); the default export is CommonJS's
  const { Client: SshClient } = (await import('ssh2')).default;
  await sshCryptoReady();
  const client = new SshClient();
  const notes: string[] = [];
  const notesMsg: SaidMessage[] = [];
  const note = (s: Said): void => {
    notes.push(s.text);
    notesMsg.push(s.msg);
  };
  let hostKey: HostKeyInfo | undefined;
  let refusal: RbFault | undefined;
  let authBanner = '';
  const store = opts.hostKeyPolicy === 'remember' && opts.expectHostKey === undefined ? new KnownHosts(opts.knownHostsFile ?? '') : undefined;
  if (store && !opts.knownHostsFile) throw new Error('openSession: hostKeyPolicy "remember" needs knownHostsFile');
  store?.check(); // a damaged key list stops here, before any traffic (KNOWN_HOSTS_UNREADABLE)

  // The router's MAC names its key (decision 0111): given by the caller (U-Boot ethaddr, NMRP), else read from
  // the neighbour table of the card our source address is on, once the TCP connection has made the entry fresh.
  const verify = (key: Buffer, mac: string | undefined): boolean => {
    const algorithm = keyAlgorithm(key);
    const fingerprint = keyFingerprint(key);
    if (opts.expectHostKey !== undefined) {
      if (fingerprint !== opts.expectHostKey) {
        refusal = hostKeyChanged(opts.host, port, opts.expectHostKey, fingerprint, 'this session', mac);
        return false;
      }
      hostKey = { algorithm, fingerprint, status: 'known', ...(mac ? { mac } : {}) };
      return true;
    }
    if (!store) {
      hostKey = { algorithm, fingerprint, status: 'session-only' };
      note(said('session.note.sessionOnlyKey', { fingerprint }));
      return true;
    }
    let known: ReturnType<KnownHosts['lookup']>;
    try {
      known = store.lookup(opts.host, port, mac);
      if (known && known.fingerprint !== fingerprint) {
        refusal = hostKeyChanged(opts.host, port, known.fingerprint, fingerprint, store.file, mac);
        return false;
      }
      store.remember(opts.host, port, algorithm, fingerprint, new Date(), mac);
    } catch (err) {
      // the file went bad since check(), or cannot be saved: refuse the key rather than throw inside ssh2
      refusal =
        err instanceof RbFault
          ? err
          : fault('KNOWN_HOSTS_UNWRITABLE', { file: store.file }, { details: String((err as Error)?.message ?? err) });
      return false;
    }
    hostKey = { algorithm, fingerprint, status: known ? 'known' : 'new', ...(mac ? { mac } : {}) };
    if (!known) note(said('session.note.firstKey', { host: opts.host, mac: mac ?? 'none', fingerprint }));
    return true;
  };
  const hostVerifier = (key: Buffer, done: (ok: boolean) => void): void => {
    if (!store || opts.expectHostKey !== undefined) return done(verify(key, opts.routerMac));
    const known = opts.routerMac !== undefined ? Promise.resolve(opts.routerMac) : (opts.lookupMac ?? lookupRouterMac)(opts.host, opts.localAddress);
    void known.catch(() => undefined).then((mac) => done(verify(key, mac)));
  };

  const user = opts.user ?? 'root';
  const methods: AnyAuthMethod[] = [];
  methods.push({ type: 'none', username: user });
  if (opts.privateKey) methods.push({ type: 'publickey', username: user, key: opts.privateKey, ...(opts.passphrase ? { passphrase: opts.passphrase } : {}) });
  methods.push({ type: 'password', username: user, password: opts.password ?? '' });
  methods.push({
    type: 'keyboard-interactive',
    username: user,
    prompt: (_name, _instr, _lang, prompts, finish) => finish(prompts.map(() => opts.password ?? '')),
  });

  await new Promise<void>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? 15_000;
    client.once('ready', () => resolve());
    client.once('error', (err) => reject(refusal ?? connectFault(err, opts.host, port, 'ssh')));
    client.on('banner', (msg: string) => {
      authBanner += msg;
    });
    // our own socket (ssh2's public `sock` option), so that the writes answering one read can leave together
    // (corkPerRead, decision 0106); connected before ssh2 gets it, as ssh2 treats an unconnecting socket as open
    const sock = new net.Socket();
    corkPerRead(sock);
    // the slot's own source address (station, decision 0110): ssh2 does not connect a socket it is given
    sock.connect({ host: opts.host, port, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    leanPackets(client, sock);
    client.connect({
      sock,
      host: opts.host,
      port,
      ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      username: user,
      readyTimeout: timeoutMs,
      keepaliveInterval: 5000,
      keepaliveCountMax: 3,
      algorithms: ROUTER_ALGORITHMS,
      hostVerifier,
      authHandler: (_left, _partial, next) => {
        const m = methods.shift();
        next(m ?? (false as unknown as never));
      },
    });
    // ssh2 leaves Nagle's algorithm on: each small handshake/auth packet then waited for the router's
    // delayed ACK (~40 ms on Linux), 95 ms to log in instead of ~10 (OpenSSH and dropbear set TCP_NODELAY).
    client.setNoDelay(true);
  });

  const remoteVer = String((client as unknown as { _remoteVer?: string })._remoteVer ?? '');
  const banner = [remoteVer ? `SSH server: ${remoteVer}` : '', authBanner.trim()].filter(Boolean).join('\n');
  return new SshSession(client, opts.host, port, banner, hostKey, notes, notesMsg);
}

/**
 * Send a signal request on an exec channel. ssh2's Channel.signal() sends nothing once our side has sent
 * EOF (it checks `writable`), and exec() sends EOF at once so commands never wait for input: go to its
 * protocol object, as Channel.signal() itself does, while the channel is open (with or without our EOF).
 */
function signalChannel(ch: ClientChannel, name: 'TERM' | 'KILL' | 'INT'): void {
  const c = ch as unknown as { outgoing?: { id: number; state: string }; _client?: { _protocol?: { signal(id: number, signal: string): void } } };
  if (c.outgoing && (c.outgoing.state === 'open' || c.outgoing.state === 'eof')) c._client?._protocol?.signal(c.outgoing.id, name);
}

/**
 * The largest data packet we send on a channel the router opened with `window` bytes of room (its largest
 * accepted packet `maxPacket`): half the window, so two packets are always under way. Dropbear (OpenWrt,
 * failsafe) opens a channel with 24 KiB and gives room back per 8 KiB it has written out (a third); a client
 * that sends one 24 KiB packet, as ssh2 and OpenSSH do, then waits out a full round trip (router decrypts,
 * writes to `cat`, says so, we answer) for every 24 KiB, with either side idle half the time. With 12 KiB
 * packets the router works on one while the next is on the wire (decision 0093). Servers with large windows
 * (OpenSSH: 2 MiB) keep their full packet size; never below 4 KiB, where per-packet work would dominate. Now the
 * fallback where a channel cannot hold data back (wholeWindowPlan, decision 0141).
 */
export function pipelinedPacketSize(window: number, maxPacket: number): number {
  const half = Math.floor(window / 2 / 1024) * 1024;
  return Math.min(maxPacket, Math.max(half, 4096));
}

/**
 * The packets of an upload on a channel the router opened with `window` bytes of room (largest packet `maxPacket`):
 * up to the whole window, sent once at least half of it is free (decision 0141, OpenSSH's pattern; two packets of
 * 12–24 KiB under way on dropbear's 24 KiB instead of decision 0093's fixed 12 KiB ones). Large windows: packets of
 * the server's maximum, sent when one fits.
 */
export function wholeWindowPlan(window: number, maxPacket: number): { packetSize: number; minRoom: number } {
  const packetSize = Math.min(maxPacket, window);
  // never more than half the window: a server that gives room back once half is used must be able to answer
  return { packetSize, minRoom: Math.min(packetSize, Math.max(1, Math.floor(window / 2))) };
}

/**
 * Shape an open channel's upload packets: wholeWindowPlan where the channel lets us hold data back until there is
 * room (sendWhenRoom), else pipelinedPacketSize (decision 0093). ssh2 reads `outgoing.packetSize` at every write.
 */
export function pipelineChannel(ch: ClientChannel): void {
  const out = (ch as unknown as { outgoing?: { window?: number; packetSize?: number } }).outgoing;
  if (!out || typeof out.window !== 'number' || typeof out.packetSize !== 'number' || !(out.window > 0) || !(out.packetSize > 0)) return;
  const plan = wholeWindowPlan(out.window, out.packetSize);
  out.packetSize = sendWhenRoom(ch, plan.minRoom) ? plan.packetSize : pipelinedPacketSize(out.window, out.packetSize);
}

class SshSession implements Session {
  readonly method = 'ssh' as const;
  closed = false;
  private closeCbs: Array<(r?: Error) => void> = [];
  private lastError: Error | undefined;
  private openChannels = new Set<ClientChannel>();

  constructor(
    private readonly client: Client,
    readonly host: string,
    readonly port: number,
    readonly banner: string,
    readonly hostKey: HostKeyInfo | undefined,
    readonly notes: string[],
    readonly notesMsg: SaidMessage[],
  ) {
    client.on('error', (err) => {
      this.lastError = err;
    });
    client.on('close', () => {
      this.closed = true;
      for (const ch of this.openChannels) ch.destroy();
      for (const cb of this.closeCbs.splice(0)) cb(this.lastError);
    });
  }

  onClose(cb: (reason?: Error) => void): void {
    if (this.closed) cb(this.lastError);
    else this.closeCbs.push(cb);
  }

  /**
   * Open an exec channel. Exit and close are tracked from inside ssh2's callback: for a fast command the
   * exit status, EOF and close can arrive in the same TCP read as the exec reply, before an awaiting caller
   * could attach listeners (data is safe: a paused stream buffers it).
   */
  private channel(cmd: string, what: LostWhile): Promise<{ ch: ClientChannel; finished: Promise<number> }> {
    if (this.closed) return Promise.reject(sessionLostFault(this.host, 'start'));
    return new Promise((resolve, reject) => {
      this.client.exec(cmd, (err, ch) => {
        if (err) return reject(this.closed ? sessionLostFault(this.host, 'start', err.message) : err);
        this.openChannels.add(ch);
        let code: number | undefined;
        ch.once('exit', (c: number | null, signal?: string) => {
          code = c ?? (signal ? 128 : 255);
        });
        const finished = new Promise<number>((res, rej) => {
          ch.once('close', () => {
            this.openChannels.delete(ch);
            if (code !== undefined) res(code);
            else rej(sessionLostFault(this.host, what, this.lastError?.message));
          });
        });
        finished.catch(() => undefined);
        resolve({ ch, finished });
      });
    });
  }

  async exec(cmd: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const { ch, finished } = await this.channel(cmd, 'run');
    ch.end();
    const onOutput = opts.onOutput;
    if (onOutput) {
      ch.on('data', (d: Buffer) => onOutput(d, 'stdout'));
      ch.stderr.on('data', (d: Buffer) => onOutput(d, 'stderr'));
    }
    return this.collect(ch, finished, cmd, opts.timeoutMs ?? 30_000, opts.signal);
  }

  private async collect(ch: ClientChannel, finished: Promise<number>, cmd: string, timeoutMs: number, signal?: AbortSignal): Promise<ExecResult> {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    ch.on('data', (d: Buffer) => out.push(d));
    ch.stderr.on('data', (d: Buffer) => err.push(d));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ch.signal('KILL');
        ch.close();
        reject(commandTimeoutFault(this.host, cmd, timeoutMs));
      }, timeoutMs);
    });
    timeout.catch(() => undefined);
    // Cancelled: SIGTERM to the command's shell (dropbear signals that one process; a command that runs a
    // pipeline traps it and kills the rest), then close the channel and return at once.
    let onAbort: (() => void) | undefined;
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => {
        try {
          signalChannel(ch, 'TERM');
          ch.close();
        } catch {
          /* the channel is already gone */
        }
        reject(commandCancelledFault(this.host));
      };
    });
    cancelled.catch(() => undefined);
    if (signal?.aborted) onAbort!();
    else signal?.addEventListener('abort', onAbort!, { once: true });
    try {
      const code = await Promise.race([finished, timeout, cancelled]);
      return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort!);
    }
  }

  async pull(cmd: string, opts: PullOptions = {}): Promise<Pull> {
    const { ch, finished } = await this.channel(cmd, 'copy');
    ch.end();
    const err: Buffer[] = [];
    ch.stderr.on('data', (d: Buffer) => err.push(d));
    const stream = new Readable({ read: () => ch.resume(), highWaterMark: 1 << 20 });
    const idleMs = opts.idleTimeoutMs ?? 30_000;
    // one timer, pushed back per packet with refresh() (no new Timeout object and list surgery per 16 KiB packet)
    const idle = setTimeout(() => {
      ch.close();
      stream.destroy(sessionLostFault(this.host, 'idle', undefined, Math.round(idleMs / 1000)));
    }, idleMs);
    ch.on('data', (d: Buffer) => {
      idle.refresh();
      if (!stream.push(d)) ch.pause();
    });
    const done = finished.then(
      (code) => {
        clearTimeout(idle);
        stream.push(null);
        return { code, stderr: Buffer.concat(err).toString('utf8') };
      },
      (e: Error) => {
        clearTimeout(idle);
        stream.destroy(e);
        throw e;
      },
    );
    done.catch(() => undefined);
    return {
      stream,
      done,
      abort: () => {
        ch.signal('KILL');
        ch.close();
      },
    };
  }

  async push(cmd: string, data: Buffer | Readable, opts: ExecOptions = {}): Promise<ExecResult> {
    const { ch, finished } = await this.channel(cmd, 'send');
    pipelineChannel(ch);
    const result = this.collect(ch, finished, cmd, opts.timeoutMs ?? 600_000);
    if (Buffer.isBuffer(data)) ch.end(data);
    else data.pipe(ch);
    return result;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.onClose(() => resolve());
      this.client.end();
    });
  }
}
