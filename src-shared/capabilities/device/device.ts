import type { DeviceIdentity, DeviceTools, Partition } from '../device/contract';
import { parseProcMtd } from '../../parsers/mtd';
import { MTD_WRITEABLE, parseSysfsMtd } from './sysfs-mtd';
import { parseFwPrintenv } from './fwenv';
import { parseUbiInfo, type UbiDevice } from './ubi-info';
import { splitSections } from './sysfs-dump';
import { dangerOf, runningDanger } from './danger';
import type { SaidMessage } from '../../contract/common';
import { said, type Said } from '../../i18n/said';

/**
 * The one discovery script run on the router (busybox ash, no bashisms): every answer is a `@@ section`
 * so one round trip covers everything, which matters over slow telnet. Missing files just give empty sections.
 * The sysfs attributes (one line each) are read with the shell's own `read`, not `$(cat …)`: a command
 * substitution forks a subshell, eight per partition, which on a router's slow CPU (and on a bench with eight
 * routers answering at once) was most of the script's time (decision 0142). The one-line files are read the same
 * way, so the script starts a process only for `cat /proc/mtd` (many lines), `uci`, the `nc` probe and `fw_printenv`.
 */
/** A one-line file read by the shell itself (no process), printed with its newline even when the file has none. */
const rd = (file: string): string => `[ -r ${file} ] && { IFS= read -r v < ${file}; printf '%s\\n' "$v"; }`;

// nc is asked by running it: busybox ash's `command -v` names compiled-in applets that have no link to run by
const NC_PROBE = "{ nc --help </dev/null 2>&1 | grep -qi usage || busybox nc --help </dev/null 2>&1 | grep -qi 'usage: nc'; } && echo nc=1";

export const DISCOVERY_SCRIPT = [
  "echo '@@ proc_mtd'; cat /proc/mtd 2>/dev/null",
  `echo '@@ cmdline'; ${rd('/proc/cmdline')}`,
  `echo '@@ board_name'; ${rd('/tmp/sysinfo/board_name')}`,
  `echo '@@ model'; ${rd('/tmp/sysinfo/model')}`,
  // sysupgrade compares the image's compat_version with this one (fwtool.sh; absent means 1.0).
  "echo '@@ compat_version'; uci -q get system.@system[0].compat_version 2>/dev/null",
  `echo '@@ hostname'; ${rd('/proc/sys/kernel/hostname')}`,
  `echo '@@ kernel'; ${rd('/proc/sys/kernel/osrelease')}`,
  'for d in /sys/class/mtd/mtd*; do case "$d" in *ro|*\\*) continue;; esac; echo "@@ ${d##*/}"; for f in name type size erasesize offset flags oobsize writesize; do [ -r "$d/$f" ] && { IFS= read -r v < "$d/$f"; echo "$f=$v"; }; done; done',
  'for d in /sys/class/ubi/ubi*; do [ -d "$d" ] || continue; echo "@@ ${d##*/}"; for f in mtd_num name data_bytes; do [ -r "$d/$f" ] && { IFS= read -r v < "$d/$f"; echo "$f=$v"; }; done; done',
  `echo '@@ tools'; for t in nanddump nandwrite flash_erase mtd sha256sum md5sum fw_printenv; do command -v $t >/dev/null 2>&1 && echo "$t=1"; done; ${NC_PROBE}`,
  "echo '@@ fw_printenv'; command -v fw_printenv >/dev/null 2>&1 && fw_printenv 2>&1",
  "echo '@@ end'",
].join('; ');

/**
 * The same over SSH, without the `nc` probe: only telnet copies go through nc (SSH carries the bytes itself), and
 * the probe starts two to four processes on the router. Its `tools.nc` is then false (not asked).
 */
export const DISCOVERY_SCRIPT_SSH = DISCOVERY_SCRIPT.replace(`; ${NC_PROBE}`, '');

export interface Discovery {
  identity: DeviceIdentity;
  partitions: Partition[];
  tools: DeviceTools;
  env?: Record<string, string>;
  ubi: UbiDevice[];
  running?: { slot: number; evidence: string };
  warnings: string[];
  /** The warnings that are ours as catalogue id + values (decision 0182); a router's own line (fw_printenv) has none. */
  warningsMsg: SaidMessage[];
}

const SLOT_RE = /^(kernel|rootfs|firmware|ubi|linux|image|fit)[-_]?([12])$/i;

function sectionText(sections: ReturnType<typeof splitSections>, name: string): string | undefined {
  const s = sections.find((x) => x.name === name);
  if (!s) return undefined;
  const t = s.lines.join('\n').trim();
  return t ? t : undefined;
}

