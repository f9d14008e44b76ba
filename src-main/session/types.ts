import type { Readable } from 'node:stream';
import type { SaidMessage } from '../../src-shared/contract/common';

export type SessionMethod = 'ssh' | 'telnet';

export interface SessionOptions {
  host: string;
  /** Default 22 for SSH, 23 for telnet. With method 'auto' it applies to SSH only. */
  port?: number;
  /** 'auto' tries SSH first, then telnet on port 23 when nothing listens on SSH (old failsafe). */
  method: SessionMethod | 'auto';
  /** Default "root". */
  user?: string;
  /** Undefined or '' means "no password" (OpenWrt failsafe / fresh install). */
  password?: string;
  /** Private key for SSH (PEM/OpenSSH text or Buffer). */
  privateKey?: string | Buffer;
  passphrase?: string;
  /**
   * 'remember': first key is remembered per host:port in `knownHostsFile`; a changed key is REFUSED
   * (HOST_KEY_CHANGED) and never silently accepted. 'session-only': failsafe/initramfs routers make a new
   * key at every boot, so any key is accepted for this session only and nothing is stored.
   */
  hostKeyPolicy: 'remember' | 'session-only';
  /** Needed with 'remember'. Usually <dataDir>/known-hosts.json. */
  knownHostsFile?: string;
  /** Connect + login time limit. Default 15 s. */
  timeoutMs?: number;
  /** Telnet bulk data: the address of this computer the router connects back to. Default: our end of the telnet connection. */
  callbackAddress?: string;
  /**
   * This computer's address to connect from: a station slot's source address (net slotRoute), so the connection
   * leaves through that slot's card even when every router is 192.168.1.1 (decision 0110). The policy rule for
   * that address picks the card; SO_BINDTODEVICE is not needed (and Node cannot set it on a TCP socket).
   */
  localAddress?: string;
  /** The router's hardware address when known (U-Boot ethaddr, NMRP); its remembered key is kept under it. */
  routerMac?: string;
  /**
   * Accept only this key (its SHA256 fingerprint) and remember nothing: a second connection to a router whose key
   * an open session of ours has already checked (the backup's off-thread copy, decision 0125).
   */
  expectHostKey?: string;
  /** How the MAC is found when not given (default: the neighbour table of the card holding localAddress; tests pass their own). */
  lookupMac?: (host: string, localAddress?: string) => Promise<string | undefined>;
}

export interface HostKeyInfo {
  algorithm: string;
  fingerprint: string;
  /** known: matched the remembered key; new: first contact, now remembered; session-only: accepted, not stored. */
  status: 'known' | 'new' | 'session-only';
  /** The router's MAC the key is remembered under (absent: remembered under host:port). */
  mac?: string;
}

export interface ExecOptions {
  /** Default 30 s. On expiry the command is stopped and COMMAND_TIMEOUT is thrown. */
  timeoutMs?: number;
  /**
   * Stop waiting when aborted: CANCELLED is thrown at once, and the router is told to stop the command
   * (SSH: SIGTERM to its shell, then the channel is closed; telnet: Ctrl-C to its process group). A
   * pipeline stops as a whole over telnet; over SSH only the shell gets the signal, so a command that must
   * stop with its pipeline traps TERM and kills it (see the router hash in flash/backup.ts).
   */
  signal?: AbortSignal;
  /**
   * The command's output as it arrives, for a command whose words matter before it ends (sysupgrade, which closes
   * the session itself). SSH: stdout and stderr chunks as the channel delivers them. Telnet: whole lines of the
   * terminal's text (stderr merged), the last one when the command ends. The result still holds all of it.
   */
  onOutput?: (chunk: Buffer, from: 'stdout' | 'stderr') => void;
}

export interface ExecResult {
  code: number;
  stdout: Buffer;
  /** SSH: the command's stderr. Telnet: always '' (a terminal merges stderr into stdout). */
  stderr: string;
}

export interface PullOptions {
  /** Time allowed without any byte arriving before the transfer is declared stalled. Default 30 s. */
  idleTimeoutMs?: number;
  /**
   * Telnet: time allowed, once the data has ended, for the router's exit status to arrive on the telnet
   * connection; then SESSION_LOST and the session is dropped. Default: idleTimeoutMs. (SSH needs none:
   * its keepalives notice a dead link.)
   */
  exitTimeoutMs?: number;
}

/** Bulk bytes coming from a router command's stdout. */
export interface Pull {
  /** The raw bytes, binary safe (SSH channel, or the nc connection for telnet). */
  stream: Readable;
  /** Resolves when the command has ended: its exit code and stderr. Rejects with SESSION_LOST if the link drops. */
  done: Promise<{ code: number; stderr: string }>;
  /** Stop the transfer now (the remote command is killed where possible). */
  abort(): void;
}

/**
 * A shell on a router, over SSH or telnet. Commands are POSIX shell lines for busybox ash; keep each one a
 * single line without a trailing `#` comment (telnet wraps it to capture the exit code).
 */
export interface Session {
  readonly method: SessionMethod;
  readonly host: string;
  readonly port: number;
  /** SSH: server version line plus any pre-login banner. Telnet: everything shown before the first prompt. */
  readonly banner: string;
  /** SSH only. */
  readonly hostKey: HostKeyInfo | undefined;
  /** Plain-language notes for the UI/log, e.g. "key accepted for this session only". */
  readonly notes: string[];
  /** The notes that are ours as catalogue id + values (decision 0186), matched to a note by its English. */
  readonly notesMsg: SaidMessage[];
  readonly closed: boolean;
  /** Run one command; a non-zero exit code is returned, not thrown. */
  exec(cmd: string, opts?: ExecOptions): Promise<ExecResult>;
  /** Run a command and stream its stdout (binary safe). For telnet the router needs `nc`. */
  pull(cmd: string, opts?: PullOptions): Promise<Pull>;
  /** Run a command with `data` as its stdin (binary safe); resolves when it exits. */
  push(cmd: string, data: Buffer | Readable, opts?: ExecOptions): Promise<ExecResult>;
  /** Called once when the connection ends for any reason. */
  onClose(cb: (reason?: Error) => void): void;
  close(): Promise<void>;
}
