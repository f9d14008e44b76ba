/**
 * A STAND-IN ROUTER for session, backup and restore tests: a chroot with busybox (busybox-static), real
 * dropbear (dropbear-bin) and real busybox telnetd, running inside the "router" namespace of a
 * createRescueLan() pair. Its "flash" is plain files named /standin/mtdN.img (symlinked as /dev/mtdN) and
 * its /proc/mtd and /sys/class/mtd are plain text files written here: nothing touches the host's devices.
 * The u-boot-env partition is a real U-Boot environment image (mkenvimage) read by the real fw_printenv
 * (libubootenv-tool). OpenWrt's `mtd` tool has no Debian package, so /sbin/mtd is a small shell script,
 * clearly marked as a stand-in, that supports `mtd write FILE|- NAME` onto the stand-in files.
 *
 * Root with an empty password is allowed only inside this throw-away namespace (dropbear -B, like failsafe).
 *
 * With `openwrt` the stand-in also looks like a running OpenWrt for the upgrade tests: /etc/openwrt_release,
 * a STAND-IN `sysupgrade` (OpenWrt's is a shell script of base-files that needs procd, ubus and the real flash;
 * ours follows openwrt-recovery-facts.md §3's options, texts and exit codes and writes the stand-in flash),
 * STAND-IN `uci` and `ubus` answering only the two questions an upgrade asks, the real `fw_setenv`, and, with
 * `upgrade`, a reboot after sysupgrade: every session dropped, the link down for a (test-sized) delay, then
 * back as what the written slot holds (a new OpenWrt release, or a "vendor firmware" answering HTTP only).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RescueLan } from './netns';

export interface StandinPartition {
  name: string;
  size: number;
  erasesize?: number;
  /** Content; default: deterministic pseudo-random bytes from the name. */
  data?: Buffer;
  readOnly?: boolean;
  type?: 'nor' | 'nand';
  /** A sparse file of `size` (zeros): big partitions (a 123 MB firmware slot) without the cost. */
  sparse?: boolean;
}

export interface StandinOptions {
  partitions: StandinPartition[];
  /** Start dropbear on port 22 (default true). */
  ssh?: boolean;
  /**
   * The router's memory for /tmp: a real tmpfs of this size on the stand-in's /tmp (mounted before the daemons
   * start, unmounted by stop()), so df reports it and a write past it fails with "No space left on device".
   */
  tmpSizeBytes?: number;
  /** Extra dropbear options, e.g. ['-W', '1048576'] (receive window; benchmarks only). */
  dropbearArgs?: string[];
  /** Start busybox telnetd on port 23 (default false). 'shell' = failsafe style, 'login' = user/password. */
  telnet?: false | 'shell' | 'login';
  /** Root's password; '' (default) = none, like failsafe. */
  rootPassword?: string;
  /**
   * How the router offers `nc` (telnet bulk data needs it). 'applet' (default): the `nc` command.
   * 'busybox-only': no `nc` link, only `busybox nc` (a firmware that installed fewer applet links).
   * 'none': no nc at all — the `nc` link is removed and the multi-call binary is not reachable as
   * `busybox` either (it is /bin/bb, with every other applet link pointing at it), as on a busybox built
   * without the nc applet.
   */
  nc?: 'applet' | 'busybox-only' | 'none';
  /** Extra U-Boot environment lines (name=value) for the u-boot-env partition, if there is one. */
  ubootEnv?: string[];
  boardName?: string;
  model?: string;
  cmdline?: string;
  /** Partitions whose stand-in returns DIFFERENT bytes on every read (a file rewritten in place from
   *  /dev/urandom without pause, size unchanged), like NAND with unstable bits: the router's own hash and
   *  the copy can never agree. */
  unstable?: number[];
  /**
   * Root's login shell (what dropbear runs commands with). 'busybox' (default): busybox ash, which runs
   * its own applets even when their links are gone. 'dash': the host's dash copied in, which looks every
   * command up in PATH, so `withoutCommands` and `corruptStaging` take effect over SSH.
   */
  shell?: 'busybox' | 'dash';
  /** Commands this router lacks (links removed), e.g. ['sha256sum'] for a busybox built without it. Needs shell 'dash'. */
  withoutCommands?: string[];
  /**
   * Partitions whose /dev/mtdN is SLOW FLASH: a FIFO fed at about 1.25 MiB/s (64 KiB blocks, 50 ms apart)
   * by a helper, one full pass per reader; a reader that stops early just ends that pass.
   */
  slowRead?: number[];
  /** Look like a running OpenWrt (release file, sysupgrade/uci/ubus stand-ins, fw_setenv). */
  openwrt?: StandinOpenwrt;
  /** Reboot after `sysupgrade` into what the written slot holds (needs `openwrt`). */
  upgrade?: StandinUpgrade;
}

export interface StandinOpenwrt {
  release: string;
  revision: string;
  /** uci system.@system[0].compat_version; undefined: not set (19.07 has none). */
  compat?: string;
  /** Offer `ubus call system validate_firmware_image` (21.02 and later). Default true. */
  ubus?: boolean;
  /** platform.sh REQUIRE_IMAGE_METADATA (mvebu: 1). Default true. */
  requireMetadata?: boolean;
}

