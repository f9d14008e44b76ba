/**
 * Drive a real U-Boot (Debian's u-boot-qemu `qemu_arm` on the QEMU rig) to `tftpboot` from a TFTP server that
 * runs inside the rig's namespace: ours (`tftp serve` CLI) or tftpd-hpa. Shared by the U-Boot test and the
 * U-Boot benchmark. U-Boot at 192.168.1.1, the server at 192.168.1.10, both only inside the namespace.
 * Never sends a bare Enter to U-Boot (it would repeat the last command; facts §10).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { SerialService } from '../src-main/capabilities/serial/service';
import { CliLines } from './cli-lines';
import { netnsSupport, nodeTsArgs } from './netns';
import { UBOOT_QEMU_ARM } from './rig/guest';
import { startRig, type Rig } from './rig/qemu';

export const UBOOT_IP = '192.168.1.1';
export const SERVER_IP = '192.168.1.10';
/** A second station address on the same tap, for a second server on port 69 at the same time. */
export const SECOND_IP = '192.168.1.11';
export const LOAD_ADDR = '0x40200000';

export function ubootRigSupport(): { ok: true } | { ok: false; reason: string } {
  const n = netnsSupport();
  if (!n.ok) return n;
  try {
    execFileSync('sh', ['-c', 'command -v qemu-system-arm'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: '`qemu-system-arm` is missing (Debian package qemu-system-arm)' };
  }
  if (!fs.existsSync(UBOOT_QEMU_ARM)) return { ok: false, reason: `${UBOOT_QEMU_ARM} is missing (Debian package u-boot-qemu)` };
  return { ok: true };
}

export interface TftpbootResult {
  bytes: number;
  /** Host-side time from sending the command to U-Boot's "Bytes transferred" line. */
  ms: number;
  /** The rate U-Boot printed itself, in MiB/s (undefined if it printed none). */
  ubootMiBs: number | undefined;
  timeouts: number;
  output: string;
}

export class UbootOnRig {
  private text = '';
  private constructor(
    readonly rig: Rig,
    private readonly serial: SerialService,
    private readonly sid: string,
    private readonly dataDir: string,
  ) {}

  /** Start QEMU, attach the console, switch on, stop autoboot, configure the network. */
  static async start(tag = 'tftpub'): Promise<UbootOnRig> {
    const rig = await startRig({ tag, stationCidr: `${SERVER_IP}/24` });
    const dataDir = fs.mkdtempSync(`${os.tmpdir()}/rb-tftp-uboot-`);
    const serial = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir });
    try {
      const s = await serial.open(rig.serialPath, { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' });
      const u = new UbootOnRig(rig, serial, s.id, dataDir);
      serial.tap(s.id, (c) => {
        u.text += c.toString('latin1');
        if (u.text.length > 1 << 20) u.text = u.text.slice(-(1 << 19));
      });
      rig.powerOn();
      await u.waitFor(/Hit any key to stop autoboot/, 60_000);
      await u.write(' ');
      await u.waitFor(/=> $/, 10_000);
      await u.run(`setenv ipaddr ${UBOOT_IP}; setenv netmask 255.255.255.0; setenv serverip ${SERVER_IP}`);
      rig.ns.exec('ip', ['addr', 'add', `${SECOND_IP}/24`, 'dev', rig.tap]);
      return u;
    } catch (err) {
      await serial.dispose().catch(() => undefined);
      await rig.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }

  private async write(s: string): Promise<void> {
    await this.serial.write(this.sid, Buffer.from(s, 'latin1'));
  }

  async waitFor(re: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(this.text.slice(from));
      if (m) return m;
      if (Date.now() > deadline) throw new Error(`U-Boot: timed out waiting for ${re}; last output: ${JSON.stringify(this.text.slice(-600))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Run one command and return its output (up to the next prompt). */
  async run(cmd: string, timeoutMs = 15_000): Promise<string> {
    const from = this.text.length;
    await this.write(`${cmd}\r`);
    await this.waitFor(/\n=> $/, timeoutMs, from);
    return this.text.slice(from);
  }

  /**
   * tftpboot from `env.server` (default 192.168.1.10). Note: Debian's qemu_arm U-Boot is built without
   * CONFIG_TFTP_PORT, so `tftpdstp` has no effect there; a second server needs a second address, not a port.
   */
  async tftpboot(file: string, env: { blksize?: number; windowsize?: number; server?: string }, timeoutMs = 120_000): Promise<TftpbootResult> {
    // Explicit values: U-Boot keeps the last block size and window in statics when the variable is unset.
    await this.run(`setenv tftpblocksize ${env.blksize ?? 1468}; setenv tftpwindowsize ${env.windowsize ?? 1}; setenv serverip ${env.server ?? SERVER_IP}`);
    const t0 = performance.now();
    const from = this.text.length;
    await this.write(`tftpboot ${LOAD_ADDR} ${file}\r`);
    const m = await this.waitFor(/Bytes transferred = (\d+)|TFTP error: [^\n]*|Retry count exceeded; starting again/, timeoutMs, from);
    const ms = performance.now() - t0;
    if (!m[1]) {
      await this.write('\x03'); // Ctrl-C: back to a fresh prompt without running anything
      throw new Error(`U-Boot tftpboot failed: ${m[0]}`);
    }
    await this.waitFor(/\n=> $/, 10_000, from);
    const output = this.text.slice(from);
    const rate = /\n\s*([\d.]+) (KiB|MiB)\/s/.exec(output);
    const ubootMiBs = rate ? Number(rate[1]) / (rate[2] === 'KiB' ? 1024 : 1) : undefined;
    const timeouts = (output.match(/\bT /g) ?? []).length;
    return { bytes: Number(m[1]), ms, ubootMiBs, timeouts, output };
  }

  /** U-Boot's crc32 of what it loaded (hex, 8 digits). */
  async crc32(): Promise<string> {
    const out = await this.run('crc32 ${fileaddr} ${filesize}');
    const m = /==>\s*([0-9a-f]{8})/.exec(out);
    if (!m) throw new Error(`no crc32 in ${JSON.stringify(out)}`);
    return m[1]!;
  }

  async stop(): Promise<void> {
    await this.serial.dispose().catch(() => undefined);
    await this.rig.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface NsServer {
  name: string;
  /** Ours: the CLI's --json lines (tftp.server.state, tftp.transfer…; decision 0043). */
  lines?: CliLines;
  stop(): Promise<void>;
}

function exited(p: ChildProcess): Promise<void> {
  return new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));
}

/** Our server (the real CLI) inside the rig's namespace, bound to the station address on port 69. */
export async function startOursInNs(rig: Rig, root: string, ip = SERVER_IP, extraArgs: string[] = []): Promise<NsServer> {
  const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['tftp', 'serve', '--root', root, '--bind', ip, '--port', '69', '--json', ...extraArgs]);
  const child = rig.ns.spawn(cmd, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = new CliLines(child);
  const state = await lines.waitFor('tftp.server.state', (s) => s.state !== 'starting', 30_000, 'our server to listen in the namespace');
  if (state.state !== 'listening') throw new Error(`our server did not start: ${JSON.stringify(state.error)}`);
  return {
    name: 'ours',
    lines,
    stop: async () => {
      child.kill('SIGINT');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(t);
    },
  };
}

/** tftpd-hpa in the foreground inside the rig's namespace (it drops to user tftp: `root` must be world-readable). */
export async function startHpaInNs(rig: Rig, root: string, ip = SERVER_IP): Promise<NsServer> {
  const child = rig.ns.spawn('in.tftpd', ['-L', '-s', root, '-a', `${ip}:69`], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 400));
  if (child.exitCode !== null) throw new Error(`in.tftpd exited with ${child.exitCode}`);
  return {
    name: 'tftpd-hpa',
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