/** Turn the discovery script's output into the partition map, identity and tool list. Pure. */
export function interpretDiscovery(output: string): Discovery {
  const sections = splitSections(output);
  const warnings: string[] = [];
  const warningsMsg: SaidMessage[] = [];
  const warn = (w: Said): void => {
    warnings.push(w.text);
    warningsMsg.push(w.msg);
  };
  const procMtd = parseProcMtd(sectionText(sections, 'proc_mtd') ?? '');
  const sysfsText = sections.filter((s) => /^mtd\d+$/.test(s.name)).map((s) => `@@ ${s.name}\n${s.lines.join('\n')}`).join('\n');
  const sysfs = new Map(parseSysfsMtd(sysfsText).map((r) => [r.index, r]));
  const ubiText = sections.filter((s) => /^ubi\d+(_\d+)?$/.test(s.name)).map((s) => `@@ ${s.name}\n${s.lines.join('\n')}`).join('\n');
  const ubi = parseUbiInfo(ubiText);
  const toolKv = new Set((sections.find((s) => s.name === 'tools')?.lines ?? []).map((l) => l.replace(/=1$/, '').trim()).filter(Boolean));
  const tools: DeviceTools = {
    nanddump: toolKv.has('nanddump'),
    nandwrite: toolKv.has('nandwrite'),
    flash_erase: toolKv.has('flash_erase'),
    mtd: toolKv.has('mtd'),
    sha256sum: toolKv.has('sha256sum'),
    md5sum: toolKv.has('md5sum'),
    nc: toolKv.has('nc'),
    fw_printenv: toolKv.has('fw_printenv'),
  };
  let env: Record<string, string> | undefined;
  const envText = sectionText(sections, 'fw_printenv');
  if (tools.fw_printenv && envText) {
    const parsed = parseFwPrintenv(envText);
    if (Object.keys(parsed.vars).length) env = parsed.vars;
    for (const w of parsed.warnings) warnings.push(`fw_printenv: ${w}`);
  }
  const identity: DeviceIdentity = {};
  const set = (k: keyof DeviceIdentity, v: string | undefined): void => {
    if (v) identity[k] = v.slice(0, k === 'cmdline' ? 4000 : 200);
  };
  set('boardName', sectionText(sections, 'board_name'));
  set('model', sectionText(sections, 'model'));
  const compat = sectionText(sections, 'compat_version');
  if (compat && /^\d+(\.\d+)*$/.test(compat)) identity.compatVersion = compat;
  set('hostname', sectionText(sections, 'hostname'));
  set('kernel', sectionText(sections, 'kernel'));
  set('cmdline', sectionText(sections, 'cmdline'));

  if (!procMtd.entries.length) warn(said('device.said.warning.noPartitions'));
  const partitions: Partition[] = procMtd.entries.map((e) => {
    const s = sysfs.get(e.index);
    const writeable = s?.flags !== undefined ? (s.flags & MTD_WRITEABLE) !== 0 : true;
    const t = s?.type ?? '';
    const type: Partition['type'] = /nand/.test(t) ? 'nand' : t === 'nor' || t === 'dataflash' || t === 'rom' ? 'nor' : t === 'ubi' ? 'ubi' : t ? 'other' : e.erasesize >= 0x20000 && (s?.writesize ?? 0) >= 512 ? 'nand' : 'nor';
    const p: Partition = {
      index: e.index,
      name: e.name,
      size: e.size,
      erasesize: e.erasesize,
      offset: s?.offset ?? null,
      type,
      readOnly: !writeable,
      danger: dangerOf(e.name, { readOnly: !writeable }),
    };
    if (s?.oobsize !== undefined) p.oobsize = s.oobsize;
    if (s?.writesize !== undefined) p.writesize = s.writesize;
    const slot = SLOT_RE.exec(e.name);
    if (slot) p.slot = Number(slot[2]);
    return p;
  });
  // Offsets: when the kernel does not say, partitions listed in order usually follow each other.
  if (partitions.length && partitions.every((p) => p.offset === null)) warn(said('device.said.warning.noOffsets'));

  const running = runningSlot(partitions, identity.cmdline ?? '', ubi, env);
  if (running) {
    for (const p of partitions) {
      if (p.slot === running.slot) p.danger.push(runningDanger(running.slot, running.evidence));
    }
  }
  const result: Discovery = { identity, partitions, tools, ubi, warnings, warningsMsg };
  if (env) result.env = env;
  if (running) result.running = running;
  return result;
}

/** Which firmware slot runs now: UBI attached to a slot's partition, root=/dev/mtdblockN, or U-Boot's boot_part. */
export function runningSlot(partitions: Partition[], cmdline: string, ubi: UbiDevice[], env?: Record<string, string>): { slot: number; evidence: string } | undefined {
  if (!partitions.some((p) => p.slot !== undefined)) return undefined;
  for (const u of ubi) {
    const p = partitions.find((x) => x.index === u.mtdNum);
    if (p?.slot) return { slot: p.slot, evidence: `UBI is attached to mtd${p.index} "${p.name}"` };
  }
  const root = /(?:^|\s)root=\/dev\/mtdblock(\d+)/.exec(cmdline);
  if (root) {
    const p = partitions.find((x) => x.index === Number(root[1]));
    if (p?.slot) return { slot: p.slot, evidence: `the kernel command line says root=/dev/mtdblock${p.index} ("${p.name}")` };
  }
  const ubiMtd = /(?:^|\s)ubi\.mtd=(\S+?)(?:,|\s|$)/.exec(cmdline);
  if (ubiMtd) {
    const key = ubiMtd[1]!;
    const p = partitions.find((x) => (/^\d+$/.test(key) ? x.index === Number(key) : x.name === key));
    if (p?.slot) return { slot: p.slot, evidence: `the kernel command line says ubi.mtd=${key}` };
  }
  const bp = env?.boot_part;
  if (bp && /^[12]$/.test(bp)) return { slot: Number(bp), evidence: `the bootloader setting boot_part=${bp}` };
  return undefined;
}
