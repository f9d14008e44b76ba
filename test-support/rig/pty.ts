/**
 * A serial cable on the desk: a pair of linked ptys made by socat. Our side opens `ours` like any adapter; the
 * "router" (a test or benchmark peer) uses `peer`. Killing `proc` is unplugging the adapter; calling ptyPair()
 * again with the same name plugs it back in.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';

export function socatSupport(): { ok: true } | { ok: false; reason: string } {
  try {
    execFileSync('sh', ['-c', 'command -v socat'], { stdio: 'ignore' });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'socat is not installed (Debian package socat)' };
  }
}

export interface PtyPair {
  ours: string;
  peer: string;
  proc: ChildProcess;
}

export async function ptyPair(dir: string, name: string): Promise<PtyPair> {
  const ours = path.join(dir, `${name}-ours`);
  const peer = path.join(dir, `${name}-peer`);
  const proc = spawn('socat', [`pty,raw,echo=0,link=${ours}`, `pty,raw,echo=0,link=${peer}`], { stdio: 'ignore' });
  for (let i = 0; i < 250 && !(fs.existsSync(ours) && fs.existsSync(peer)); i++) await new Promise((r) => setTimeout(r, 20));
  if (!fs.existsSync(ours) || !fs.existsSync(peer)) throw new Error(`socat did not create ${ours} within 5 s`);
  return { ours, peer, proc };
}

/** Open the router's end of a pair. */
export async function openPeer(p: string, baudRate = 115200): Promise<SerialPort> {
  const port = new SerialPort({ path: p, baudRate, autoOpen: false });
  await new Promise<void>((r, j) => port.open((e) => (e ? j(e) : r())));
  return port;
}
