/**
 * The virtual bench rig's guest: Debian's armhf "armmp" kernel and a busybox-static (armhf) initramfs, built
 * at run time from Debian packages (downloaded with apt, unpacked with dpkg-deb, packed with cpio) and cached
 * in a git-ignored folder. Nothing binary is committed. See docs/rig.md.
 *
 * Reuse: `buildGuest({ modules, initExtra, name })` lets another suite (flash backup: nandsim, mtd, ubi) add
 * kernel modules and init lines and get its own cached initramfs + FIT image.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where downloads and built guests live. RB_RIG_CACHE overrides; the default is git-ignored. */
export const RIG_CACHE = process.env.RB_RIG_CACHE ?? path.join(REPO, '.cache', 'rig');

/** Modules every guest gets: the virtio NIC (so the guest can talk to the station) and the MTD/UBI stack. */
export const BASE_MODULES = ['virtio_mmio', 'virtio_net'];

export function rigSupport(): { ok: true } | { ok: false; reason: string } {
  for (const [bin, pkg] of [
    ['qemu-system-arm', 'qemu-system-arm'],
    ['mkimage', 'u-boot-tools'],
    ['cpio', 'cpio'],
    ['dpkg-deb', 'dpkg'],
    ['apt-get', 'apt'],
  ] as const) {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    } catch {
      return { ok: false, reason: `\`${bin}\` is missing (Debian package ${pkg})` };
    }
  }
  if (!fs.existsSync(UBOOT_QEMU_ARM)) return { ok: false, reason: `${UBOOT_QEMU_ARM} is missing (Debian package u-boot-qemu)` };
  return { ok: true };
}

export const UBOOT_QEMU_ARM = '/usr/lib/u-boot/qemu_arm/u-boot.bin';

