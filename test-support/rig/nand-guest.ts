/**
 * FLASH extension of the virtual bench rig (issue 6), kept apart from the rig's own files: the rig's guest
 * plus nandsim (Debian's armmp kernel module) holding a router-like NAND layout filled with known data, real
 * mtd-utils (nanddump, nandwrite, flash_erase) and dropbear from Debian's armhf packages, busybox
 * telnetd and nc. The extra files travel as a second cpio archive appended to the rig's initramfs (the
 * kernel unpacks concatenated archives in order), in our own FIT image. Nothing binary is committed.
 *
 * Layout on an 8 MiB small-page nandsim chip (ID 0x20 0xe6: 512-byte pages, 8 KiB erase blocks), sizes of
 * a small router (bootloader, env, calibration, kernel, rootfs), NAMED like a router's by the kernel itself:
 * nandsim alone names its partitions "NAND simulator partition N" (its `parts=` takes sizes only), Debian's
 * armmp kernel does not build the kernel's command-line partition parser (CONFIG_MTD_CMDLINE_PARTS is not
 * set) and hides the master device BLKPG would need (CONFIG_MTD_PARTITIONED_MASTER off). So the rig builds
 * that parser, drivers/mtd/parsers/cmdlinepart.c from Debian's linux-source of the same kernel version, as a
 * module against Debian's linux-headers with the armhf cross compiler (gcc-arm-linux-gnueabihf), and the
 * guest loads it with its `mtdparts=` parameter before nandsim. nandsim registers through
 * mtd_device_register(), which asks the "cmdlinepart" parser first: /proc/mtd then holds u-boot, u-boot-env,
 * art, kernel and rootfs, exactly as on a router booted with mtdparts= (see docs/rig.md).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createNetns, type Netns } from '../netns';
import { buildGuest, GUEST_READY_LINE, QEMU_MACHINE, RIG_CACHE, RIG_MEMORY_MB, type Guest } from './guest';
import { stopQemu } from './qemu';

export const NAND_LAYOUT = [
  { name: 'u-boot', size: 0x40000 },
  { name: 'u-boot-env', size: 0x10000 },
  { name: 'art', size: 0x10000 },
  { name: 'kernel', size: 0x180000 },
  { name: 'rootfs', size: 0x620000 },
] as const;
export const NAND_TOTAL = 0x800000;
export const NAND_ERASESIZE = 0x2000;

const ARMHF_PACKAGES = ['mtd-utils', 'dropbear-bin', 'libc6', 'zlib1g', 'libcrypt1', 'libtomcrypt1', 'libtommath1', 'libgmp10'];
const TOOLS = ['usr/sbin/nanddump', 'usr/sbin/nandwrite', 'usr/sbin/flash_erase', 'usr/sbin/dropbear', 'usr/bin/dropbearkey'];

/** The mtd-id of the nandsim chip with ID 0x20 0xe6: the kernel's name for it (nand_ids.c), as in the guest's boot log. */
export const NAND_CHIP_NAME = 'NAND 8MiB 3,3V 8-bit';
/** The kernel's partition spec for the layout, as a router's bootloader would pass it. */
export const NAND_MTDPARTS = `${NAND_CHIP_NAME}:${NAND_LAYOUT.map((p) => `${p.size / 1024}k(${p.name})`).join(',')}`;

/** What the flash rig needs beyond the base rig: make and the armhf cross compiler (to build cmdlinepart.ko). */
export function flashRigSupport(): { ok: true } | { ok: false; reason: string } {
  for (const [bin, pkg] of [['make', 'make'], ['arm-linux-gnueabihf-gcc', 'gcc-arm-linux-gnueabihf'], ['xz', 'xz-utils']] as const) {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    } catch {
      return { ok: false, reason: `\`${bin}\` is missing (Debian package ${pkg}); the flash rig builds the kernel's cmdlinepart parser with it` };
    }
  }
  return { ok: true };
}

/**
 * Build drivers/mtd/parsers/cmdlinepart.c of the rig's kernel as a loadable module, once (cached per kernel
 * package version). Downloads with apt: linux-source-6.1 (the source, only this one file is unpacked),
 * linux-headers-<release> (armhf: .config, Module.symvers) and its -common part, linux-kbuild (host tools).
 * Debian's per-flavour headers Makefile includes the -common one by absolute path; it is pointed at the
 * unpacked copy. The result carries the kernel's exact vermagic and symbol CRCs; it is not signed, which
 * this kernel allows (CONFIG_MODULE_SIG_FORCE is not set: it only taints).
 */