/** What a firmware image becomes when the stand-in "boots" it. */
export type StandinBootAs =
  | { kind: 'openwrt'; release: string; revision: string; boardName?: string; compat?: string | null; rootfsSize?: number }
  /** dhcp: its DHCP server (real busybox udhcpd) answers on the LAN, as the maker's firmware does; default true. */
  | { kind: 'vendor'; title: string; version: string; needsRootfsSize?: number; dhcp?: boolean }
  | { kind: 'no-boot' };

export interface StandinUpgrade {
  /** How long the router is gone (writing + booting), test-sized. */
  bootDelayMs: number;
  /**
   * How long its system runs before its services (dropbear, telnetd, the web server) answer: the link is up and
   * the kernel answers ping and ARP meanwhile, as a starting router does. Default 0.
   */
  servicesDelayMs?: number;
  /** By the image's sha256: what it boots as. An image not listed does not boot (the router never returns). */
  images: Record<string, StandinBootAs>;
  /**
   * Linksys dual-slot only: a written slot that does not start is followed by the slot the router ran before (its
   * old OpenWrt as it was, LuCI's page on port 80), boot_part left as the write set it — a TEST MODEL of the
   * failed-start fallback these units have (how U-Boot treats boot_part then is UNVERIFIED).
   */
  fallbackToOtherSlot?: boolean;
  /**
   * `sysupgrade -b -` sends its first 256 bytes, then stalls this long before the rest: a router with a big
   * overlay takes seconds to pack its settings. Lets a test see the settings card while the copy runs.
   */
  settingsBackupStallS?: number;
}

export interface StandinRouter {
  root: string;
  /** Host path of partition N's stand-in file. */
  partFile(index: number): string;
  sha256(index: number): string;
  /** Replace the dropbear host key with a new one and restart dropbear (a "reflashed" router). */
  regenerateHostKey(): Promise<void>;
  /** Kill the per-connection dropbear/telnetd children: the link drops mid-transfer. */
  cutConnections(): void;
  /** Limit the router's sending rate (tc tbf on its veth), e.g. '16mbit'; undefined removes the limit. */
  throttle(rate?: string): void;
  /**
   * FAULT INJECTION (shell 'dash' only): while on, `cat` without arguments (how a restore stages an upload:
   * `cat > /tmp/FILE`) changes byte 100 of what it copies, as failing RAM would; with arguments it is the
   * real cat.
   */
  corruptStaging(on: boolean): void;
  /** Router processes (pid and command name) other than the daemons and helpers, e.g. a running sha256sum. */
  processes(): Array<{ pid: number; comm: string }>;
  /** Upgrade: reboots seen so far, and the last one's request (what sysupgrade asked for). */
  reboots(): Array<{ keep: boolean; part: string; bootedAs: StandinBootAs['kind']; at: number; fellBackTo?: string }>;
  /** Upgrade: the U-Boot environment as the real fw_printenv reads it now. */
  env(): Record<string, string>;
  stop(): void;
}

export function patternData(name: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = crypto.createHash('sha256').update(`rb-standin:${name}`).digest();
  for (let off = 0; off < size; off += 32) {
    block.copy(out, off, 0, Math.min(32, size - off));
    block = crypto.createHash('sha256').update(block).digest();
  }
  return out;
}