function run(cmd: string, args: string[], opts: { cwd?: string; input?: Buffer; timeout?: number } = {}): Buffer {
  return execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, timeout: opts.timeout ?? 300_000, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Exactly one process builds at a time (two suites may start together): a lock directory with a PID. */
function withLock<T>(name: string, fn: () => T): T {
  const lock = path.join(RIG_CACHE, `${name}.lock`);
  fs.mkdirSync(RIG_CACHE, { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = true;
      if (holder) {
        try {
          process.kill(holder, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`rig: waited 10 minutes for ${lock}`);
      execFileSync('sleep', ['0.5']);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** apt-get download the armhf kernel and busybox-static once; returns the unpacked trees. */
export function ensurePackages(): { kernelTree: string; busybox: string; kernelRelease: string } {
  return withLock('packages', () => {
    const debs = path.join(RIG_CACHE, 'debs');
    const tree = path.join(RIG_CACHE, 'tree');
    const done = path.join(tree, '.complete');
    if (!fs.existsSync(done)) {
      fs.mkdirSync(debs, { recursive: true });
      const archs = run('dpkg', ['--print-foreign-architectures']).toString();
      if (!/\barmhf\b/.test(archs)) run('dpkg', ['--add-architecture', 'armhf']);
      const findKernel = (): string | undefined =>
        /Depends: (linux-image-[\w.+-]+-armmp)/.exec(run('apt-cache', ['depends', 'linux-image-armmp:armhf']).toString())?.[1];
      let kernelPkg: string | undefined;
      try {
        kernelPkg = findKernel();
      } catch {
        kernelPkg = undefined;
      }
      if (!kernelPkg) {
        // armhf was just added (or the lists are old): fetch the package lists once. A partial failure
        // (a mirror mid-sync for one list) is fine as long as the packages we need resolve afterwards.
        try {
          run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], { timeout: 600_000 });
        } catch {
          /* checked below */
        }
        kernelPkg = findKernel();
      }
      if (!kernelPkg) throw new Error('rig: apt cannot find linux-image-armmp:armhf (run: dpkg --add-architecture armhf && apt-get update)');
      for (const f of fs.readdirSync(debs)) fs.rmSync(path.join(debs, f));
      run('apt-get', ['download', '-q', `${kernelPkg}:armhf`, 'busybox-static:armhf'], { cwd: debs, timeout: 600_000 });
      fs.rmSync(tree, { recursive: true, force: true });
      for (const f of fs.readdirSync(debs)) {
        const dest = path.join(tree, f.startsWith('linux-image') ? 'kernel' : 'busybox');
        fs.mkdirSync(dest, { recursive: true });
        run('dpkg-deb', ['-x', path.join(debs, f), dest]);
      }
      fs.writeFileSync(done, new Date().toISOString());
    }
    const kernelTree = path.join(tree, 'kernel');
    const kernelRelease = fs.readdirSync(path.join(kernelTree, 'lib', 'modules'))[0]!;
    return { kernelTree, busybox: path.join(tree, 'busybox', 'bin', 'busybox'), kernelRelease };
  });
}

/** Index a kernel's modules by name (dashes and underscores are the same to the kernel). */
function moduleIndex(modDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ko')) out.set(e.name.slice(0, -3).replace(/-/g, '_'), path.relative(modDir, p));
    }
  };
  walk(path.join(modDir, 'kernel'));
  return out;
}

/** The `depends=` field of a module's .modinfo section. */
function moduleDepends(file: string): string[] {
  const buf = fs.readFileSync(file);
  const at = buf.indexOf('\0depends=');
  if (at < 0) return [];
  const end = buf.indexOf(0, at + 1);
  const v = buf.subarray(at + 9, end).toString();
  return v ? v.split(',').map((s) => s.replace(/-/g, '_')) : [];
}

/** Resolve modules and their dependencies, dependencies first. */
export function resolveModules(modDir: string, names: string[]): { name: string; rel: string; deps: string[] }[] {
  const index = moduleIndex(modDir);
  const out: { name: string; rel: string; deps: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    const name = n.replace(/-/g, '_');
    if (seen.has(name)) return;
    seen.add(name);
    const rel = index.get(name);
    if (!rel) throw new Error(`rig: kernel module ${name} not found (it may be built in)`);
    const deps = moduleDepends(path.join(modDir, rel));
    deps.forEach(visit);
    out.push({ name, rel, deps });
  };
  names.forEach(visit);
  return out;
}

export interface GuestOptions {
  /** Cache key for this variant (a folder under the cache). */
  name?: string;
  /** Kernel modules to include (dependencies are added); they are loaded at boot in this order. */
  modules?: string[];
  /** Modules to include but not load at boot (load them later with `modprobe NAME ARGS`). */
  extraModules?: string[];
  /** Shell lines run by /init after the base set-up, before the shell starts. */
  initExtra?: string[];
  /** Guest address on eth0 (virtio); default 192.168.1.1/24 like a router. */
  guestCidr?: string;
  /** Kernel command line (stored in the FIT's bootargs by the automation, not in the image). */
}

export interface Guest {
  dir: string;
  zImage: string;
  initrd: string;
  /** A FIT image (kernel + initramfs + device tree for QEMU virt): one file, booted with `bootm`. */
  fit: string;
  dtb: string;
  kernelRelease: string;
  /** The shell prompt the guest shows, for watchers and tests. */
  prompt: string;
  /** The line /init prints when the guest is ready. */
  readyLine: string;
}

export const GUEST_READY_LINE = 'Rescue Bench rig guest is ready';
export const GUEST_PROMPT = 'root@rig:/# ';
/** QEMU settings the device tree in the FIT was dumped with; the rig must boot with the same. */
export const RIG_MEMORY_MB = 256;
export const QEMU_MACHINE = 'virt';

function initScript(opts: GuestOptions, load: string[]): string {
  return [
    '#!/bin/sh',
    '/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin /root',
    '/bin/busybox --install -s',
    'mount -t proc proc /proc',
    'mount -t sysfs sysfs /sys',
    'mount -t devtmpfs devtmpfs /dev 2>/dev/null',
    'mkdir -p /dev/pts && mount -t devpts devpts /dev/pts',
    'echo 0 > /proc/sys/kernel/printk_ratelimit 2>/dev/null',
    ...load.map((m) => `modprobe ${m} || echo "rig: could not load ${m}"`),
    'ip link set lo up',
    `if [ -e /sys/class/net/eth0 ]; then ip addr add ${opts.guestCidr ?? '192.168.1.1/24'} dev eth0; ip link set eth0 up; fi`,
    'hostname rig',
    ...(opts.initExtra ?? []),
    `echo "${GUEST_READY_LINE}"`,
    "export PS1='root@rig:\\w# '",
    'export HOME=/root',
    'cd /',
    'while true; do setsid cttyhack /bin/sh; done',
    '',
  ].join('\n');
}

/** Build (or reuse) a guest variant. Idempotent; the cache key covers the options and the kernel version. */
export function buildGuest(opts: GuestOptions = {}): Guest {
  const pk = ensurePackages();
  const load = [...BASE_MODULES, ...(opts.modules ?? [])];
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ v: 3, release: pk.kernelRelease, load, extra: opts.extraModules ?? [], init: opts.initExtra ?? [], cidr: opts.guestCidr ?? '' }))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(RIG_CACHE, 'guests', `${opts.name ?? 'base'}-${key}`);
  const guest: Guest = {
    dir,
    zImage: path.join(dir, 'zImage'),
    initrd: path.join(dir, 'initrd.cpio.gz'),
    fit: path.join(dir, 'rig.itb'),
    dtb: path.join(dir, 'virt.dtb'),
    kernelRelease: pk.kernelRelease,
    prompt: GUEST_PROMPT,
    readyLine: GUEST_READY_LINE,
  };
  if (fs.existsSync(path.join(dir, '.complete'))) return guest;
  return withLock(`guest-${key}`, () => {
    if (fs.existsSync(path.join(dir, '.complete'))) return guest;
    fs.rmSync(dir, { recursive: true, force: true });
    const root = path.join(dir, 'root');
    fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
    fs.copyFileSync(pk.busybox, path.join(root, 'bin', 'busybox'));
    fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
    fs.symlinkSync('busybox', path.join(root, 'bin', 'sh'));
    const modSrc = path.join(pk.kernelTree, 'lib', 'modules', pk.kernelRelease);
    const modDst = path.join(root, 'lib', 'modules', pk.kernelRelease);
    const mods = resolveModules(modSrc, [...load, ...(opts.extraModules ?? [])]);
    const relOf = new Map(mods.map((m) => [m.name, m.rel]));
    for (const m of mods) {
      fs.mkdirSync(path.dirname(path.join(modDst, m.rel)), { recursive: true });
      fs.copyFileSync(path.join(modSrc, m.rel), path.join(modDst, m.rel));
    }
    // busybox modprobe reads modules.dep ("path: dep-path dep-path"), which Debian builds with depmod at install.
    fs.writeFileSync(path.join(modDst, 'modules.dep'), mods.map((m) => `${m.rel}: ${m.deps.map((d) => relOf.get(d)).join(' ')}`.trimEnd()).join('\n') + '\n');
    fs.writeFileSync(path.join(root, 'init'), initScript(opts, load), { mode: 0o755 });
    const list = run('sh', ['-c', 'find . | LC_ALL=C sort'], { cwd: root });
    const cpio = run('cpio', ['--quiet', '-o', '-H', 'newc', '-R', '0:0'], { cwd: root, input: list });
    fs.writeFileSync(guest.initrd, run('gzip', ['-9n'], { input: cpio }));
    fs.copyFileSync(path.join(pk.kernelTree, 'boot', `vmlinuz-${pk.kernelRelease}`), guest.zImage);
    // The device tree QEMU builds for `-M virt` with our memory size: the FIT carries it so `bootm` needs no extra argument.
    run('qemu-system-arm', ['-M', `${QEMU_MACHINE},dumpdtb=${guest.dtb}`, '-m', String(RIG_MEMORY_MB), '-nographic', '-nodefaults']);
    // kernel_addr_r of qemu_arm's U-Boot is 0x40400000; the zImage runs from there and decompresses itself.
    run('mkimage', ['-f', 'auto', '-A', 'arm', '-O', 'linux', '-T', 'kernel', '-C', 'none', '-a', '0x40400000', '-e', '0x40400000', '-n', 'Rescue Bench rig', '-d', guest.zImage, '-i', guest.initrd, '-b', guest.dtb, guest.fit]);
    fs.rmSync(root, { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
    return guest;
  });
}
