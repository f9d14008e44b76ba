import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISCOVERY_SCRIPT, DISCOVERY_SCRIPT_SSH } from '../../../../src-shared/capabilities/device/device';

/**
 * The discovery script's sysfs loops read each attribute with the shell's `read` instead of `$(cat …)` (decision
 * 0142). Run against a fake sysfs tree in the shells routers have (busybox ash) and the stand-in's other shell
 * (dash): the same lines as the old form, without a process per attribute.
 */
const READ = '{ IFS= read -r v < "$d/$f"; echo "$f=$v"; }';
const OLD = 'echo "$f=$(cat "$d/$f")"';
const parts = DISCOVERY_SCRIPT.split('; ');
const loop = (dir: string): string => {
  const start = DISCOVERY_SCRIPT.indexOf(`for d in /sys/class/${dir}/`);
  const end = DISCOVERY_SCRIPT.indexOf('; done; done', start) + '; done; done'.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return DISCOVERY_SCRIPT.slice(start, end);
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-discovery-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const put = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.writeFileSync(path.join(tmp, rel), text);
};
// A NOR partition, its read-only twin (skipped), one attribute without a final newline, an empty one, one with
// inner and trailing spaces, an unreadable-missing one (oobsize absent); a UBI device.
put('mtd/mtd0/name', 'u-boot\n');
put('mtd/mtd0/type', 'nor\n');
put('mtd/mtd0/size', '262144\n');
put('mtd/mtd0/erasesize', '65536\n');
put('mtd/mtd0/offset', '0');
put('mtd/mtd0/flags', '0x800\n');
put('mtd/mtd0/writesize', '\n');
put('mtd/mtd0ro/name', 'u-boot\n');
put('mtd/mtd1/name', 'fw  part 2 \n');
put('mtd/mtd1/type', 'nand\n');
put('mtd/mtd1/size', '134217728\n');
put('ubi/ubi0/mtd_num', '3\n');
put('ubi/ubi0/name', 'rootfs_data\n');
put('ubi/ubi0/data_bytes', '1048576');
// The files the script reads besides sysfs, under the same temporary root (/proc, /tmp/sysinfo).
put('proc/mtd', 'dev:    size   erasesize  name\nmtd0: 00040000 00010000 "u-boot"\nmtd1: 08000000 00020000 "fw  part 2 "\n');
put('proc/cmdline', 'console=ttyS0,115200 root=/dev/mtdblock2 rootfstype=squashfs\n');
put('proc/sys/kernel/hostname', 'OpenWrt\n');
put('proc/sys/kernel/osrelease', '6.6.61\n');
put('tmp/sysinfo/board_name', 'tplink,archer-c7-v2\n');
put('tmp/sysinfo/model', 'TP-Link Archer C7 v2 \\ "quoted" $HOME %s\n');

const candidates: Array<[string, string[]]> = [
  ['busybox ash', ['busybox', 'sh', '-c']],
  ['dash', ['dash', '-c']],
];
const shells = candidates.filter(([, cmd]) => spawnSync('sh', ['-c', `command -v ${cmd[0]!}`]).status === 0);

// the loops end with the status of the last `[ -r … ]` (1 for a missing attribute); the real script goes on after them
const run = (cmd: string[], script: string): string => spawnSync(cmd[0]!, [...cmd.slice(1), script], { encoding: 'utf8' }).stdout;
const here = (script: string): string => script.replaceAll('/sys/class/', `${tmp}/`);
// The whole script under the temporary root; `uci`, `fw_printenv` and `nc` renamed so that what runs does not
// depend on the host (they stay external commands, as on a router).
const whole = (script: string): string =>
  here(script)
    .replaceAll('/proc/', `${tmp}/proc/`)
    .replaceAll('/tmp/sysinfo/', `${tmp}/tmp/sysinfo/`)
    .replaceAll('uci -q', 'rb-no-uci -q')
    .replaceAll('fw_printenv', 'rb-no-fw-printenv')
    .replaceAll('nc --help', 'rb-no-nc --help');
// Before: the one-line and /proc files through `cat`.
const RD = /\[ -r (\/[^\s;]+) \] && \{ IFS= read -r v < \/[^\s;]+; printf '%s\\n' "\$v"; \}/g;
const withCat = (script: string): string => script.replace(RD, 'cat $1 2>/dev/null');