export function buildCmdlinepart(): string {
  const debs = path.join(RIG_CACHE, 'debs');
  const image = fs.readdirSync(debs).find((f) => /^linux-image-.*-armmp_/.test(f));
  if (!image) throw new Error('flash rig: the rig kernel package is not downloaded yet (build the base guest first)');
  const [, release, version] = /^linux-image-(.+)_(.+)_armhf\.deb$/.exec(image)!;
  const dir = path.join(RIG_CACHE, 'cmdlinepart', `${release}_${version}`);
  const ko = path.join(dir, 'cmdlinepart.ko');
  if (fs.existsSync(ko)) return ko;
  const major = /^(\d+\.\d+)/.exec(version!)![1]!;
  const common = release!.replace(/-armmp$/, '-common');
  const work = path.join(dir, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'debs'), { recursive: true });
  run('apt-get', ['download', '-q', `linux-headers-${release}:armhf`, `linux-headers-${common}=${version}`, `linux-kbuild-${major}=${version}`, `linux-source-${major}=${version}`], { cwd: path.join(work, 'debs') });
  const tree = path.join(work, 'tree');
  for (const f of fs.readdirSync(path.join(work, 'debs'))) {
    if (!f.startsWith('linux-source')) run('dpkg-deb', ['-x', path.join(work, 'debs', f), tree]);
  }
  const mod = path.join(work, 'mod');
  fs.mkdirSync(mod);
  const src = `linux-source-${major}/drivers/mtd/parsers/cmdlinepart.c`;
  const deb = path.join(work, 'debs', fs.readdirSync(path.join(work, 'debs')).find((f) => f.startsWith('linux-source'))!);
  run('sh', ['-c', `dpkg-deb --fsys-tarfile "$1" | tar -xO ./usr/src/linux-source-${major}.tar.xz | xz -dc | tar -xO ${src} > "$2"`, 'sh', deb, path.join(mod, 'cmdlinepart.c')]);
  if (!fs.statSync(path.join(mod, 'cmdlinepart.c')).size) throw new Error(`flash rig: ${src} is not in linux-source-${major} ${version}`);
  fs.writeFileSync(path.join(mod, 'Kbuild'), 'obj-m := cmdlinepart.o\n');
  const headers = path.join(tree, 'usr/src', `linux-headers-${release}`);
  fs.writeFileSync(path.join(headers, 'Makefile'), `include ${path.join(tree, 'usr/src', `linux-headers-${common}`, 'Makefile')}\n`);
  run('make', ['-C', headers, `M=${mod}`, 'ARCH=arm', 'CROSS_COMPILE=arm-linux-gnueabihf-', 'modules']);
  fs.copyFileSync(path.join(mod, 'cmdlinepart.ko'), ko);
  fs.rmSync(work, { recursive: true, force: true });
  return ko;
}

/** Known content for a partition: numbered text lines naming the partition (compressible, so the FIT stays small). */
export function nandData(name: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let off = 0;
  for (let k = 0; off < size; k++) off += out.write(`rescue-bench nand rig, partition ${name}, line ${k}\n`, off);
  return out;
}

/** The shared libraries a set of ELF files needs (readelf NEEDED, followed through the libraries). */
function neededLibs(tree: string, files: string[]): string[] {
  const dirs = ['lib/arm-linux-gnueabihf', 'usr/lib/arm-linux-gnueabihf'];
  const found = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const f = queue.shift()!;
    const out = execFileSync('readelf', ['-d', path.join(tree, f)], { encoding: 'utf8' });
    for (const m of out.matchAll(/NEEDED\).*\[(.+)\]/g)) {
      const lib = m[1]!;
      const rel = dirs.map((d) => path.join(d, lib)).find((r) => fs.existsSync(path.join(tree, r)));
      if (!rel) throw new Error(`flash rig: ${lib} (needed by ${f}) is in none of the downloaded packages`);
      if (!found.has(rel)) {
        found.add(rel);
        queue.push(rel);
      }
    }
  }
  return [...found];
}

/** sha256 of each partition's known content, by mtd index. */
export function nandExpectedSha256(): string[] {
  return NAND_LAYOUT.map((p) => crypto.createHash('sha256').update(nandData(p.name, p.size)).digest('hex'));
}

