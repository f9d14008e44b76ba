/**
 * What an upgrade needs to know about a running OpenWrt besides the partition map (device discovery): its
 * release (/etc/openwrt_release), the free space in /tmp (where the image is staged), whether `ubus` offers
 * validate_firmware_image (21.02+), and the free memory. One command, `@@ section` answers. Pure.
 */
import { splitSections } from '../device';

export const ROUTER_FACTS_SCRIPT = [
  "echo '@@ release'; cat /etc/openwrt_release 2>/dev/null",
  "echo '@@ df'; df -k /tmp 2>/dev/null",
  "echo '@@ meminfo'; grep -E '^(MemAvailable|MemFree):' /proc/meminfo 2>/dev/null",
  "echo '@@ tools'; for t in ubus sysupgrade wget sha256sum md5sum; do command -v $t >/dev/null 2>&1 && echo \"$t=1\"; done",
  "echo '@@ end'",
].join('; ');

export interface OpenwrtRelease {
  id: string;
  release: string;
  revision?: string;
  target?: string;
  description?: string;
}

export interface RouterFacts {
  release?: OpenwrtRelease;
  /** Free bytes in /tmp (df -k), when the router says. */
  tmpFreeBytes?: number;
  memAvailableBytes?: number;
  ubus: boolean;
  sysupgrade: boolean;
  wget: boolean;
}

/** /etc/openwrt_release: shell assignments DISTRIB_X='value' (or "value", or bare). */
export function parseOpenwrtRelease(text: string): OpenwrtRelease | undefined {
  const kv: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(DISTRIB_[A-Z_]+)=(?:'([^']*)'|"([^"]*)"|(\S*))\s*$/.exec(line);
    if (m) kv[m[1]!] = (m[2] ?? m[3] ?? m[4] ?? '').slice(0, 200);
  }
  if (!kv.DISTRIB_RELEASE) return undefined;
  const r: OpenwrtRelease = { id: kv.DISTRIB_ID || 'OpenWrt', release: kv.DISTRIB_RELEASE };
  if (kv.DISTRIB_REVISION) r.revision = kv.DISTRIB_REVISION;
  if (kv.DISTRIB_TARGET) r.target = kv.DISTRIB_TARGET;
  if (kv.DISTRIB_DESCRIPTION) r.description = kv.DISTRIB_DESCRIPTION;
  return r;
}

/** `df -k /tmp`: the "Available" column of the data line (busybox and GNU both put it 4th). */
export function parseDfAvailable(text: string): number | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const head = lines.findIndex((l) => /Available/i.test(l));
  if (head < 0) return undefined;
  // a long filesystem name wraps the data onto the next line (GNU df, busybox with long names)
  const rest = lines.slice(head + 1).join(' ').trim().split(/\s+/);
  const nums = rest.filter((w) => /^\d+$/.test(w)).map(Number);
  if (nums.length < 3) return undefined;
  const kb = nums[2]!;
  return Number.isSafeInteger(kb * 1024) ? kb * 1024 : undefined;
}

export function parseRouterFacts(text: string): RouterFacts {
  const sections = splitSections(text);
  const sec = (n: string) => sections.find((s) => s.name === n)?.lines.join('\n') ?? '';
  const tools = new Set(sec('tools').split(/\s+/).map((l) => l.replace(/=1$/, '')).filter(Boolean));
  const out: RouterFacts = { ubus: tools.has('ubus'), sysupgrade: tools.has('sysupgrade'), wget: tools.has('wget') };
  const rel = parseOpenwrtRelease(sec('release'));
  if (rel) out.release = rel;
  const free = parseDfAvailable(sec('df'));
  if (free !== undefined) out.tmpFreeBytes = free;
  const mem = /MemAvailable:\s+(\d+)\s*kB/.exec(sec('meminfo')) ?? /MemFree:\s+(\d+)\s*kB/.exec(sec('meminfo'));
  if (mem) out.memAvailableBytes = Number(mem[1]) * 1024;
  return out;
}

/** "OpenWrt 24.10.4 r28959-29397011cc" */
export function releaseText(r: OpenwrtRelease | undefined): string {
  if (!r) return 'an unknown release';
  return [r.id, r.release, r.revision].filter(Boolean).join(' ');
}
