/**
 * Parsers for what U-Boot prints: `printenv`, `bdinfo`, `tftpboot` progress and result, `crc32`; and the choice
 * of a safe load address. Pure, fuzzed (test/shared/uboot.test.ts). Facts §5.2, §5.3, §5.5.
 */

export interface UbootEnv {
  vars: Record<string, string>;
  /** "Environment size: 4734/262140 bytes" when printed. */
  used?: number;
  capacity?: number;
}

const ENV_LINE = /^([A-Za-z_][A-Za-z0-9_.:-]{0,63})=(.*)$/;

/** Turn console text into lines: CRLF, bare CR and backspaces as a terminal would show them. */
export function consoleLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    let line = '';
    for (const seg of raw.split('\r')) {
      // a bare CR returns to column 0: the next segment overwrites (we keep the longer tail like a terminal)
      line = seg.length >= line.length ? seg : seg + line.slice(seg.length);
    }
    let clean = '';
    for (const ch of line) {
      if (ch === '\b') clean = clean.slice(0, -1);
      else clean += ch;
    }
    out.push(clean);
  }
  return out;
}

/** Parse `printenv` output (the command echo and the prompt may be included; they are skipped). */
export function parsePrintenv(text: string): UbootEnv {
  const vars: Record<string, string> = {};
  const env: UbootEnv = { vars };
  for (const line of consoleLines(text)) {
    const size = /^Environment size: (\d+)\/(\d+) bytes/.exec(line);
    if (size) {
      env.used = Number(size[1]);
      env.capacity = Number(size[2]);
      continue;
    }
    const m = ENV_LINE.exec(line);
    if (m && m[1] !== '__proto__' && m[1] !== 'constructor' && m[1] !== 'prototype') vars[m[1]!] = m[2]!;
  }
  return env;
}

export interface MemRange {
  start: number;
  size: number;
}

export interface Bdinfo {
  /** Every "name = value" line, in order, names trimmed. */
  fields: { name: string; value: string }[];
  dram: MemRange[];
  /** Where U-Boot relocated itself (top of RAM). */
  relocaddr?: number;
  /** lmb "reserved" regions (newer U-Boot prints them), else empty. */
  reserved: MemRange[];
  /** Stack start, device tree blob, TLB: U-Boot's own data near the top of RAM. */
  spStart?: number;
  fdtBlob?: number;
  tlbAddr?: number;
  bootParams?: number;
}