function copyWithLibs(bin: string, root: string): void {
  const targets = new Set<string>([bin]);
  const out = execFileSync('ldd', [bin], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = /(\/\S+)\s+\(0x/.exec(line);
    if (m) targets.add(m[1]!);
  }
  for (const t of targets) {
    const dest = path.join(root, t);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(fs.realpathSync(t), dest);
    fs.chmodSync(dest, 0o755);
  }
}

const MTD_STANDIN = `#!/bin/sh
# STAND-IN for OpenWrt's mtd(8) (package/system/mtd), which has no Debian package. Test fixture only.
# Supports: mtd [-q] write FILE|- NAME|mtdN   onto the stand-in files behind /dev/mtdN.
while [ "$1" = "-q" ] || [ "$1" = "-f" ]; do shift; done
[ "$1" = "write" ] || { echo "mtd stand-in: only 'write' is supported" >&2; exit 1; }
src="$2"; dev="$3"
case "$dev" in mtd[0-9]*) n="\${dev#mtd}";; *) n=$(grep "\\"$dev\\"" /proc/mtd | cut -d: -f1 | sed 's/mtd//');; esac
[ -n "$n" ] || { echo "Could not open mtd device: $dev" >&2; exit 1; }
if grep -q . /sys/class/mtd/mtd$n/flags 2>/dev/null && [ "$(cat /sys/class/mtd/mtd$n/flags)" = "0x800" ]; then
  echo "Could not open mtd device: $dev (read-only)" >&2; exit 1; fi
size=$(cat /sys/class/mtd/mtd$n/size)
echo "Unlocking $dev ..." >&2
echo "Writing from $src to $dev ..." >&2
if [ "$src" = "-" ]; then cat > /tmp/.mtd-standin.$$; else cp "$src" /tmp/.mtd-standin.$$; fi
len=$(wc -c < /tmp/.mtd-standin.$$)
[ "$len" -le "$size" ] || { echo "Image too big for $dev" >&2; rm -f /tmp/.mtd-standin.$$; exit 1; }
dd if=/tmp/.mtd-standin.$$ of=/dev/mtd$n conv=notrunc 2>/dev/null
rm -f /tmp/.mtd-standin.$$
echo "" >&2
`;

const CORRUPTING_CAT = `#!/bin/busybox sh
# FAULT INJECTION (Rescue Bench test fixture): without arguments (how a restore stages an upload,
# \`cat > /tmp/FILE\`), byte 100 of the data is replaced by 'X', as failing RAM would. With arguments: the real cat.
[ $# -gt 0 ] && exec /bin/busybox cat "$@"
/bin/busybox dd bs=1 count=100 2>/dev/null
/bin/busybox dd bs=1 count=1 of=/dev/null 2>/dev/null
printf X
exec /bin/busybox cat
`;

const SYSUPGRADE_STANDIN = `#!/bin/sh
# =====================================================================================================
# STAND-IN for OpenWrt's /sbin/sysupgrade (package/base-files) -- Rescue Bench TEST FIXTURE ONLY.
# Follows shared/reference/openwrt-recovery-facts.md:
#  §3.3 options: -F/--force, -n, -T/--test, -v, -q, -b/--create-backup FILE|- (a .tar.gz, '-' = stdout);
#  §3.1/§3.2 fwtool metadata trailer (FWx0) and fwtool.sh's checks and texts: "Image metadata not present",
#       REQUIRE_IMAGE_METADATA=1 (mvebu) and its -F hint, "Device B not supported by this image",
#       the major/minor compat_version texts, "Image check failed but --force given - will update anyway!";
#  platform_check_image (linksys.sh): a sysupgrade tar (sysu), uImage or ARM zImage, else not forceable;
#  §4.2 linksys.sh: write the OTHER slot (fw_printenv -n boot_part), then the real fw_setenv boot_part and
#       bootcmd; single-firmware boards write "firmware";
#  the seed thread's texts: "Commencing upgrade. Closing all shell sessions.", "Command failed: Connection failed".
# Exit codes: 0 = test passed / upgrade started; 1 = image check failed (also with -T).
# RB_STANDIN_VALIDATE=1 prints what "ubus call system validate_firmware_image" answers instead.
# After "Commencing upgrade" the harness (test-support/router-standin.ts) drops every session and reboots.
# =====================================================================================================
FORCE=0; SAVE=1; TEST=0; BACKUP=""; VERB=1
while [ $# -gt 0 ]; do
  case "$1" in
    -F|--force) FORCE=1;; -n) SAVE=0;; -T|--test) TEST=1;; -v) VERB=2;; -q) VERB=0;;
    -b|--create-backup) BACKUP="$2"; shift;;
    -*) echo "sysupgrade (stand-in): option $1 is not supported here" >&2; exit 1;;
    *) break;;
  esac
  shift
done
v() { [ $VERB -ge 1 ] && echo "$(date) upgrade: $*"; }
if [ -n "$BACKUP" ]; then
  stall=$(cat /tmp/.standin-backup-stall 2>/dev/null)
  if [ "$BACKUP" = "-" ] && [ -n "$stall" ]; then tar czf - -C / etc/config etc/dropbear etc/passwd etc/shadow 2>/dev/null | { dd bs=256 count=1 2>/dev/null; sleep "$stall"; cat; }; exit 0; fi
  if [ "$BACKUP" = "-" ]; then exec tar czf - -C / etc/config etc/dropbear etc/passwd etc/shadow 2>/dev/null; fi
  v "Saving config files..."; tar czf "$BACKUP" -C / etc/config etc/dropbear etc/passwd etc/shadow 2>/dev/null; exit 0
fi
IMG="$1"
[ -n "$IMG" ] || { echo "Usage: $0 [<upgrade-option>...] <image file or URL>"; exit 1; }
[ -f "$IMG" ] || { echo "Image file not found."; exit 1; }
board=$(cat /tmp/sysinfo/board_name)
devcompat=$(uci -q get system.@system[0].compat_version); [ -n "$devcompat" ] || devcompat=1.0
valid=1; forceable=1; allow_backup=1; devmatch=true
magic=$(head -c 4 "$IMG" | hexdump -v -e '1/1 "%02x"')
case "$magic" in 73797375|27051956|0000a0e1) ;; *) v "Invalid image type."; valid=0; forceable=0;; esac
t=$(tail -c 16 "$IMG" | hexdump -v -e '1/1 "%02x"')
json=""
if [ "$(echo "$t" | cut -c1-8)" = 46577830 ] && [ "$(echo "$t" | cut -c17-18)" = 01 ]; then
  size=$((0x$(echo "$t" | cut -c25-32)))
  [ $size -gt 24 ] && json=$(tail -c $size "$IMG" | head -c $((size - 16)) | tail -c +9)
fi
if [ -z "$json" ]; then
  v "Image metadata not present"
  if [ "$REQUIRE_IMAGE_METADATA" = 1 ]; then
    [ $FORCE = 1 ] || v "Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware"
    valid=0; devmatch=false
  fi
else
  imgcompat=$(echo "$json" | sed -n 's/.*"compat_version":"\\([^"]*\\)".*/\\1/p'); [ -n "$imgcompat" ] || imgcompat=1.0
  if [ "$imgcompat" = 1.0 ]; then list=$(echo "$json" | sed -n 's/.*[{,]"supported_devices":\\[\\([^]]*\\)\\].*/\\1/p')
  else list=$(echo "$json" | sed -n 's/.*"new_supported_devices":\\[\\([^]]*\\)\\].*/\\1/p'); fi
  msg=$(echo "$json" | sed -n 's/.*"compat_message":"\\([^"]*\\)".*/\\1/p')
  devs=$(echo "$list" | sed 's/","/"\\n"/g' | sed 's/^"//; s/"$//')
  if ! echo "$devs" | grep -qxF "$board"; then
    v "Device $board not supported by this image"; v "Supported devices: $(echo $devs)"; valid=0; devmatch=false
  elif [ "\${devcompat%%.*}" != "\${imgcompat%%.*}" ]; then
    v "The device is supported, but this image is incompatible for sysupgrade based on the image version ($devcompat->$imgcompat)."
    [ -n "$msg" ] && v "$msg"
    valid=0; allow_backup=0
  elif [ "$devcompat" != "$imgcompat" ]; then
    allow_backup=0
    if [ $SAVE = 1 ] && [ "$RB_STANDIN_VALIDATE" != 1 ]; then
      v "The device is supported, but the config is incompatible to the new image ($devcompat->$imgcompat). Please upgrade without keeping config (sysupgrade -n)."
      [ -n "$msg" ] && v "$msg"
      valid=0
    fi
  fi
fi
if [ "$RB_STANDIN_VALIDATE" = 1 ]; then
  b() { [ "$1" = 1 ] && echo true || echo false; }
  printf '{\\n\\t"tests": {\\n\\t\\t"fwtool_device_match": %s\\n\\t},\\n\\t"valid": %s,\\n\\t"forceable": %s,\\n\\t"allow_backup": %s\\n}\\n' "$devmatch" "$(b $valid)" "$(b $forceable)" "$(b $allow_backup)"
  exit 0
fi
if [ $valid = 0 ]; then
  if [ $FORCE = 1 ] && [ $forceable = 1 ]; then echo "Image check failed but --force given - will update anyway!"
  else echo "Image check failed."; exit 1; fi
fi
[ $TEST = 1 ] && exit 0
if [ $SAVE = 1 ]; then v "Saving config files..."; tar czf /tmp/sysupgrade.tgz -C / etc/config etc/dropbear 2>/dev/null; fi
v "Commencing upgrade. Closing all shell sessions."
if grep -q '"kernel2"' /proc/mtd; then
  cur=$(fw_printenv -n boot_part 2>/dev/null)
  if [ "$cur" = 2 ]; then slot=1; cmd="run nandboot"; else slot=2; cmd="run altnandboot"; fi
  part=kernel$slot
  mtd -q write "$IMG" $part 2>/dev/null || { echo "Could not write $part"; exit 1; }
  fw_setenv boot_part $slot
  fw_setenv bootcmd "$cmd"
else
  part=firmware
  mtd -q write "$IMG" $part 2>/dev/null || { echo "Could not write $part"; exit 1; }
fi
sha256sum "$IMG" | cut -d' ' -f1 > /standin/$part.sha
echo "keep=$SAVE part=$part" > /standin/reboot-request
echo "Command failed: Connection failed"
sleep 120
`;

const UCI_STANDIN = `#!/bin/sh
# STAND-IN for OpenWrt's uci (Rescue Bench test fixture): answers only
# 'uci [-q] get system.@system[0].compat_version' from /etc/standin-compat (absent = not set, as on 19.07).
[ "$1" = -q ] && shift
if [ "$1" = get ] && [ "$2" = 'system.@system[0].compat_version' ] && [ -s /etc/standin-compat ]; then cat /etc/standin-compat; exit 0; fi
exit 1
`;

const UBUS_STANDIN = `#!/bin/sh
# STAND-IN for OpenWrt's ubus (Rescue Bench test fixture): answers only
# ubus call system validate_firmware_image '{"path":"FILE"}' (valid / forceable / allow_backup), through the
# sysupgrade stand-in's checks.
if [ "$1 $2 $3" = "call system validate_firmware_image" ]; then
  f=$(echo "$4" | sed -n 's/.*"path" *: *"\\([^"]*\\)".*/\\1/p')
  RB_STANDIN_VALIDATE=1 exec /sbin/sysupgrade "$f"
fi
echo "Command failed: Not found"; exit 4
`;

export async function startStandinRouter(lan: RescueLan, opts: StandinOptions): Promise<StandinRouter> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-standin-'));
  const root = path.join(base, 'root');
  for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'etc/dropbear', 'dev/pts', 'proc', 'sys/class/mtd', 'tmp/sysinfo', 'root', 'standin', 'var/log']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.chmodSync(path.join(root, 'tmp'), 0o1777);
  const tmpMount = opts.tmpSizeBytes ? path.join(root, 'tmp') : undefined;
  if (tmpMount) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${opts.tmpSizeBytes},mode=1777`, 'rb-standin-tmp', tmpMount]);
    fs.mkdirSync(path.join(tmpMount, 'sysinfo'));
    process.once('exit', () => spawnSync('umount', ['-l', tmpMount]));
  }
  fs.copyFileSync('/usr/bin/busybox', path.join(root, 'bin/busybox'));
  fs.chmodSync(path.join(root, 'bin/busybox'), 0o755);
  execFileSync('chroot', [root, '/bin/busybox', '--install', '-s', '/bin']);
  if (opts.nc === 'busybox-only' || opts.nc === 'none') fs.rmSync(path.join(root, 'bin/nc'));
  if (opts.nc === 'none') {
    fs.renameSync(path.join(root, 'bin/busybox'), path.join(root, 'bin/bb'));
    for (const f of fs.readdirSync(path.join(root, 'bin'))) {
      const link = path.join(root, 'bin', f);
      if (fs.lstatSync(link).isSymbolicLink() && fs.readlinkSync(link) === '/bin/busybox') {
        fs.rmSync(link);
        fs.symlinkSync('/bin/bb', link);
      }
    }
  }
  if (opts.shell === 'dash') copyWithLibs('/usr/bin/dash', root);
  for (const c of opts.withoutCommands ?? []) for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin']) fs.rmSync(path.join(root, d, c), { force: true });
  copyWithLibs('/usr/sbin/dropbear', root);
  copyWithLibs('/usr/bin/fw_printenv', root);
  fs.writeFileSync(path.join(root, 'sbin/mtd'), MTD_STANDIN, { mode: 0o755 });
  // Accounts: root, password as requested ('' = none, like failsafe).
  const pw = opts.rootPassword ?? '';
  const hash = pw ? execFileSync('openssl', ['passwd', '-6', pw], { encoding: 'utf8' }).trim() : '';
  const loginShell = opts.shell === 'dash' ? '/usr/bin/dash' : '/bin/sh';
  fs.writeFileSync(path.join(root, 'etc/passwd'), `root:x:0:0:root:/root:${loginShell}\n`);
  fs.writeFileSync(path.join(root, 'etc/shadow'), `root:${hash}:19000:0:99999:7:::\n`, { mode: 0o600 });
  fs.writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\n');
  fs.writeFileSync(path.join(root, 'etc/shells'), '/bin/sh\n/bin/ash\n/usr/bin/dash\n');
  fs.writeFileSync(path.join(root, 'etc/banner'), ' === Rescue Bench STAND-IN router (test fixture) ===\n');
  fs.writeFileSync(path.join(root, 'etc/profile'), 'cat /etc/banner\nexport PATH=/usr/sbin:/usr/bin:/sbin:/bin\n');
  fs.writeFileSync(path.join(root, 'tmp/sysinfo/board_name'), (opts.boardName ?? 'rescue-bench,standin') + '\n');
  fs.writeFileSync(path.join(root, 'tmp/sysinfo/model'), (opts.model ?? 'Rescue Bench Stand-in Router') + '\n');
  if (opts.upgrade?.settingsBackupStallS) fs.writeFileSync(path.join(root, 'tmp/.standin-backup-stall'), `${opts.upgrade.settingsBackupStallS}\n`);
  fs.writeFileSync(path.join(root, 'proc/cmdline'), (opts.cmdline ?? 'console=ttyS0,115200 rootfstype=squashfs') + '\n');
  // Flash stand-ins.
  const parts = opts.partitions;
  let offset = 0;
  let procMtd = 'dev:    size   erasesize  name\n';
  const envIndex = parts.findIndex((p) => /^(u-boot-env|u_env|ubootenv)$/i.test(p.name));
  parts.forEach((p, i) => {
    const es = p.erasesize ?? 0x10000;
    if (p.sparse) {
      const f = path.join(root, `standin/mtd${i}.img`);
      fs.writeFileSync(f, '');
      fs.truncateSync(f, p.size);
    }
    let data = p.sparse ? Buffer.alloc(0) : (p.data ?? patternData(p.name, p.size));
    if (i === envIndex && !p.data) {
      const txt = path.join(base, 'env.txt');
      fs.writeFileSync(txt, ['bootcmd=bootm 0x9f050000', 'bootdelay=1', 'baudrate=115200', ...(opts.ubootEnv ?? [])].join('\n') + '\n');
      execFileSync('mkenvimage', ['-s', String(Math.min(p.size, 0x4000)), '-o', path.join(base, 'env.img'), txt]);
      data = Buffer.alloc(p.size, 0xff);
      fs.readFileSync(path.join(base, 'env.img')).copy(data);
    }
    if (!p.sparse) fs.writeFileSync(path.join(root, `standin/mtd${i}.img`), data);
    fs.symlinkSync(`/standin/mtd${i}.img`, path.join(root, `dev/mtd${i}`));
    procMtd += `mtd${i}: ${p.size.toString(16).padStart(8, '0')} ${es.toString(16).padStart(8, '0')} "${p.name}"\n`;
    const sys = path.join(root, `sys/class/mtd/mtd${i}`);
    fs.mkdirSync(sys, { recursive: true });
    const nand = p.type === 'nand';
    const files: Record<string, string> = {
      name: p.name,
      type: nand ? 'nand' : 'nor',
      size: String(p.size),
      erasesize: String(es),
      offset: String(offset),
      flags: p.readOnly ? '0x800' : '0xc00', // MTD_WRITEABLE (0x400) clear = read-only
      oobsize: nand ? '64' : '0',
      writesize: nand ? '2048' : '1',
    };
    for (const [k, v] of Object.entries(files)) fs.writeFileSync(path.join(sys, k), v + '\n');
    offset += p.size;
  });
  fs.writeFileSync(path.join(root, 'proc/mtd'), procMtd);
  if (envIndex >= 0) fs.writeFileSync(path.join(root, 'etc/fw_env.config'), `/dev/mtd${envIndex} 0x0 0x4000 ${(parts[envIndex]!.erasesize ?? 0x10000).toString(16).replace(/^/, '0x')}\n`);
  const writeRelease = (release: string, revision: string): void =>
    fs.writeFileSync(
      path.join(root, 'etc/openwrt_release'),
      `DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='${release}'\nDISTRIB_REVISION='${revision}'\nDISTRIB_TARGET='mvebu/cortexa9'\nDISTRIB_ARCH='arm_cortex-a9_vfpv3-d16'\nDISTRIB_DESCRIPTION='OpenWrt ${release} ${revision}'\n`,
    );
  const writeCompat = (compat: string | undefined | null): void => {
    if (compat) fs.writeFileSync(path.join(root, 'etc/standin-compat'), compat + '\n');
    else fs.rmSync(path.join(root, 'etc/standin-compat'), { force: true });
  };
  if (opts.openwrt) {
    const o = opts.openwrt;
    fs.mkdirSync(path.join(root, 'var/lock'), { recursive: true });
    fs.mkdirSync(path.join(root, 'etc/config'), { recursive: true });
    fs.mkdirSync(path.join(root, 'standin/www'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/config/network'), "config interface 'lan'\n\toption proto 'static'\n\toption ipaddr '192.168.1.1'\n");
    fs.writeFileSync(path.join(root, 'etc/config/system'), "config system\n\toption hostname 'OpenWrt'\n");
    writeRelease(o.release, o.revision);
    writeCompat(o.compat);
    copyWithLibs('/usr/bin/fw_setenv', root);
    fs.writeFileSync(path.join(root, 'sbin/sysupgrade'), SYSUPGRADE_STANDIN.replace('FORCE=0;', `REQUIRE_IMAGE_METADATA=${o.requireMetadata === false ? 0 : 1}\nFORCE=0;`), { mode: 0o755 });
    fs.writeFileSync(path.join(root, 'sbin/uci'), UCI_STANDIN, { mode: 0o755 });
    if (o.ubus !== false) fs.writeFileSync(path.join(root, 'bin/ubus'), UBUS_STANDIN, { mode: 0o755 });
    // busybox df reads the mount table; the chroot's /tmp is a folder of this computer's /tmp
    fs.writeFileSync(path.join(root, 'proc/mounts'), 'tmpfs /tmp tmpfs rw,nosuid,nodev,noatime 0 0\n');
  }
  const keyFile = path.join(root, 'etc/dropbear/dropbear_ed25519_host_key');
  const makeKey = (): void => {
    fs.rmSync(keyFile, { force: true });
    execFileSync('dropbearkey', ['-t', 'ed25519', '-f', keyFile], { stdio: 'ignore' });
  };
  makeKey();

  // One private mount namespace for the router: device nodes and a fresh devpts bound into the chroot.
  const mounts = [
    `mount -t devpts -o newinstance,ptmxmode=0666 devpts ${root}/dev/pts`,
    `ln -sf pts/ptmx ${root}/dev/ptmx`,
    ...['null', 'zero', 'urandom', 'random', 'tty'].map((d) => `touch ${root}/dev/${d} && mount --bind /dev/${d} ${root}/dev/${d}`),
  ].join(' && ');
  const daemons: ChildProcess[] = [];
  /** Background helpers (the unstable-flash feeders): never counted as connections. */
  const helpers: ChildProcess[] = [];
  const startDropbear = (): ChildProcess => {
    const [cmd, args] = lan.router.wrap('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `${mounts} && exec chroot ${root} /usr/sbin/dropbear ${(opts.dropbearArgs ?? []).join(' ')} -F -E -B -p 22 -r /etc/dropbear/dropbear_ed25519_host_key`]);
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    p.stderr?.on('data', () => undefined);
    return p;
  };
  let dropbear: ChildProcess | undefined;
  if (opts.ssh !== false) {
    dropbear = startDropbear();
    daemons.push(dropbear);
  }
  const startTelnetd = (): ChildProcess => {
    const login = opts.telnet === 'login' ? '/bin/login' : '/bin/sh';
    const [cmd, args] = lan.router.wrap('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `${mounts} && exec chroot ${root} /bin/telnetd -F -p 23 -l ${login}`]);
    return spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  };
  if (opts.telnet) daemons.push(startTelnetd());
  const waitPort = async (port: number): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      try {
        const out = lan.router.exec('ss', ['-Htln', `sport = :${port}`]).toString();
        if (out.includes(`:${port}`)) return;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`stand-in router: nothing listening on port ${port}`);
  };
  for (const i of opts.unstable ?? []) {
    const file = path.join(root, `standin/mtd${i}.img`);
    helpers.push(lan.router.spawn('sh', ['-c', `while :; do dd if=/dev/urandom of=${file} bs=${parts[i]!.size} count=1 conv=notrunc 2>/dev/null; done`], { stdio: 'ignore' }));
  }
  for (const i of opts.slowRead ?? []) {
    const img = path.join(root, `standin/mtd${i}.img`);
    const fifo = path.join(root, `standin/mtd${i}.fifo`);
    execFileSync('mkfifo', [fifo]);
    fs.rmSync(path.join(root, `dev/mtd${i}`));
    fs.symlinkSync(`/standin/mtd${i}.fifo`, path.join(root, `dev/mtd${i}`));
    const blocks = Math.ceil(parts[i]!.size / 65536);
    // One pass per reader; a reader that stops early makes dd fail (EPIPE), which ends that pass.
    helpers.push(lan.router.spawn('sh', ['-c', `while :; do i=0; while [ $i -lt ${blocks} ]; do dd if=${img} bs=65536 skip=$i count=1 2>/dev/null || break; sleep 0.05; i=$((i+1)); done > ${fifo}; done`], { stdio: 'ignore' }));
  }
  if (opts.ssh !== false) await waitPort(22);
  if (opts.telnet) await waitPort(23);

  /** Every process of this stand-in (by namespace), except the listening daemons themselves. */
  const connectionChildren = (): number[] => {
    const pids = lan.router.exec('ip', ['netns', 'pids', lan.router.name]).toString().split(/\s+/).filter(Boolean).map(Number);
    // `ip netns exec` -> unshare -> sh -c 'exec chroot …' all exec in place: each spawned pid IS the daemon.
    const keep = new Set<number>();
    for (const d of daemons) if (d.pid) keep.add(d.pid);
    for (const h of helpers) {
      if (!h.pid) continue;
      keep.add(h.pid);
      try {
        for (const k of execFileSync('ps', ['-o', 'pid=', '--ppid', String(h.pid)], { encoding: 'utf8' }).split(/\s+/).filter(Boolean)) keep.add(Number(k));
      } catch {
        /* no children right now */
      }
    }
    return pids.filter((p) => !keep.has(p));
  };

  // ---- upgrade: sysupgrade's reboot request -> drop everything, link down, come back as the written slot
  const readEnv = (): Record<string, string> => {
    const out: Record<string, string> = {};
    try {
      for (const line of lan.router.exec('chroot', [root, '/usr/bin/fw_printenv']).toString().split('\n')) {
        const i = line.indexOf('=');
        if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
      }
    } catch {
      /* no environment partition */
    }
    return out;
  };
  const setLink = (up: boolean): void => {
    try {
      execFileSync('ip', ['-n', lan.router.name, 'link', 'set', lan.routerIf, up ? 'up' : 'down'], { stdio: 'ignore' });
    } catch {
      /* namespace gone */
    }
  };
  const rootfsSize = (): number | undefined => {
    const m = /^mtd\d+: ([0-9a-f]{8}) [0-9a-f]{8} "rootfs1"$/m.exec(procMtd);
    return m ? parseInt(m[1]!, 16) : undefined;
  };
  const setRootfsSize = (size: number): void => {
    parts.forEach((p, i) => {
      if (p.name !== 'rootfs1' && p.name !== 'rootfs2') return;
      procMtd = procMtd.replace(new RegExp(`^mtd${i}: [0-9a-f]{8}`, 'm'), `mtd${i}: ${size.toString(16).padStart(8, '0')}`);
      fs.writeFileSync(path.join(root, `sys/class/mtd/mtd${i}/size`), `${size}\n`);
    });
    fs.writeFileSync(path.join(root, 'proc/mtd'), procMtd);
  };
  const reboots: Array<{ keep: boolean; part: string; bootedAs: StandinBootAs['kind']; at: number; fellBackTo?: string }> = [];
  let stopped = false;
  const killAll = (): void => {
    for (const d of daemons.splice(0)) d.kill('SIGKILL');
    dropbear = undefined;
    for (const pid of connectionChildren()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  const reboot = async (request: string): Promise<void> => {
    const up = opts.upgrade!;
    const keep = /keep=1/.test(request);
    const part = /part=(\S+)/.exec(request)?.[1] ?? 'firmware';
    killAll();
    setLink(false);
    await new Promise((r) => setTimeout(r, up.bootDelayMs));
    if (stopped) return;
    const env = readEnv();
    const booted = /^kernel[12]$/.test(part) ? `kernel${env.boot_part ?? '1'}` : part;
    let sha = '';
    try {
      sha = fs.readFileSync(path.join(root, 'standin', `${booted}.sha`), 'utf8').trim();
    } catch {
      /* nothing written there by a sysupgrade */
    }
    let as: StandinBootAs = up.images[sha] ?? { kind: 'no-boot' };
    if (as.kind === 'vendor' && as.needsRootfsSize !== undefined && rootfsSize() !== as.needsRootfsSize) as = { kind: 'no-boot' };
    const fallBack = as.kind === 'no-boot' && up.fallbackToOtherSlot === true && /^kernel[12]$/.test(part);
    reboots.push({ keep, part, bootedAs: as.kind, at: Date.now(), ...(fallBack ? { fellBackTo: `kernel${env.boot_part === '2' ? 1 : 2}` } : {}) });
    // a router that cannot start what it was given answers nothing at all (its link stays down)
    if (as.kind === 'no-boot' && !fallBack) return;
    setLink(true);
    if (up.servicesDelayMs) await new Promise((r) => setTimeout(r, up.servicesDelayMs));
    if (stopped) return;
    if (fallBack) {
      // the slot it ran before, as it was (release, settings, host key), with LuCI's page on port 80
      fs.writeFileSync(path.join(root, 'standin/www/index.html'), '<!DOCTYPE html><html><head><title>OpenWrt - LuCI</title></head><body><!-- STAND-IN OpenWrt LuCI page (Rescue Bench test fixture) --><a href="/cgi-bin/luci/">LuCI - Lua Configuration Interface</a></body></html>\n');
      const [cmd, args] = lan.router.wrap('chroot', [root, '/bin/httpd', '-f', '-p', '80', '-h', '/standin/www']);
      daemons.push(spawn(cmd, args, { stdio: 'ignore' }));
      if (opts.ssh !== false) {
        dropbear = startDropbear();
        daemons.push(dropbear);
        await waitPort(22);
      }
      await waitPort(80);
      return;
    }
    if (as.kind === 'openwrt') {
      writeRelease(as.release, as.revision);
      if (as.boardName) fs.writeFileSync(path.join(root, 'tmp/sysinfo/board_name'), as.boardName + '\n');
      if (as.compat !== undefined) writeCompat(as.compat);
      if (as.rootfsSize !== undefined) setRootfsSize(as.rootfsSize);
      if (!keep) {
        makeKey(); // settings not kept: a fresh install makes a new SSH host key
        fs.writeFileSync(path.join(root, 'etc/config/system'), "config system\n\toption hostname 'OpenWrt'\n");
      }
      for (const f of fs.readdirSync(path.join(root, 'tmp'))) if (f !== 'sysinfo') fs.rmSync(path.join(root, 'tmp', f), { recursive: true, force: true });
      if (opts.ssh !== false) {
        dropbear = startDropbear();
        daemons.push(dropbear);
        await waitPort(22);
      }
      if (opts.telnet) {
        daemons.push(startTelnetd());
        await waitPort(23);
      }
    } else if (as.kind === 'vendor') {
      fs.writeFileSync(
        path.join(root, 'standin/www/index.html'),
        `<!DOCTYPE html><html><head><title>${as.title}</title></head><body><!-- STAND-IN vendor firmware (Rescue Bench test fixture) --><div id="fw">Firmware Version: ${as.version}</div></body></html>\n`,
      );
      const [cmd, args] = lan.router.wrap('chroot', [root, '/bin/httpd', '-f', '-p', '80', '-h', '/standin/www']);
      daemons.push(spawn(cmd, args, { stdio: 'ignore' }));
      // the maker's firmware hands out addresses on its LAN ports: real busybox udhcpd, inside this namespace only
      if (as.dhcp !== false) {
        const conf = path.join(root, 'standin/udhcpd.conf');
        fs.writeFileSync(conf, ['start 192.168.1.100', 'end 192.168.1.149', `interface ${lan.routerIf}`, `lease_file ${path.join(root, 'standin/udhcpd.leases')}`, 'option subnet 255.255.255.0', 'option router 192.168.1.1', ''].join('\n'));
        const [dc, da] = lan.router.wrap('busybox', ['udhcpd', '-f', conf]);
        daemons.push(spawn(dc, da, { stdio: 'ignore' }));
      }
      await waitPort(80);
    }
  };
  let poll: NodeJS.Timeout | undefined;
  if (opts.upgrade) {
    const req = path.join(root, 'standin/reboot-request');
    let rebooting = false;
    poll = setInterval(() => {
      if (rebooting || !fs.existsSync(req)) return;
      let text = '';
      try {
        text = fs.readFileSync(req, 'utf8');
        fs.rmSync(req);
      } catch {
        return;
      }
      rebooting = true;
      void reboot(text).finally(() => (rebooting = false));
    }, 100);
  }

  return {
    root,
    reboots: () => reboots.slice(),
    env: readEnv,
    partFile: (i) => path.join(root, `standin/mtd${i}.img`),
    sha256: (i) => crypto.createHash('sha256').update(fs.readFileSync(path.join(root, `standin/mtd${i}.img`))).digest('hex'),
    async regenerateHostKey() {
      if (!dropbear) return;
      const old = dropbear;
      const exited = new Promise((r) => old.once('exit', r));
      old.kill('SIGTERM');
      await exited;
      // the chrooted dropbear is a grandchild through unshare/sh exec chain: it was replaced by exec, so killing
      // `ip netns exec` leaves it; make sure nothing listens any more before restarting.
      for (const pid of connectionChildren()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      makeKey();
      dropbear = startDropbear();
      daemons.splice(daemons.indexOf(old), 1, dropbear);
      await waitPort(22);
    },
    throttle(rate) {
      try {
        execFileSync('ip', ['netns', 'exec', lan.router.name, 'tc', 'qdisc', 'del', 'dev', lan.routerIf, 'root'], { stdio: 'ignore' });
      } catch {
        /* none yet */
      }
      if (rate) execFileSync('ip', ['netns', 'exec', lan.router.name, 'tc', 'qdisc', 'add', 'dev', lan.routerIf, 'root', 'tbf', 'rate', rate, 'burst', '32kb', 'latency', '400ms']);
    },
    corruptStaging(on) {
      if (opts.shell !== 'dash') throw new Error('stand-in router: corruptStaging needs shell "dash" (busybox ash runs its own cat)');
      const cat = path.join(root, 'bin/cat');
      fs.rmSync(cat, { force: true }); // a link to /bin/busybox: never write through it
      if (on) fs.writeFileSync(cat, CORRUPTING_CAT, { mode: 0o755 });
      else fs.symlinkSync('/bin/busybox', cat);
    },
    processes() {
      return connectionChildren().flatMap((pid) => {
        try {
          return [{ pid, comm: fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() }];
        } catch {
          return []; // gone meanwhile
        }
      });
    },
    cutConnections() {
      for (const pid of connectionChildren()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
    stop() {
      stopped = true;
      clearInterval(poll);
      if (opts.upgrade) setLink(true); // leave the cable as it was found (a reboot takes it down)
      for (const d of [...daemons, ...helpers]) d.kill('SIGKILL');
      try {
        const pids = lan.router.exec('ip', ['netns', 'pids', lan.router.name]).toString().split(/\s+/).filter(Boolean).map(Number);
        for (const p of pids) process.kill(p, 'SIGKILL');
      } catch {
        /* namespace already gone */
      }
      if (tmpMount) spawnSync('umount', ['-l', tmpMount]);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