function run(cmd: string, args: string[], opts: { cwd?: string; input?: Buffer } = {}): Buffer {
  return execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, timeout: 600_000, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

const SETUP = `#!/bin/sh
# Rescue Bench flash rig: a router-like NAND on nandsim, known data, telnetd and dropbear on the network.
# The rig's modules.dep lists direct dependencies only and busybox modprobe does not recurse, so
# virtio_net (-> net_failover -> failover) fails there; load the chain in order and bring eth0 up here.
if [ ! -e /sys/class/net/eth0 ]; then
  modprobe failover; modprobe net_failover; modprobe virtio_net
  for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /sys/class/net/eth0 ] && break; sleep 0.2; done
  ip addr add 192.168.1.1/24 dev eth0; ip link set eth0 up
fi
# The partition names come from the kernel's own cmdlinepart parser (built by the rig, see buildCmdlinepart);
# the mtd-id has spaces, so the value is in double quotes for the kernel's parameter parser (busybox insmod
# passes the words through as they are). nandsim gets no parts= of its own.
insmod /flash-mods/cmdlinepart.ko 'mtdparts="${NAND_MTDPARTS}"' || echo "flash rig: cmdlinepart did not load"
modprobe nandsim first_id_byte=0x20 second_id_byte=0xe6 || echo "flash rig: nandsim did not load"
i=0
for p in ${NAND_LAYOUT.map((p) => p.name).join(' ')}; do
  flash_erase -q /dev/mtd$i 0 0 && nandwrite -q -p /dev/mtd$i /flash-data/$p.bin || echo "flash rig: filling $p failed"
  rm -f /flash-data/$p.bin
  i=$((i + 1))
done
mkdir -p /tmp/sysinfo /etc/dropbear /var/run /root
echo "rescue-bench,nand-rig" > /tmp/sysinfo/board_name
echo "Rescue Bench NAND rig (QEMU, nandsim)" > /tmp/sysinfo/model
echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd
echo 'root::19000:0:99999:7:::' > /etc/shadow
echo 'root:x:0:' > /etc/group
telnetd -p 23 -l /bin/sh
dropbear -R -B -p 22 || echo "flash rig: dropbear did not start"
cat /proc/mtd
echo "flash rig: nand ready"
`;

export interface FlashGuest extends Guest {
  /** Our FIT (kernel + rig initramfs + flash overlay + device tree). */
  flashFit: string;
}

export function buildFlashGuest(): FlashGuest {
  const guest = buildGuest({ name: 'flash', extraModules: ['nandsim'], initExtra: ['[ -x /flash-setup.sh ] && /flash-setup.sh'] });
  const cmdlinepart = buildCmdlinepart();
  const key = crypto.createHash('sha256').update(JSON.stringify({ v: 5, guest: guest.dir, SETUP, ARMHF_PACKAGES, TOOLS, cmdlinepart })).digest('hex').slice(0, 12);
  const dir = path.join(RIG_CACHE, 'flash', key);
  const flashFit = path.join(dir, 'flash-rig.itb');
  if (fs.existsSync(path.join(dir, '.complete'))) return { ...guest, flashFit };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // armhf packages (same apt the rig uses; the armhf architecture is already added by it)
  const debs = path.join(RIG_CACHE, 'flash-debs');
  fs.mkdirSync(debs, { recursive: true });
  const have = fs.readdirSync(debs);
  const missing = ARMHF_PACKAGES.filter((p) => !have.some((f) => f.startsWith(`${p}_`)));
  if (missing.length) run('apt-get', ['download', '-q', ...missing.map((p) => `${p}:armhf`)], { cwd: debs });
  const tree = path.join(dir, 'tree');
  for (const f of fs.readdirSync(debs)) if (f.endsWith('.deb')) run('dpkg-deb', ['-x', path.join(debs, f), tree]);
  // overlay: shared libraries + the loader, the tools, the data and the setup script
  const root = path.join(dir, 'root');
  for (const d of ['lib', 'usr/lib', 'usr/sbin', 'usr/bin', 'flash-data', 'flash-mods']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.copyFileSync(cmdlinepart, path.join(root, 'flash-mods', 'cmdlinepart.ko'));
  for (const rel of [...TOOLS, ...neededLibs(tree, TOOLS)]) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.copyFileSync(fs.realpathSync(path.join(tree, rel)), path.join(root, rel));
    fs.chmodSync(path.join(root, rel), 0o755);
  }
  // the program interpreter named in every armhf binary
  fs.copyFileSync(fs.realpathSync(path.join(tree, 'lib/ld-linux-armhf.so.3')), path.join(root, 'lib/ld-linux-armhf.so.3'));
  fs.chmodSync(path.join(root, 'lib/ld-linux-armhf.so.3'), 0o755);
  for (const p of NAND_LAYOUT) fs.writeFileSync(path.join(root, 'flash-data', `${p.name}.bin`), nandData(p.name, p.size));
  fs.writeFileSync(path.join(root, 'flash-setup.sh'), SETUP, { mode: 0o755 });
  const list = run('sh', ['-c', 'find . -mindepth 1 | LC_ALL=C sort'], { cwd: root });
  const cpio = run('cpio', ['--quiet', '-o', '-H', 'newc', '-R', '0:0'], { cwd: root, input: list });
  const initrd = path.join(dir, 'initrd.cpio.gz');
  fs.writeFileSync(initrd, Buffer.concat([fs.readFileSync(guest.initrd), run('gzip', ['-6n'], { input: cpio })]));
  run('mkimage', ['-f', 'auto', '-A', 'arm', '-O', 'linux', '-T', 'kernel', '-C', 'none', '-a', '0x40400000', '-e', '0x40400000', '-n', 'Rescue Bench flash rig', '-d', guest.zImage, '-i', initrd, '-b', guest.dtb, flashFit]);
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(tree, { recursive: true, force: true });
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  return { ...guest, flashFit };
}

export interface FlashRig {
  ns: Netns & { destroy(): void };
  /** Everything the guest printed on its console. */
  console(): string;
  stop(): Promise<void>;
}

/**
 * Boot the flash guest straight from QEMU (-kernel/-initrd, no U-Boot: the bootloader path is the serial
 * suite's subject, and loading the larger initramfs through U-Boot's FIT placement hung before the kernel
 * printed anything). Network: a tap in a fresh namespace, this computer 192.168.1.10/24, the guest
 * 192.168.1.1/24. Resolves when the guest's init has filled the NAND and started telnetd and dropbear.
 */
export async function startFlashRig(guest: FlashGuest, opts: { timeoutMs?: number } = {}): Promise<FlashRig> {
  const ns = createNetns('flrig');
  const tap = `rbfl${crypto.randomBytes(2).toString('hex')}`;
  let qemu: ChildProcess | undefined;
  try {
    ns.exec('ip', ['tuntap', 'add', 'dev', tap, 'mode', 'tap']);
    ns.exec('ip', ['addr', 'add', '192.168.1.10/24', 'dev', tap]);
    ns.exec('ip', ['link', 'set', tap, 'up']);
    ns.exec('ip', ['link', 'set', 'lo', 'up']);
    const initrd = path.join(path.dirname(guest.flashFit), 'initrd.cpio.gz');
    qemu = ns.spawn('qemu-system-arm', [
      '-M', QEMU_MACHINE, '-m', String(RIG_MEMORY_MB), '-display', 'none', '-nodefaults', '-no-reboot',
      '-kernel', guest.zImage, '-initrd', initrd, '-append', 'console=ttyAMA0 panic=-1',
      '-serial', 'stdio', '-monitor', 'none',
      '-netdev', `tap,id=n0,ifname=${tap},script=no,downscript=no`, '-device', 'virtio-net-device,netdev=n0',
    ], { stdio: ['pipe', 'pipe', 'pipe'] });
    const proc = qemu;
    let log = '';
    proc.stdout!.on('data', (d: Buffer) => (log += d.toString('latin1')));
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString('latin1')));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`flash rig: the guest was not ready within ${(opts.timeoutMs ?? 240_000) / 1000} s:\n${log.slice(-3000)}`)), opts.timeoutMs ?? 240_000);
      const check = (): void => {
        if (log.includes(GUEST_READY_LINE)) {
          clearTimeout(t);
          resolve();
        }
      };
      proc.stdout!.on('data', check);
      proc.once('exit', (code) => {
        clearTimeout(t);
        reject(new Error(`flash rig: QEMU exited (${code}):\n${log.slice(-3000)}`));
      });
    });
    return {
      ns,
      console: () => log,
      stop: () => stopQemu(proc, ns, () => proc.kill('SIGTERM')),
    };
  } catch (err) {
    qemu?.kill('SIGKILL');
    ns.destroy();
    throw err;
  }
}