const num = (v: string): number | undefined => {
  const m = /^\s*(0x[0-9a-fA-F]+|\d+)\b/.exec(v);
  if (!m) return undefined;
  const n = m[1]!.startsWith('0x') ? parseInt(m[1]!.slice(2), 16) : parseInt(m[1]!, 10);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Parse `bdinfo` (facts §5.5): split each line on its first "=", trim; DRAM banks from "-> start/size" or memstart/memsize. */
export function parseBdinfo(text: string): Bdinfo {
  const bd: Bdinfo = { fields: [], dram: [], reserved: [] };
  let pendingStart: number | undefined;
  let memstart: number | undefined;
  let memsize: number | undefined;
  for (const line of consoleLines(text)) {
    const lmb = /^\s*reserved\[\d+\]\s*\[(0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)\]/.exec(line);
    if (lmb) {
      const s = parseInt(lmb[1]!.slice(2), 16);
      const e = parseInt(lmb[2]!.slice(2), 16);
      if (e >= s) bd.reserved.push({ start: s, size: e - s + 1 });
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!name || name.length > 40 || /[^\w\s>.()-]/.test(name)) continue;
    bd.fields.push({ name, value });
    const n = num(value);
    switch (name.toLowerCase()) {
      case '-> start':
        pendingStart = n;
        break;
      case '-> size':
        if (pendingStart !== undefined && n !== undefined && n > 0) bd.dram.push({ start: pendingStart, size: n });
        pendingStart = undefined;
        break;
      case 'memstart':
        memstart = n;
        break;
      case 'memsize':
        memsize = n;
        break;
      case 'relocaddr':
        bd.relocaddr = n;
        break;
      case 'sp start':
        bd.spStart = n;
        break;
      case 'fdt_blob':
        bd.fdtBlob = n;
        break;
      case 'tlb addr':
        bd.tlbAddr = n;
        break;
      case 'boot_params':
        bd.bootParams = n;
        break;
    }
  }
  if (!bd.dram.length && memstart !== undefined && memsize) bd.dram.push({ start: memstart, size: memsize });
  return bd;
}

export const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

export type BootKind = 'fit' | 'uimage' | 'zimage' | 'arm64-image' | 'unknown';

export interface BootImageInfo {
  kind: BootKind;
  /** The U-Boot command that boots it: bootm (uImage, FIT), bootz (ARM zImage), booti (arm64 Image). */
  bootCommand: 'bootm' | 'bootz' | 'booti' | undefined;
  /** Where bootm will copy the kernel (uImage header / FIT kernel node), if the image says. */
  kernelLoad?: number;
  kernelSize?: number;
  /** FIT with a ramdisk and a device tree inside: bootm needs no other argument. */
  hasRamdisk?: boolean;
  hasFdt?: boolean;
  name?: string;
  notes: string[];
}

const be32 = (b: Uint8Array, o: number): number => ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
const le32 = (b: Uint8Array, o: number): number => ((b[o + 3]! << 24) >>> 0) + (b[o + 2]! << 16) + (b[o + 1]! << 8) + b[o]!;
const cstr = (b: Uint8Array, o: number, max: number): string => {
  let s = '';
  for (let i = o; i < Math.min(b.length, o + max) && b[i] !== 0; i++) s += String.fromCharCode(b[i]!);
  return s;
};

/** Walk a FIT (flattened device tree) and report its kernel, ramdisk and fdt images. Never throws. */
function inspectFit(b: Uint8Array, info: BootImageInfo): void {
  try {
    const total = be32(b, 4);
    const offStruct = be32(b, 8);
    const offStrings = be32(b, 12);
    if (total > b.length || offStruct >= total || offStrings >= total) {
      info.notes.push('the FIT header points past the data read');
      return;
    }
    const path: string[] = [];
    let p = offStruct;
    let props: Record<string, Uint8Array> = {};
    const stack: Record<string, Uint8Array>[] = [];
    let steps = 0;
    while (p + 4 <= total && steps++ < 1_000_000) {
      const tok = be32(b, p);
      p += 4;
      if (tok === 1) {
        const name = cstr(b, p, 256);
        p += (name.length + 4) & ~3;
        path.push(name);
        stack.push(props);
        props = {};
      } else if (tok === 2) {
        const node = path.join('/');
        if (/^\/images\/[^/]+$/.test(node) || (path.length === 3 && path[1] === 'images')) {
          const type = props.type ? cstr(props.type, 0, 32) : '';
          if (type === 'kernel') {
            if (props.load && props.load.length >= 4) info.kernelLoad = be32(props.load, props.load.length - 4);
            if (props.data) info.kernelSize = props.data.length;
            else if (props['data-size']) info.kernelSize = be32(props['data-size'], 0);
          }
          if (type === 'ramdisk') info.hasRamdisk = true;
          if (type === 'flat_dt') info.hasFdt = true;
        }
        if (path.length === 1 && props.description) info.name = cstr(props.description, 0, 128);
        path.pop();
        props = stack.pop() ?? {};
      } else if (tok === 3) {
        const len = be32(b, p);
        const nameOff = be32(b, p + 4);
        p += 8;
        if (p + len > total) break;
        props[cstr(b, offStrings + nameOff, 64)] = b.subarray(p, p + len);
        p += (len + 3) & ~3;
      } else if (tok === 4) {
        continue;
      } else break; // 9 = end, anything else = corrupt
    }
  } catch {
    info.notes.push('the FIT structure could not be read completely');
  }
}

/** Recognise a boot image from its first bytes (the whole file for FIT, to read the kernel node). */
export function inspectBootImage(b: Uint8Array): BootImageInfo {
  const info: BootImageInfo = { kind: 'unknown', bootCommand: undefined, notes: [] };
  if (b.length >= 40 && be32(b, 0) === 0xd00dfeed) {
    info.kind = 'fit';
    info.bootCommand = 'bootm';
    inspectFit(b, info);
    return info;
  }
  if (b.length >= 64 && be32(b, 0) === 0x27051956) {
    info.kind = 'uimage';
    info.bootCommand = 'bootm';
    info.kernelSize = be32(b, 12);
    info.kernelLoad = be32(b, 16);
    info.name = cstr(b, 32, 32);
    return info;
  }
  if (b.length >= 0x30 && le32(b, 0x24) === 0x016f2818) {
    info.kind = 'zimage';
    info.bootCommand = 'bootz';
    info.kernelSize = le32(b, 0x2c) - le32(b, 0x28);
    return info;
  }
  if (b.length >= 0x40 && le32(b, 0x38) === 0x644d5241) {
    info.kind = 'arm64-image';
    info.bootCommand = 'booti';
    return info;
  }
  info.notes.push('not a uImage, FIT, ARM zImage or arm64 Image');
  return info;
}

export interface LoadChoice {
  address: number;
  source: 'explicit' | 'loadaddr' | 'kernel_addr_r' | 'computed';
  /** Plain-words reason shown in the UI. */
  reason: string;
  /** Candidates that were not used, and why. */
  rejected: { name: string; address: number; why: string }[];
}

const MiB = 1024 * 1024;
const overlaps = (a: MemRange, b: MemRange): boolean => a.start < b.start + b.size && b.start < a.start + a.size;

/**
 * Choose where `tftpboot` puts the image: the board's `loadaddr`, else `kernel_addr_r`, when the whole file
 * fits in DRAM clear of U-Boot's own memory (relocated code, stack, device tree, reserved regions) and clear
 * of the place the kernel will be copied to by `bootm` (it would overwrite the image while unpacking it).
 * Otherwise the highest 1 MiB-aligned range below U-Boot's memory that fits.
 */
export function chooseLoadAddress(opts: { env: Record<string, string>; bd: Bdinfo; imageSize: number; image?: BootImageInfo; explicit?: number }): LoadChoice {
  const rejected: LoadChoice['rejected'] = [];
  const size = Math.max(1, opts.imageSize);
  const banks = opts.bd.dram.length ? opts.bd.dram : [];
  // U-Boot's own memory: lmb reserved regions; without them, from just below the lowest of relocaddr/stack/fdt to the bank end.
  const busy: MemRange[] = [...opts.bd.reserved];
  const tops = [opts.bd.relocaddr, opts.bd.spStart, opts.bd.fdtBlob].filter((n): n is number => n !== undefined && n > 0);
  if (!busy.length && tops.length) {
    const low = Math.min(...tops) - 4 * MiB; // malloc heap and stack grow below these
    const bank = banks.find((bk) => low >= bk.start && low < bk.start + bk.size);
    if (bank) busy.push({ start: low, size: bank.start + bank.size - low });
  }
  const avoid: { range: MemRange; why: string }[] = busy.map((r) => ({ range: r, why: `it overlaps memory U-Boot uses (${hex(r.start)}–${hex(r.start + r.size - 1)})` }));
  if (opts.image?.kernelLoad !== undefined && opts.image.bootCommand === 'bootm') {
    const k = opts.image.kernelSize ?? 8 * MiB;
    // bootm copies the kernel there; a compressed kernel then unpacks itself above it: keep 4x its size, at least 16 MiB.
    avoid.push({ range: { start: opts.image.kernelLoad, size: Math.max(4 * k, 16 * MiB) }, why: `the kernel inside this image is copied to ${hex(opts.image.kernelLoad)} when it boots, which would overwrite the image while it is being unpacked` });
  }
  const check = (address: number): string | undefined => {
    const r = { start: address, size };
    if (banks.length && !banks.some((bk) => address >= bk.start && address + size <= bk.start + bk.size)) return 'the file would not fit inside the router\'s memory (DRAM) there';
    for (const a of avoid) if (overlaps(r, a.range)) return a.why;
    return undefined;
  };
  if (opts.explicit !== undefined) {
    const why = check(opts.explicit);
    return { address: opts.explicit, source: 'explicit', reason: why ? `You chose ${hex(opts.explicit)}. Warning: ${why}.` : `You chose ${hex(opts.explicit)}.`, rejected };
  }
  for (const name of ['loadaddr', 'kernel_addr_r'] as const) {
    const v = opts.env[name];
    if (v === undefined) continue;
    const address = num(/^0x/i.test(v) ? v : `0x${v}`);
    if (address === undefined) {
      rejected.push({ name, address: 0, why: `"${v}" is not an address` });
      continue;
    }
    const why = check(address);
    if (!why) return { address, source: name, reason: `The router's own setting ${name} (${hex(address)}) has room for the whole file.`, rejected };
    rejected.push({ name, address, why });
  }
  // Highest aligned start below each obstacle, inside each bank, that clears everything.
  const candidates: number[] = [];
  for (const bk of banks) {
    const ends = [bk.start + bk.size, ...avoid.map((a) => a.range.start).filter((s) => s > bk.start && s <= bk.start + bk.size)];
    for (const end of ends) {
      const a = Math.floor((end - size - MiB) / MiB) * MiB;
      if (a >= bk.start) candidates.push(a);
    }
  }
  const ok = candidates.filter((a) => !check(a)).sort((a, b) => b - a);
  if (ok.length) {
    const address = ok[0]!;
    const first = rejected.length ? `The router's own load address cannot be used: ${rejected[0]!.why}. ` : "The router does not name a load address. ";
    return { address, source: 'computed', reason: `${first}We use ${hex(address)}: inside its memory (DRAM), below the part U-Boot uses for itself, with room for the whole file.`, rejected };
  }
  throw new Error(`no place in the router's memory fits ${size} bytes clear of U-Boot (${rejected.map((r) => `${r.name}: ${r.why}`).join('; ') || 'no DRAM information'})`);
}

export interface TftpState {
  loadAddress?: number;
  server?: string;
  ourIp?: string;
  filename?: string;
  hashes: number;
  timeouts: number;
  /** "With tsize" progress: exactly 50 marks in total (facts §5.2). */
  bytesTransferred?: number;
  rate?: string;
  done: boolean;
  error?: { message: string; code?: number; retrying: boolean };
  retryExceeded: boolean;
}

/** Streaming parser for `tftpboot` output. */
export class TftpProgress {
  state: TftpState = { hashes: 0, timeouts: 0, done: false, retryExceeded: false };
  private line = '';

  /** Feed console text; returns true when the state changed. */
  feed(text: string): boolean {
    let changed = false;
    for (const ch of text) {
      if (ch === '\n' || ch === '\r') {
        changed = this.endLine(this.line) || changed;
        this.line = '';
        continue;
      }
      if (ch === '\b') {
        this.line = this.line.slice(0, -1);
        continue;
      }
      this.line += ch;
      if (this.line.length > 4096) this.line = this.line.slice(-4096);
      if (ch === '#' && /^(?:Loading: |\s)/.test(this.line)) {
        this.state.hashes++;
        changed = true;
      } else if (ch === 'T' && /(?:^|\s)T$/.test(this.line) && /^(?:Loading: |\s)/.test(this.line)) {
        this.state.timeouts++;
        changed = true;
      }
    }
    return changed;
  }

  private endLine(line: string): boolean {
    const s = this.state;
    let m: RegExpExecArray | null;
    if ((m = /^TFTP from server ([\d.]+); our IP address is ([\d.]+)/.exec(line))) {
      s.server = m[1];
      s.ourIp = m[2];
    } else if ((m = /^Filename '([^']*)'/.exec(line))) s.filename = m[1];
    else if ((m = /^Load address: (0x[0-9a-fA-F]+)/.exec(line))) s.loadAddress = parseInt(m[1]!.slice(2), 16);
    else if ((m = /^\s*([\d.]+ [KMG]?i?B\/s)\s*$/.exec(line))) s.rate = m[1];
    else if (/^done\s*$/.test(line)) s.done = true;
    else if ((m = /^Bytes transferred = (\d+) \(([0-9a-fA-F]+) hex\)/.exec(line))) {
      s.bytesTransferred = Number(m[1]);
      s.done = true;
    } else if ((m = /TFTP error: '([^']*)' \((\d+)\)/.exec(line))) s.error = { message: m[1]!, code: Number(m[2]), retrying: !/^[12]$/.test(m[2]!) };
    else if (/Retry count exceeded/.test(line)) s.retryExceeded = true;
    else return false;
    return true;
  }

  /**
   * Estimated bytes received from the marks: one # per 10 blocks (facts §5.2). A U-Boot built with tsize prints
   * 50 marks in total instead; then this under-reads until "Bytes transferred" arrives.
   */
  estimate(fileSize: number, blockSize = 1468): number {
    if (this.state.bytesTransferred !== undefined) return this.state.bytesTransferred;
    return Math.min(fileSize, this.state.hashes * 10 * blockSize);
  }
}

/** "crc32 for 40200000 ... 40916e91 ==> d85629de" */
export function parseCrc32(text: string): { start: number; end: number; crc: number } | undefined {
  const m = /crc32 for ([0-9a-fA-F]{1,16}) \.\.\. ([0-9a-fA-F]{1,16}) ==> ([0-9a-fA-F]{8})/.exec(text);
  if (!m) return undefined;
  return { start: parseInt(m[1]!, 16), end: parseInt(m[2]!, 16), crc: parseInt(m[3]!, 16) };
}

/** The IEEE CRC-32 U-Boot's `crc32` command prints, computed on this computer for comparison. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(data: Uint8Array, prev = 0): number {
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Quote a value for `setenv` (no saveenv is ever sent from here). Rejects characters that would end the command. */
export function safeUbootValue(v: string): string {
  if (!/^[\w.:/,= @+-]{0,512}$/.test(v)) throw new Error(`refusing to send "${v}" to U-Boot: only letters, digits and . : / , = @ + - _ space are allowed`);
  return v;
}

/**
 * A memory address read from the router (its own environment, e.g. `fdtcontroladdr`), checked by allow-list
 * before it goes into a command we type: hex digits only, with or without 0x, at most 16 of them. Anything else
 * (`1; saveenv`, `$var`, a space) is not an address and is refused, never passed on. Returns the 0x form.
 */
export function ubootAddress(v: string): string | undefined {
  const m = /^(?:0x)?([0-9a-fA-F]{1,16})$/i.exec(v);
  return m ? `0x${m[1]!.toLowerCase()}` : undefined;
}

/**
 * The command that starts an image loaded at `address`: bootm/bootz/booti, plus the bootloader's own device
 * tree (`- <fdtcontroladdr>`) for kernels that need one (everything but a FIT carrying its own). The device-tree
 * address comes from the router's environment, so it passes ubootAddress or the boot is refused.
 */
export function bootCommandFor(info: Pick<BootImageInfo, 'kind' | 'bootCommand' | 'hasFdt'>, address: number, env: Record<string, string>): { ok: true; command: string } | { ok: false; value: string } {
  if (!info.bootCommand) throw new Error('bootCommandFor: the image has no boot command');
  const needsFdt = !(info.kind === 'fit' && info.hasFdt);
  const raw = env.fdtcontroladdr;
  if (!needsFdt || raw === undefined || raw === '') return { ok: true, command: `${info.bootCommand} ${hex(address)}` };
  const fdt = ubootAddress(raw);
  if (!fdt) return { ok: false, value: raw };
  return { ok: true, command: `${info.bootCommand} ${hex(address)} - ${fdt}` };
}

/**
 * U-Boot commands that write flash or the saved environment, or erase something. The automation never sends
 * them; a person may, only after confirming (ux-voice §6). Matched per `;`-separated part.
 */
const DANGEROUS = [
  /^(?:saveenv|env\s+save|env\s+erase|eraseenv)\b/,
  /^(?:nand|onenand)\s+(?:erase|write|scrub|markbad|torture)/,
  /^sf\s+(?:erase|write|update)\b/,
  /^mtd\s+(?:erase|write)\b/,
  /^(?:erase|protect\s+off|cp\.[bwl]\s+\S+\s+(?:0x)?(?:9f|bf|1f)[0-9a-f]{6})\b/i,
  /^(?:ubi\s+(?:write|remove|create)|mmc\s+(?:write|erase)|fatwrite|ext4write|spi\s+write)\b/,
  /^run\s+(?:lu|lf|uu|update\w*|flash\w*)\b/,
];
export function isDangerousUbootCommand(cmd: string): string | undefined {
  for (const part of cmd.split(/[;\n\r]/)) {
    const p = part.trim();
    for (const re of DANGEROUS) if (re.test(p)) return p;
  }
  return undefined;
}