describe('discovery script: sysfs attributes read without a process each (decision 0142)', () => {
  it('has the read form in both loops and no command substitution left in them', () => {
    for (const l of [loop('mtd'), loop('ubi')]) {
      expect(l).toContain(READ);
      expect(l).not.toContain('$(');
    }
    expect(parts.length).toBeGreaterThan(5);
  });

  it.runIf(shells.length > 0)('prints the same lines as `$(cat …)` in each shell', () => {
    for (const [name, cmd] of shells) {
      for (const l of [loop('mtd'), loop('ubi')]) {
        const now = run(cmd, here(l));
        const before = run(cmd, here(l.replaceAll(READ, OLD)));
        expect(now, name).toBe(before);
      }
      expect(run(cmd, here(loop('mtd'))), name).toBe(
        ['@@ mtd0', 'name=u-boot', 'type=nor', 'size=262144', 'erasesize=65536', 'offset=0', 'flags=0x800', 'writesize=', '@@ mtd1', 'name=fw  part 2 ', 'type=nand', 'size=134217728', ''].join('\n'),
      );
    }
  });

  const strace = spawnSync('sh', ['-c', 'command -v strace']).status === 0;
  if (!strace) console.log('discovery-script: strace is not installed, the process count is not checked');
  it.runIf(strace && shells.length > 0)('starts no process per attribute (strace counts the forks)', () => {
    const forks = (script: string): number => {
      const log = path.join(tmp, 'strace.log');
      spawnSync('strace', ['-f', '-qq', '-e', 'trace=fork,vfork,clone,clone3', '-o', log, 'busybox', 'sh', '-c', here(script)], { stdio: 'ignore' });
      return fs.readFileSync(log, 'utf8').split('\n').filter((x) => /\b(v?fork|clone3?)\(/.test(x)).length;
    };
    const script = `${loop('mtd')}; ${loop('ubi')}`;
    expect(forks(script)).toBe(0);
    expect(forks(script.replaceAll(READ, OLD))).toBeGreaterThanOrEqual(10); // 6 + 3 + 3 attributes, one subshell each
    // The whole script: processes only for uci, the nc probe (and its grep) and fw_printenv, not for each file.
    const now = forks(whole(DISCOVERY_SCRIPT));
    const before = forks(whole(withCat(DISCOVERY_SCRIPT)));
    expect(before - now).toBe(5); // cmdline, board_name, model, hostname, osrelease
    expect(now).toBeLessThanOrEqual(7); // cat /proc/mtd, uci, nc (+ grep, busybox nc, grep), fw_printenv
    // Over SSH without the nc probe (nc and grep, busybox nc and grep when there is no nc): at most cat, uci, fw_printenv.
    expect(forks(whole(DISCOVERY_SCRIPT_SSH))).toBeLessThanOrEqual(now - 2);
    expect(forks(whole(DISCOVERY_SCRIPT_SSH))).toBeLessThanOrEqual(3);
  });
});

describe('discovery script: one-line files read by the shell, not by cat', () => {
  it('has no `cat` left', () => {
    expect(DISCOVERY_SCRIPT.match(/\bcat\b/g)).toEqual(['cat']); // /proc/mtd only: many lines
    expect(DISCOVERY_SCRIPT.match(RD)?.length).toBe(5);
  });

  it.runIf(shells.length > 0)('prints what `cat` printed, backslashes, quotes and % kept', () => {
    for (const [name, cmd] of shells) {
      const now = run(cmd, whole(DISCOVERY_SCRIPT));
      expect(now, name).toBe(run(cmd, whole(withCat(DISCOVERY_SCRIPT))));
      expect(now, name).toContain('@@ model\nTP-Link Archer C7 v2 \\ "quoted" $HOME %s\n@@ compat_version');
      expect(now, name).toContain('@@ proc_mtd\ndev:    size   erasesize  name\nmtd0: 00040000 00010000 "u-boot"\n');
      expect(now, name).toMatch(/@@ end\n$/);
    }
  });

  it('over SSH: the same script without the nc probe, and nothing else changed', () => {
    expect(DISCOVERY_SCRIPT).toContain('nc --help');
    expect(DISCOVERY_SCRIPT_SSH).not.toMatch(/\bnc\b/);
    expect(DISCOVERY_SCRIPT_SSH.length).toBeLessThan(DISCOVERY_SCRIPT.length);
    expect(DISCOVERY_SCRIPT.startsWith(DISCOVERY_SCRIPT_SSH.slice(0, DISCOVERY_SCRIPT_SSH.indexOf('@@ tools')))).toBe(true);
    expect(DISCOVERY_SCRIPT_SSH).toMatch(/@@ fw_printenv.*@@ end'$/);
  });

  it.runIf(shells.length > 0)('keeps a last line without a newline, and says nothing for a missing file', () => {
    for (const [name, cmd] of shells) {
      put('tmp/sysinfo/board_name', 'glinet,gl-mt300n-v2');
      fs.rmSync(path.join(tmp, 'tmp/sysinfo/model'));
      try {
        const now = run(cmd, whole(DISCOVERY_SCRIPT));
        expect(now, name).toContain('@@ board_name\nglinet,gl-mt300n-v2\n@@ model\n@@ compat_version');
      } finally {
        put('tmp/sysinfo/board_name', 'tplink,archer-c7-v2\n');
        put('tmp/sysinfo/model', 'TP-Link Archer C7 v2 \\ "quoted" $HOME %s\n');
      }
    }
  });
});
