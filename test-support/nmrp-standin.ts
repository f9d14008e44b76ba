/**
 * Runs the NMRP stand-in router (test-support/nmrp-router.py — a STAND-IN, see its header) in a namespace and
 * collects the JSON events it prints, for the namespace tests and the benchmark.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Netns } from './netns';

// vitest gives __dirname; under tsx (benchmarks, ESM) the repository root is the working folder
export const STANDIN = path.join(typeof __dirname === 'string' ? __dirname : path.resolve('test-support'), 'nmrp-router.py');

export interface StandinEvent {
  event: string;
  /** Monotonic seconds (the stand-in's clock). */
  t: number;
  [k: string]: unknown;
}

export interface StandinOptions {
  interface: string;
  tftpDir: string;
  fileName?: string;
  keepalives?: number;
  keepaliveEvery?: number;
  dropConfAcks?: number;
  silentAfter?: 'never' | 'conf-ack' | 'upload';
  listen?: number;
  linger?: number;
  /** Ask for the upload with no TFTP server listening. */
  noTftpd?: boolean;
  /** Stop the TFTP server and drop the address once this many bytes arrived (a router restarting mid-upload). */
  resetAtBytes?: number;
}

export interface Standin {
  proc: ChildProcess;
  events: StandinEvent[];
  /** Resolves with the exit code once it ends. */
  done: Promise<number>;
  /** Resolves when the stand-in listens for ADVERTISE (its socket is open). */
  listening: Promise<void>;
  find(event: string): StandinEvent | undefined;
  kill(): void;
}

export function startStandin(ns: Netns, o: StandinOptions): Standin {
  const args = [STANDIN, '--interface', o.interface, '--tftp-dir', o.tftpDir, '--file-name', o.fileName ?? 'firmware', '--keepalives', String(o.keepalives ?? 2), '--keepalive-every', String(o.keepaliveEvery ?? 0.2)];
  if (o.dropConfAcks) args.push('--drop-conf-acks', String(o.dropConfAcks));
  if (o.silentAfter) args.push('--silent-after', o.silentAfter);
  if (o.noTftpd) args.push('--no-tftpd');
  if (o.resetAtBytes) args.push('--reset-at-bytes', String(o.resetAtBytes));
  args.push('--listen', String(o.listen ?? 60), '--linger', String(o.linger ?? 1));
  const proc = ns.spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: StandinEvent[] = [];
  let onListening: () => void = () => {};
  const listening = new Promise<void>((r) => (onListening = r));
  readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
    try {
      const e = JSON.parse(line) as StandinEvent;
      events.push(e);
      if (e.event === 'listening') onListening();
    } catch {
      /* not an event line */
    }
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number>((resolve) =>
    proc.on('close', (code) => {
      if (code !== 0 && stderr) process.stderr.write(`[nmrp stand-in] ${stderr.slice(-2000)}\n`);
      resolve(code ?? -1);
    }),
  );
  return { proc, events, done, listening, find: (ev) => events.find((e) => e.event === ev), kill: () => proc.kill('SIGTERM') };
}
