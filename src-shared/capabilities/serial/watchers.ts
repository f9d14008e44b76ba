/**
 * Console watchers: recognise the moments that matter in a router's serial output, as it streams.
 * Pure (no node:*, no DOM): the serial service, the U-Boot automation, the failsafe flow and the UI all use
 * the same matcher, and it is fuzzed with random byte streams (test/shared/watchers.test.ts).
 *
 * What it recognises (facts §1, §5.1):
 * - `uboot-autoboot`   U-Boot's countdown ("Hit any key to stop autoboot:  3", TP-Link's "Autobooting in 1 seconds").
 * - `uboot-prompt`     a bootloader prompt waiting for a command: `=> `, `Marvell>> `, `ath> `, `ar7240> `, `(IPQ40xx) # `…
 * - `preinit-failsafe-prompt`  OpenWrt preinit: "Press the [f] key and hit [enter] to enter failsafe mode".
 * - `preinit-debug-prompt`, `failsafe-entered`, `console-activate` (OpenWrt's "Please press Enter to activate this console.")
 * - `login-prompt`, `password-prompt`, `shell-prompt` (OpenWrt/busybox `root@OpenWrt:/# `)
 * - `kernel-start` (U-Boot's "Starting kernel ..." / the kernel's first line), `kernel-panic`, `uboot-banner`.
 *
 * Matching rules that keep noise from triggering anything:
 * - Complete lines are matched against long, specific phrases only.
 * - Prompts are matched only on the unfinished line at the END of a chunk (a prompt is the last thing a device
 *   prints before it waits), only when that line starts at a line start, and only in fixed shapes.
 * - Each kind fires at most once per line (a countdown rewrites its line with backspaces).
 */

export type WatchKind =
  | 'uboot-banner'
  | 'uboot-autoboot'
  | 'uboot-prompt'
  | 'kernel-start'
  | 'kernel-panic'
  | 'preinit-failsafe-prompt'
  | 'preinit-debug-prompt'
  | 'failsafe-entered'
  | 'console-activate'
  | 'login-prompt'
  | 'password-prompt'
  | 'shell-prompt';

export const WATCH_KINDS: readonly WatchKind[] = [
  'uboot-banner',
  'uboot-autoboot',
  'uboot-prompt',
  'kernel-start',
  'kernel-panic',
  'preinit-failsafe-prompt',
  'preinit-debug-prompt',
  'failsafe-entered',
  'console-activate',
  'login-prompt',
  'password-prompt',
  'shell-prompt',
];

export interface WatchMatch {
  kind: WatchKind;
  /** The line (control characters and ANSI codes removed) that matched. */
  text: string;
  /** Byte offset in the stream just after the match was confirmed. */
  offset: number;
  /** The prompt text for prompt kinds (e.g. "Marvell>> "). */
  prompt?: string;
  /** Countdown seconds for `uboot-autoboot`, when the line says it. */
  seconds?: number;
  /** What to type to stop autoboot: "any" for any key, else the device's stop string (e.g. "tpl"). */
  stopWith?: string;
  /** The U-Boot version from a banner, the panic reason from a panic line. */
  detail?: string;
}

/** How a family of devices behaves at its bootloader (facts §5.1, §8). */
export interface WatchProfile {
  id: string;
  label: string;
  /** A keyed autoboot (CONFIG_AUTOBOOT_KEYED): the string to type during the countdown. */
  stopString?: string;
  /** Extra exact prompts this family uses (besides the common ones). */
  prompts?: string[];
}

export const WATCH_PROFILES: readonly WatchProfile[] = [
  { id: 'generic', label: 'Any router (mainline U-Boot: any key stops autoboot)' },
  { id: 'tplink-ath', label: 'TP-Link with Atheros/QCA U-Boot (type "tpl" to stop)', stopString: 'tpl', prompts: ['ath> ', 'ar7240> ', 'ar7100> ', 'ap143> ', 'ap135> '] },
  { id: 'linksys-mvebu', label: 'Linksys WRT (Marvell U-Boot)', prompts: ['Marvell>> '] },
  { id: 'qca-ipq40xx', label: 'Qualcomm IPQ40xx (QSDK U-Boot)', prompts: ['(IPQ40xx) # '] },
  { id: 'ubiquiti-ath', label: 'Ubiquiti airMAX / UniFi (Atheros U-Boot)', prompts: ['ar7240> ', 'ath> '] },
];

export function watchProfile(id: string | undefined): WatchProfile {
  return WATCH_PROFILES.find((p) => p.id === id) ?? WATCH_PROFILES[0]!;
}

