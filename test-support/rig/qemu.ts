/**
 * The virtual bench rig: QEMU `virt` (ARM) running Debian's u-boot-qemu U-Boot, its serial port on a pty,
 * its NIC a tap device inside a network namespace this rig creates and deletes. The station side of the tap
 * (this computer on the rescue LAN, default 192.168.1.10/24) lives only inside that namespace.
 *
 * The guest starts paused (-S): attach the serial console first, then `powerOn()` (the monitor's `cont`),
 * so the whole boot — countdown included — is seen, like switching a real router on with the cable in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createNetns, type Netns } from '../netns';
import { QEMU_MACHINE, RIG_MEMORY_MB, UBOOT_QEMU_ARM } from './guest';

export interface RigOptions {
  /** Short tag for the namespace name. */
  tag?: string;
  /** This computer's address on the tap, inside the namespace. */
  stationCidr?: string;
  /** Extra QEMU arguments (e.g. a second drive for the flash-backup rig). */
  extraArgs?: string[];
  memoryMb?: number;
}

export interface Rig {
  ns: Netns;
  tap: string;
  /** The guest's serial console: a pty this computer's serial service opens like any adapter. */
  serialPath: string;
  /** Everything QEMU itself printed (not the guest console). */
  qemuLog(): string;
  /** Release the paused CPU: the router "switches on". */
  powerOn(): void;
  /** Send a QEMU monitor command (e.g. "system_reset"). */
  monitor(cmd: string): void;
  qemu: ChildProcess;
  stop(): Promise<void>;
}

export async function startRig(opts: RigOptions = {}): Promise<Rig> {
  const ns = createNetns(opts.tag ?? 'rig');
  const tap = `rbtap${crypto.randomBytes(2).toString('hex')}`;
  let qemu: ChildProcess | undefined;
  try {
    ns.exec('ip', ['tuntap', 'add', 'dev', tap, 'mode', 'tap']);
    ns.exec('ip', ['addr', 'add', opts.stationCidr ?? '192.168.1.10/24', 'dev', tap]);
    ns.exec('ip', ['link', 'set', tap, 'up']);
    ns.exec('ip', ['link', 'set', 'lo', 'up']);
    const args = [
      '-M', QEMU_MACHINE,
      '-m', String(opts.memoryMb ?? RIG_MEMORY_MB),
      '-bios', UBOOT_QEMU_ARM,
      '-display', 'none',
      '-nodefaults',
      '-serial', 'pty',
      '-monitor', 'stdio',
      '-netdev', `tap,id=n0,ifname=${tap},script=no,downscript=no`,
      '-device', 'virtio-net-device,netdev=n0',
      '-S',
      ...(opts.extraArgs ?? []),
    ];
    qemu = ns.spawn('qemu-system-arm', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let log = '';
    const proc = qemu;
    proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const serialPath = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`rig: QEMU did not report its serial pty within 20 s: ${log.slice(-2000)}`)), 20_000);
      const check = (): void => {
        const m = /char device redirected to (\/dev\/pts\/\d+)/.exec(log);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      };
      proc.stdout!.on('data', check);
      proc.stderr!.on('data', check);
      proc.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`rig: QEMU exited (${code}): ${log.slice(-2000)}`));
      });
    });
    if (!fs.existsSync(serialPath)) throw new Error(`rig: ${serialPath} does not exist`);
    const monitor = (cmd: string): void => {
      proc.stdin!.write(`${cmd}\n`);
    };
    return {
      ns,
      tap,
      serialPath,
      qemu: proc,
      qemuLog: () => log,
      powerOn: () => monitor('cont'),
      monitor,
      stop: () =>
        stopQemu(proc, ns, () => {
          try {
            monitor('quit');
          } catch {
            /* stdin closed */
          }
        }),
    };
  } catch (err) {
    qemu?.kill('SIGKILL');
    ns.destroy();
    throw err;
  }
}

/**
 * Ask QEMU to end (`ask`: the monitor's quit, or SIGTERM), kill it if it has not gone after 3 s, then delete
 * its namespace. Shared by every rig variant.
 */
export async function stopQemu(proc: ChildProcess, ns: { destroy(): void }, ask: () => void): Promise<void> {
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    ask();
    const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  }
  ns.destroy();
}