/** Prompts seen across vendors' U-Boot builds (facts §5.1). Exact text, including the trailing space. */
export const KNOWN_UBOOT_PROMPTS: readonly string[] = [
  '=> ',
  'Marvell>> ',
  'ath> ',
  'ar7240> ',
  'ar7100> ',
  'ap143> ',
  'ap135> ',
  '(IPQ40xx) # ',
  '(IPQ806x) # ',
  'IPQ40xx# ',
  'IPQ806x# ',
  'MT7621 # ',
  'MT7628 # ',
  'RT3052 # ',
  'U-Boot> ',
  'uboot> ',
  'DD-WRT> ',
  'Rt2880 # ',
];

/**
 * Other U-Boot prompt shapes: an optional "(board)" then a short name ending in `>`, `>>` or `#`, then one space.
 * The name must start with a letter and be 2–20 characters; used only at end of a chunk at a line start.
 */
const GENERIC_UBOOT_PROMPT = /^(?:\([A-Za-z0-9_-]{2,20}\) ?)?[A-Za-z][A-Za-z0-9_-]{1,19}(?:>>?| ?#) $/;
const SHELL_PROMPT = /^(?:[A-Za-z0-9_.-]{1,32}@[A-Za-z0-9_.()-]{1,64}:[^\s#$]{0,200}[#$] |\/[^\s#$]{0,200} # )$/;
const LOGIN_PROMPT = /^(?:[A-Za-z0-9_.-]{1,64} )?login: ?$/;
const PASSWORD_PROMPT = /^Password: ?$/;

const AUTOBOOT_ANY = /\b(?:Hit|Press) any key to stop autoboot\s*:?\s*(\d{1,3})?/i;
const AUTOBOOT_KEYED = /\b(?:Hit|Press|Type|Enter)\s+'?"?([A-Za-z0-9]{1,16})'?"?(?:\s+key)?\s+to stop autoboot\s*:?\s*(\d{1,3})?/i;
const AUTOBOOT_TPL = /^Autobooting in\s+(\d{1,3})\s+seconds?/i;
const UBOOT_BANNER = /^U-Boot (\d[\w.+~-]*)(?: \([^)]*\))?/;
const KERNEL_START = /^(?:Starting kernel \.\.\.|Booting Linux on physical CPU|Linux version \d+\.\d+|Uncompressing Linux\.\.\.)/;
const KERNEL_PANIC = /^(?:---\[ end )?Kernel panic - not syncing:\s*(.*?)(?: \]---)?$/;
const FAILSAFE_PROMPT = /Press the \[f\] key and hit \[enter\] to enter failsafe mode/;
const DEBUG_PROMPT = /Press the \[1\], \[2\], \[3\] or \[4\] key and hit \[enter\] to select the debug level/;
const FAILSAFE_ENTERED = /^(?:- failsafe -|Entering Failsafe!?|=+ FAILSAFE MODE active =+)/;
const CONSOLE_ACTIVATE = /^Please press Enter to activate this console\.?/;
const KERNEL_TIMESTAMP = /^\[\s*\d+\.\d+\]\s?/;

export interface WatcherOptions {
  profile?: WatchProfile;
  /** Longest unfinished line kept (bytes); longer lines are cut so a stream without newlines cannot grow memory. */
  maxLine?: number;
}

/**
 * A streaming watcher. Feed it bytes as they arrive; it returns what it recognised in that chunk.
 * Never throws, whatever the input.
 */
export class ConsoleWatcher {
  private line = '';
  private lineStartsClean = true;
  private fired = new Set<WatchKind>();
  private offset = 0;
  private pendingCr = false;
  private escape: 0 | 1 | 2 = 0;
  /** The unfinished line contains the word "autoboot" (set when its last letter arrives). */
  private sawAutoboot = false;
  readonly profile: WatchProfile;
  private readonly prompts: string[];
  private readonly maxLine: number;

  constructor(opts: WatcherOptions = {}) {
    this.profile = opts.profile ?? WATCH_PROFILES[0]!;
    this.prompts = [...new Set([...KNOWN_UBOOT_PROMPTS, ...(this.profile.prompts ?? [])])];
    this.maxLine = opts.maxLine ?? 4096;
  }

  /** Forget the current line (e.g. after reconnecting). */
  reset(): void {
    this.line = '';
    this.sawAutoboot = false;
    this.lineStartsClean = true;
    this.fired.clear();
    this.pendingCr = false;
    this.escape = 0;
  }

  /** The unfinished line as it stands (cleaned), for callers that wait for a prompt. */
  get currentLine(): string {
    return this.line;
  }

  feed(chunk: Uint8Array | string): WatchMatch[] {
    const out: WatchMatch[] = [];
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = typeof chunk === 'string' ? chunk.charCodeAt(i) & 0xff : chunk[i]!;
      this.offset++;
      if (this.escape === 1) {
        // ESC seen: CSI ("ESC [") continues; any other single character ends the sequence.
        this.escape = c === 0x5b ? 2 : 0;
        continue;
      }
      if (this.escape === 2) {
        if (c >= 0x40 && c <= 0x7e) this.escape = 0;
        continue;
      }
      if (c === 0x1b) {
        this.escape = 1;
        continue;
      }
      if (c === 0x0a) {
        this.endLine(out);
        this.pendingCr = false;
        continue;
      }
      if (this.pendingCr) {
        // A bare CR (no LF after it) returns to the line start: what follows overwrites the line.
        this.pendingCr = false;
        this.line = '';
        this.sawAutoboot = false;
        this.fired.clear();
      }
      if (c === 0x0d) {
        this.pendingCr = true;
        continue;
      }
      if (c === 0x08 || c === 0x7f) {
        this.line = this.line.slice(0, -1);
        continue;
      }
      if (c === 0x09) {
        this.line += ' ';
      } else if (c >= 0x20 && c < 0x7f) {
        this.line += String.fromCharCode(c);
      } else {
        // Other control bytes and non-ASCII bytes: not part of anything we match; mark the line unclean.
        this.line += '\u0000';
      }
      if (this.line.length > this.maxLine) {
        this.line = this.line.slice(-this.maxLine);
        this.lineStartsClean = false;
      }
      // Phrases that appear on an unfinished line (a countdown has no newline until it ends). The regexes run
      // only when the byte just added can complete one: this is the hot path of a 1.5 Mbaud console.
      if (c === 0x74 && !this.sawAutoboot && this.line.endsWith('autoboot')) this.sawAutoboot = true;
      if (!this.fired.has('uboot-autoboot') && ((this.sawAutoboot && (c === 0x20 || (c >= 0x30 && c <= 0x39))) || ((c === 0x73 || c === 0x64) && this.line.startsWith('Autobooting in')))) this.matchAutoboot(out, false);
      if (c === 0x65 && !this.fired.has('preinit-failsafe-prompt') && this.line.endsWith('failsafe mode') && FAILSAFE_PROMPT.test(this.line)) this.fire(out, { kind: 'preinit-failsafe-prompt', text: this.clean() });
    }
    if (n > 0) this.matchPrompt(out);
    return out;
  }

  private clean(): string {
    return this.line.replace(/\u0000/g, '\uFFFD').trim();
  }

  private fire(out: WatchMatch[], m: Omit<WatchMatch, 'offset'>): void {
    if (this.fired.has(m.kind)) return;
    this.fired.add(m.kind);
    out.push({ ...m, offset: this.offset });
  }

  private matchAutoboot(out: WatchMatch[], complete: boolean): void {
    const text = this.line;
    let m = AUTOBOOT_ANY.exec(text);
    if (m) {
      // The countdown digit arrives after the phrase; on an unfinished line wait for it unless the line is complete.
      if (m[1] === undefined && !complete) return;
      const stopWith = this.profile.stopString ?? 'any';
      this.fire(out, { kind: 'uboot-autoboot', text: this.clean(), stopWith, ...(m[1] !== undefined ? { seconds: Number(m[1]) } : {}) });
      return;
    }
    m = AUTOBOOT_KEYED.exec(text);
    if (m && !/^any$/i.test(m[1]!)) {
      if (m[2] === undefined && !complete) return;
      this.fire(out, { kind: 'uboot-autoboot', text: this.clean(), stopWith: m[1]!, ...(m[2] !== undefined ? { seconds: Number(m[2]) } : {}) });
      return;
    }
    m = AUTOBOOT_TPL.exec(text);
    if (m) this.fire(out, { kind: 'uboot-autoboot', text: this.clean(), stopWith: this.profile.stopString ?? 'any', seconds: Number(m[1]) });
  }

  private endLine(out: WatchMatch[]): void {
    const clean = this.lineStartsClean;
    const raw = this.line;
    if (clean && raw.length) {
      const text = raw.replace(KERNEL_TIMESTAMP, '');
      if (!this.fired.has('uboot-autoboot')) this.matchAutoboot(out, true);
      let m: RegExpExecArray | null;
      if ((m = UBOOT_BANNER.exec(text))) this.fire(out, { kind: 'uboot-banner', text: this.clean(), detail: m[1]! });
      else if (KERNEL_START.test(text)) this.fire(out, { kind: 'kernel-start', text: this.clean() });
      else if ((m = KERNEL_PANIC.exec(text))) this.fire(out, { kind: 'kernel-panic', text: this.clean(), detail: m[1]!.replace(/\u0000/g, '\uFFFD') });
      else if (FAILSAFE_PROMPT.test(text)) this.fire(out, { kind: 'preinit-failsafe-prompt', text: this.clean() });
      else if (DEBUG_PROMPT.test(text)) this.fire(out, { kind: 'preinit-debug-prompt', text: this.clean() });
      else if (FAILSAFE_ENTERED.test(text)) this.fire(out, { kind: 'failsafe-entered', text: this.clean() });
      else if (CONSOLE_ACTIVATE.test(text)) this.fire(out, { kind: 'console-activate', text: this.clean() });
    }
    this.line = '';
    this.sawAutoboot = false;
    this.lineStartsClean = true;
    this.fired.clear();
  }

  private matchPrompt(out: WatchMatch[]): void {
    const line = this.line;
    if (!this.lineStartsClean || line.length < 2 || line.length > 256 || line.includes('\u0000')) return;
    if (this.prompts.includes(line) || GENERIC_UBOOT_PROMPT.test(line)) {
      if (!SHELL_PROMPT.test(line)) {
        this.fire(out, { kind: 'uboot-prompt', text: line, prompt: line });
        return;
      }
    }
    if (SHELL_PROMPT.test(line)) this.fire(out, { kind: 'shell-prompt', text: line, prompt: line });
    else if (LOGIN_PROMPT.test(line)) this.fire(out, { kind: 'login-prompt', text: line, prompt: line });
    else if (PASSWORD_PROMPT.test(line)) this.fire(out, { kind: 'password-prompt', text: line, prompt: line });
  }
}

/** Convenience: every match in a complete recorded log, fed in chunks of `chunk` bytes (tests, fixtures). */
export function watchAll(log: Uint8Array | string, opts: WatcherOptions & { chunk?: number } = {}): WatchMatch[] {
  const w = new ConsoleWatcher(opts);
  const size = opts.chunk ?? log.length;
  const out: WatchMatch[] = [];
  for (let i = 0; i < log.length; i += Math.max(1, size)) out.push(...w.feed(log.slice(i, i + Math.max(1, size))));
  return out;
}

/** What a banner says in plain words, for the console view. */
export function describeMatch(m: WatchMatch): string {
  switch (m.kind) {
    case 'uboot-banner':
      return `The bootloader (U-Boot ${m.detail ?? ''}) is starting.`;
    case 'uboot-autoboot':
      return m.stopWith && m.stopWith !== 'any'
        ? `U-Boot is counting down — type "${m.stopWith}" to stop autoboot.`
        : 'U-Boot is counting down — press any key to stop autoboot.';
    case 'uboot-prompt':
      return `U-Boot is waiting for a command (prompt "${m.prompt?.trimEnd() ?? ''}").`;
    case 'kernel-start':
      return 'The router is starting its operating system (Linux).';
    case 'kernel-panic':
      return `The router's system crashed (kernel panic${m.detail ? `: ${m.detail}` : ''}).`;
    case 'preinit-failsafe-prompt':
      return 'Failsafe prompt: press f then Enter now to enter rescue mode.';
    case 'preinit-debug-prompt':
      return 'OpenWrt asks for a debug level (ignore it unless you need it).';
    case 'failsafe-entered':
      return 'The router is in rescue mode (failsafe).';
    case 'console-activate':
      return 'The router has started. Press Enter to use its console.';
    case 'login-prompt':
      return 'The router asks for a login name.';
    case 'password-prompt':
      return 'The router asks for a password.';
    case 'shell-prompt':
      return `The router's command line is ready (prompt "${m.prompt?.trimEnd() ?? ''}").`;
  }
}

/** A watcher profile from a known router's serial facts (src-shared/devices/profiles.ts `serial`). */
export function watchProfileFromSerial(id: string, label: string, serial: { stopString: string; prompt?: string }): WatchProfile {
  const keyed = serial.stopString && !/^any( key)?$/i.test(serial.stopString.trim());
  return { id, label, ...(keyed ? { stopString: serial.stopString } : {}), ...(serial.prompt ? { prompts: [serial.prompt] } : {}) };
}
