/**
 * The practice router, hosted in the workstation process on loopback only (no root, no namespace; decision 0090).
 * It runs the shared model (src-shared/capabilities/practice/model.ts):
 *
 *   power on → bootloader (console: countdown; a key stops it at its prompt) → kernel → preinit: the real
 *   netmsg datagrams ("Please press button now to enter failsafe", 1001 bytes, DE AD) once a second to
 *   127.0.0.1:<monitor port>, and "Press the [f] key…" on the console → button (a click, or f + Enter) →
 *   failsafe: SSH (ssh2 Server, root without password) and telnet at its own address 127.0.0.2 → or, without a press, a
 *   normal start where root needs the scenario's password.
 *
 * Flash partitions are files in <data>/practice/<scenario>/flash/; the saved settings (the overlay) live in the
 * rootfs_data file, so a reboot, firstboot or `mtd erase` does what it does on a router. Every socket is bound to
 * a 127.0.0.0/8 address and every datagram goes to 127.0.0.1 (test/main/capabilities/practice checks the sockets).
 * STAND-IN where no real program can run inside the workstation: the shell (shell.ts) and the bootloader.
 *
 * sysupgrade (decision 0098) checks an image as OpenWrt's fwtool_check_image and the mvebu platform check do
 * (the texts of facts §3), closes every session, writes the slot that is not running (dual-slot) and points
 * boot_part at it, as linksys.sh does, then restarts. What starts is what the slot holds: OpenWrt (its release
 * from the image; after -n fresh settings and a new SSH host key) or the maker's firmware, which answers only on
 * its web page (HTTP on the router's address, at a free port: port 80 needs root).
 */
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import path from 'node:path';
import type ssh2 from 'ssh2';
import type { Connection } from 'ssh2';
import { encodeNetmsg } from '../../../src-shared/capabilities/failsafe';
import { crc32 } from '../../../src-shared/capabilities/uboot';
import { encodeAck, encodeRequest, OP, readOpcode } from '../../../src-shared/capabilities/tftp';
import {
  PRACTICE_CONSOLE_PATH,
  PRACTICE_MODELS,
  PRACTICE_ROUTER_ADDRESS,
  procMtd,
  type PracticeMode,
  type PracticeModel,
  type PracticeScenario,
  type PracticeState,
} from '../../../src-shared/capabilities/practice';
import { PracticeShell, type ShellResult } from './shell';
import { english, type MessageId } from '../../../src-shared/i18n';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { reportFor } from '../firmware';
import { readTplinkV1Header } from '../../../src-shared/capabilities/firmware';
import { COMMENCING } from '../../../src-shared/capabilities/upgrade';
import { ensurePracticeImages, tar, uImageName } from './images';

// ssh2 is CommonJS: Node's ESM loader finds Client by name but not Server, so it comes from the default export,
// loaded when the router first needs its SSH server (not at start-up: cold start, issue 18)
const loadSsh2 = async (): Promise<typeof ssh2> => (await import('ssh2')).default;
type SshServer = InstanceType<typeof ssh2.Server>;

export interface PracticeRouterOptions {
  dataDir: string;
  scenario: PracticeScenario;
  /** Where the failsafe monitor listens (on 127.0.0.1). */
  netmsgPort: number;
  /** Seconds of the preinit window (OpenWrt's default is 2; practice gives a learner 4). */
  windowS?: number;
  /** Milliseconds per boot stage; tests shorten it. */
  stageMs?: number;
  onChange(): void;
}

const OVERLAY_MAGIC = 'PRACTICE-OVERLAY\n';

const hashPassword = (pw: string): string => `$practice$${crypto.createHash('sha256').update(`practice:${pw}`).digest('hex').slice(0, 32)}`;

export class PracticeRouter {
  mode: PracticeMode = 'off';
  led: PracticeState['led'] = 'off';
  readonly log: { at: number; text: string; msg?: SaidMessage }[] = [];
  readonly model: PracticeModel;
  address = PRACTICE_ROUTER_ADDRESS;
  sshPort = 0;
  telnetPort = 0;
  /** Where the practice U-Boot looks for our TFTP server on 127.0.0.1 (its tftpdstp), chosen free at start. */
  tftpPort = 0;
  /** The maker's firmware's web page (vendor mode). */
  webPort = 0;
  /** The dual-slot slot the running system started from. */
  runningSlot: 1 | 2 | undefined;
  /** The release of the OpenWrt that runs (from the started image's name), or the model's. */
  private release: string;
  private web: http.Server | undefined;
  /** The Reset button is held until then (a press while the router is off: the maker's recovery at power on). */
  private heldUntil = 0;
  private readonly dir: string;
  private udp: dgram.Socket | undefined;
  private ssh: SshServer | undefined;
  private telnet: net.Server | undefined;
  private telnetClients = new Set<net.Socket>();
  private sshClients = new Set<Connection>();
  private timers = new Set<NodeJS.Timeout>();
  private pressed = false;
  private consoles = new Set<(data: Buffer) => void>();
  private consoleLine = '';
  private stopAutoboot = false;
  /** What tftpboot put in RAM (U-Boot), by load address. */
  private loaded: { addr: number; data: Buffer } | undefined;
  private ubootBusy = false;
  private ubootAbort: (() => void) | undefined;
  private bootGen = 0;
  /** Saved settings, as the overlay holds them (path → content); null = the overlay was erased. */
  private overlay: Record<string, string> = {};
  /** Failsafe: mount_root has run (the overlay is visible under / and /overlay). */
  private mounted = false;
  /** Files written in RAM (failsafe before mount_root, /tmp): lost at the next start. */
  private ram: Record<string, Buffer> = {};
  /** A new shell per command line or session, as each SSH exec is a new ash process. */
  private get shell(): PracticeShell {
    return new PracticeShell({
      read: (p) => this.read(p),
      write: (p, d, a) => this.write(p, d, a),
      remove: (p) => this.remove(p),
      isDir: (p) => this.isDir(p),
      list: (p) => this.list(p),
      tool: (n, a, i) => this.tool(n, a, i),
      has: (n) => ROUTER_TOOLS.has(n),
      tmpFreeKiB: () => Math.max(0, 60 * 1024 - Math.ceil(Object.values(this.ram).reduce((n, b) => n + b.length, 0) / 1024)),
    });
  }

  constructor(private readonly opts: PracticeRouterOptions) {
    this.model = PRACTICE_MODELS[opts.scenario.model];
    this.release = this.model.release;
    this.dir = path.join(opts.dataDir, 'practice', opts.scenario.id);
  }

  get scenario(): PracticeScenario {
    return this.opts.scenario;
  }

  private get stageMs(): number {
    return this.opts.stageMs ?? 400;
  }

  /** A line of the router's log in our words: its English, and its catalogue id and values for the screen. */
  private say(id: Extract<MessageId, `practice.said.${string}`>, values?: Record<string, string>): void {
    const text = english(id, values);
    this.note(text, values ? { id, values } : { id });
  }

  /** A line of the log; a command line as typed (fw_setenv …) has no id: it is shown as it is. */
  private note(text: string, msg?: SaidMessage): void {
    this.log.push(msg ? { at: Date.now(), text, msg } : { at: Date.now(), text });
    if (this.log.length > 200) this.log.splice(0, 100);
    this.opts.onChange();
  }

  private set(mode: PracticeMode, led: PracticeState['led']): void {
    this.mode = mode;
    this.led = led;
    this.opts.onChange();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  // ---- the SSH host key: made the first time it is needed, kept in the data folder (dropbear keeps it in the
  // overlay; sysupgrade -n starts without one, so the router makes a new one) ----

  private get hostKeyFile(): string {
    return path.join(this.dir, 'ssh_host_ed25519_key');
  }

  private async hostKey(): Promise<string> {
    try {
      return fs.readFileSync(this.hostKeyFile, 'utf8');
    } catch {
      const key = parseableEd25519((await loadSsh2()).utils);
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(this.hostKeyFile, key, { mode: 0o600 });
      // the scenario's own key, put back by "Reset the scenario" (the same router, as it was)
      if (!fs.existsSync(`${this.hostKeyFile}.scenario`)) fs.writeFileSync(`${this.hostKeyFile}.scenario`, key, { mode: 0o600 });
      return key;
    }
  }

  // ---- flash: partitions as files ----

  private partFile(name: string): string {
    return path.join(this.dir, 'flash', `${name}.bin`);
  }

  /** Write the scenario's flash as it is at the start (also "Reset the scenario"). */
  resetFlash(): void {
    fs.mkdirSync(path.join(this.dir, 'flash'), { recursive: true });
    const s = this.opts.scenario;
    for (const p of this.model.partitions) {
      const buf = Buffer.alloc(p.size, 0xff);
      const head = (text: string): void => void buf.write(text, 0, 'latin1');
      if (p.name === 'u-boot') head(`PRACTICE U-BOOT for ${this.model.modelName}\n`);
      else if (p.name === 'factory' || p.name === 'devinfo') head(`hw_mac_addr=02:00:00:00:00:01\nserial=PRACTICE-0001\n`);
      else if (p.name === 'u-boot-env' || p.name === 'u_env') head(this.envText({ ...this.model.env, ...(s.bootPart ? { boot_part: s.bootPart } : {}), ...(this.tftpPort ? { tftpdstp: String(this.tftpPort) } : {}) }) + '\0');
      else if (p.name === 'firmware' || p.name === 'kernel1' || p.name === 'kernel2') {
        const broken = s.firmwareBroken && (p.name === 'firmware' || p.name === `kernel${s.bootPart ?? '1'}`);
        if (broken) head('GARBAGE: interrupted write');
        else {
          // a uImage header whose name says what starts: OpenWrt and its release
          const h = Buffer.alloc(64);
          h.writeUInt32BE(0x27051956, 0);
          h.write(`OpenWrt ${this.model.release} PRACTICE`.slice(0, 31), 32, 'latin1');
          h.copy(buf);
        }
      } else if (p.name === 'rootfs_data') head(this.overlayText({ ...this.model.rom, ...s.overlay, '/etc/shadow': s.rootPassword ? `root:${hashPassword(s.rootPassword)}:19700:0:99999:7:::\n` : 'root:::0:99999:7:::\n' }, true));
      fs.writeFileSync(this.partFile(p.name), buf);
    }
    if (fs.existsSync(`${this.hostKeyFile}.scenario`)) fs.copyFileSync(`${this.hostKeyFile}.scenario`, this.hostKeyFile);
    this.runningSlot = undefined;
    this.release = this.model.release;
    this.say('practice.said.scenarioLoaded', { title: s.title, dir: path.join(this.dir, 'flash') });
  }

  private envText(env: Record<string, string>): string {
    return Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\0');
  }

  private readEnv(): Record<string, string> {
    const name = this.model.partitions.find((p) => p.name === 'u-boot-env' || p.name === 'u_env')!.name;
    const raw = fs.readFileSync(this.partFile(name)).toString('latin1');
    const end = raw.indexOf('\0\0');
    const env: Record<string, string> = {};
    for (const kv of raw.slice(0, end < 0 ? raw.length : end).split('\0')) {
      const i = kv.indexOf('=');
      if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    return env;
  }

  private writeEnv(env: Record<string, string>): void {
    const p = this.model.partitions.find((x) => x.name === 'u-boot-env' || x.name === 'u_env')!;
    const buf = Buffer.alloc(p.size, 0xff);
    buf.write(this.envText(env) + '\0\0', 0, 'latin1');
    fs.writeFileSync(this.partFile(p.name), buf);
  }

  /** Only the differences from /rom are kept, as in OpenWrt's overlay. */
  private overlayText(files: Record<string, string>, diffOnly: boolean): string {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(files)) if (!diffOnly || this.model.rom[k] !== v) out[k] = v;
    return OVERLAY_MAGIC + JSON.stringify(out) + '\0';
  }

  private loadOverlay(): void {
    const raw = fs.readFileSync(this.partFile('rootfs_data')).toString('utf8');
    if (!raw.startsWith(OVERLAY_MAGIC)) {
      this.overlay = {};
      return;
    }
    try {
      this.overlay = JSON.parse(raw.slice(OVERLAY_MAGIC.length, raw.indexOf('\0')));
    } catch {
      this.overlay = {};
    }
  }

  private saveOverlay(): void {
    // a switched-off router writes nothing: a command still finishing when the power went (or the scenario was
    // reset under it) must not put its files back over the flash
    if (this.mode === 'off') return;
    const size = this.model.partitions.find((p) => p.name === 'rootfs_data')!.size;
    const buf = Buffer.alloc(size, 0xff);
    const text = Buffer.from(this.overlayText(this.overlay, false));
    if (text.length > size) throw new Error('No space left on device');
    text.copy(buf);
    fs.writeFileSync(this.partFile('rootfs_data'), buf);
  }

  private eraseOverlay(): void {
    this.overlay = {};
    const size = this.model.partitions.find((p) => p.name === 'rootfs_data')!.size;
    fs.writeFileSync(this.partFile('rootfs_data'), Buffer.alloc(size, 0xff));
  }

  // ---- the files the shell sees ----

  private overlayVisible(): boolean {
    return this.mode === 'running' || this.mounted;
  }

  /** Files the kernel makes (/proc, /sys/class/mtd): path → content. */
  private kernelFiles(): Record<string, string> {
    const parts = this.model.partitions;
    const rootIdx = this.runningSlot ? parts.findIndex((p) => p.name === `rootfs${this.runningSlot}`) : -1;
    const f: Record<string, string> = {
      '/proc/cmdline': `console=ttyS0,115200${rootIdx >= 0 ? ` root=/dev/mtdblock${rootIdx}` : ' rootfstype=squashfs,jffs2'}\n`,
      '/proc/sys/kernel/hostname': `${this.model.hostname}\n`,
      '/proc/sys/kernel/osrelease': '5.15.167\n',
      '/proc/meminfo': 'MemTotal:         245760 kB\nMemFree:          180224 kB\nMemAvailable:     190464 kB\n',
    };
    let offset = 0;
    parts.forEach((p, i) => {
      const size = p.shownSize ?? p.size;
      const attrs = { name: p.name, type: 'nand', size: String(size), erasesize: '131072', offset: String(offset), flags: p.dangerous ? '0x0' : '0x800', oobsize: '64', writesize: '2048' };
      for (const d of [`mtd${i}`, `mtd${i}ro`]) for (const [k, v] of Object.entries(attrs)) f[`/sys/class/mtd/${d}/${k}`] = `${v}\n`;
      offset += size;
    });
    return f;
  }

  private read(p: string): Buffer | undefined {
    if (p === '/proc/mtd') return Buffer.from(procMtd(this.model));
    if (p.startsWith('/proc/') || p.startsWith('/sys/')) {
      const v = this.kernelFiles()[p];
      return v === undefined ? undefined : Buffer.from(v);
    }
    if (p === '/tmp/sysinfo/board_name') return Buffer.from(this.model.boardName + '\n');
    if (p === '/tmp/sysinfo/model') return Buffer.from(this.model.modelName + '\n');
    if (p === '/etc/openwrt_release') return Buffer.from(`DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='${this.release}'\nDISTRIB_TARGET='practice'\nDISTRIB_DESCRIPTION='OpenWrt ${this.release} (practice router)'\n`);
    const mtd = /^\/dev\/mtd(?:block)?(\d+)$/.exec(p);
    if (mtd) {
      const part = this.model.partitions[Number(mtd[1])];
      return part ? fs.readFileSync(this.partFile(part.name)) : undefined;
    }
    if (this.ram[p]) return this.ram[p];
    if (p.startsWith('/rom/')) return this.model.rom[p.slice(4)] !== undefined ? Buffer.from(this.model.rom[p.slice(4)]!) : undefined;
    if (p.startsWith('/overlay/upper/')) return this.mounted && this.overlay[p.slice(14)] !== undefined ? Buffer.from(this.overlay[p.slice(14)]!) : undefined;
    if (this.overlayVisible() && this.overlay[p] !== undefined) return Buffer.from(this.overlay[p]!);
    return this.model.rom[p] !== undefined ? Buffer.from(this.model.rom[p]!) : undefined;
  }

  private write(p: string, data: Buffer, append = false): string | undefined {
    if (p.startsWith('/rom/')) return 'Read-only file system';
    const old = append ? (this.read(p) ?? Buffer.alloc(0)) : Buffer.alloc(0);
    const next = Buffer.concat([old, data]);
    if (p.startsWith('/tmp/') || p.startsWith('/dev/') || !this.overlayVisible()) {
      this.ram[p] = next;
      return undefined;
    }
    this.overlay[p.startsWith('/overlay/upper/') ? p.slice(14) : p] = next.toString('utf8');
    try {
      this.saveOverlay();
    } catch (err) {
      return (err as Error).message;
    }
    return undefined;
  }

  private remove(p: string): boolean {
    if (this.ram[p]) {
      delete this.ram[p];
      return true;
    }
    if (!this.overlayVisible()) return false;
    const key = p.startsWith('/overlay/upper/') ? p.slice(14) : p;
    if (key === '/overlay/upper' || key === '/overlay/work' || p.startsWith('/overlay/work/')) return false;
    // rm -rf /overlay/upper/etc removes every saved file under it
    const hit = Object.keys(this.overlay).filter((k) => k === key || k.startsWith(key.endsWith('/') ? key : key + '/'));
    for (const k of hit) delete this.overlay[k];
    if (hit.length) this.saveOverlay();
    return hit.length > 0;
  }

  private allPaths(): string[] {
    const paths = new Set([...Object.keys(this.model.rom), ...Object.keys(this.model.rom).map((k) => '/rom' + k), ...Object.keys(this.ram), ...Object.keys(this.kernelFiles())]);
    if (this.overlayVisible()) for (const k of Object.keys(this.overlay)) paths.add(k);
    if (this.mounted) for (const k of Object.keys(this.overlay)) paths.add('/overlay/upper' + k);
    return [...paths];
  }

  private isDir(p: string): boolean {
    const d = p.replace(/\/+$/, '');
    if (d === '' || d === '/overlay' || d === '/tmp' || d === '/dev') return true;
    if (d === '/overlay/upper' || d === '/overlay/work') return this.mounted;
    return this.allPaths().some((x) => x.startsWith(d + '/'));
  }

  private list(dir: string): string[] {
    const d = dir.replace(/\/+$/, '');
    const names = new Set<string>();
    for (const x of this.allPaths()) if (x.startsWith(d + '/')) names.add(x.slice(d.length + 1).split('/')[0]!);
    if (d === '/overlay' && this.mounted) ['upper', 'work'].forEach((n) => names.add(n));
    return [...names];
  }

  private uciGet(key: string): string | undefined {
    const [config, section, option] = key.split('.');
    const text = this.read(`/etc/config/${config}`)?.toString('utf8');
    if (!text || !section || !option) return undefined;
    // @type[n]: the n-th section of that type
    const anon = /^@([\w-]+)\[(-?\d+)\]$/.exec(section);
    const seen: Record<string, number> = {};
    let inSection = false;
    for (const line of text.split('\n')) {
      const c = /^config\s+(\S+)(?:\s+'?([^'\s]+)'?)?/.exec(line);
      if (c) {
        const n = (seen[c[1]!] = (seen[c[1]!] ?? -1) + 1);
        inSection = anon ? c[1] === anon[1] && n === Number(anon[2]) : c[2] === section || c[1] === section;
      }
      const o = /^\s+option\s+(\S+)\s+'?([^']*)'?/.exec(line);
      if (inSection && o && o[1] === option) return o[2];
    }
    return undefined;
  }

  private tool(name: string, args: string[], stdin: Buffer): ShellResult | undefined {
    if (!ROUTER_TOOLS.has(name)) return undefined;
    const ok = (text = '', code = 0, stderr = ''): ShellResult => ({ stdout: Buffer.from(text), stderr, code });
    switch (name) {
      case 'mount_root':
        if (this.mode !== 'failsafe') return ok('', 1, 'mount_root: overlay filesystem has already been mounted\n');
        if (this.mounted) return ok('mount_root: overlay filesystem has already been mounted\n');
        this.mounted = true;
        this.say('practice.said.mountRoot');
        return ok('mounting /dev/mtdblock' + this.model.partitions.findIndex((p) => p.name === 'rootfs_data') + ' /overlay\nswitching to jffs2 overlay\n');
      case 'firstboot':
        if (!args.includes('-y')) return ok('This will erase all settings and remove any installed packages. Are you sure? [N/y]\n', 1);
        this.eraseOverlay();
        this.say('practice.said.firstboot');
        return ok(`/dev/mtdblock${this.model.partitions.findIndex((p) => p.name === 'rootfs_data')} is not mounted\n/dev/mtdblock${this.model.partitions.findIndex((p) => p.name === 'rootfs_data')} will be erased on next mount\n`);
      case 'passwd': {
        const [a = '', b = ''] = stdin.toString('utf8').split('\n');
        if (!a) return ok('', 1, 'passwd: password for root is unchanged\n');
        if (a !== b) return ok('', 1, 'passwd: password for root is unchanged (mismatch)\n');
        const shadow = `root:${hashPassword(a)}:${Math.floor(Date.now() / 86_400_000)}:0:99999:7:::\n`;
        this.write('/etc/shadow', Buffer.from(shadow));
        this.say('practice.said.passwd', { kept: this.overlayVisible() ? 'yes' : 'no' });
        return ok('Changing password for root\nNew password:\nRetype password:\npasswd: password for root changed by root\n');
      }
      case 'uci': {
        const quiet = args[0] === '-q';
        if (quiet) args = args.slice(1);
        if (args[0] === 'get' && args[1]) {
          const v = this.uciGet(args[1]);
          return v === undefined ? ok('', 1, quiet ? '' : 'uci: Entry not found\n') : ok(v + '\n');
        }
        return ok('', 1, 'uci: only "uci get" works on the practice router\n');
      }
      case 'mtd': {
        const a = args.filter((x) => x !== '-r');
        if (a[0] === 'erase' && a[1] === 'rootfs_data') {
          this.eraseOverlay();
          this.say('practice.said.mtdErase');
          if (args.includes('-r')) this.later(200, () => this.reboot('mtd'));
          return ok('Unlocking rootfs_data ...\n\nErasing rootfs_data ...\n' + (args.includes('-r') ? 'Rebooting ...\n' : ''));
        }
        return ok('', 1, 'mtd: the practice router knows only "mtd [-r] erase rootfs_data"\n');
      }
      case 'reboot':
        this.later(150, () => this.reboot('reboot'));
        return ok();
      case 'fw_printenv': {
        const env = this.readEnv();
        if (args[0] === '-n') return env[args[1] ?? ''] !== undefined ? ok(env[args[1]!] + '\n') : ok('', 1, `## Error: "${args[1]}" not defined\n`);
        const keys = args.length ? args : Object.keys(env);
        return ok(keys.map((k) => `${k}=${env[k] ?? ''}`).join('\n') + '\n');
      }
      case 'fw_setenv': {
        const env = this.readEnv();
        if (!args[0]) return ok('', 1, 'Usage: fw_setenv name [value]\n');
        if (args.length === 1) delete env[args[0]];
        else env[args[0]] = args.slice(1).join(' ');
        this.writeEnv(env);
        this.note(`fw_setenv ${args.join(' ')}`);
        return ok();
      }
      case 'uname':
        return ok(args.includes('-n') ? `${this.model.hostname}\n` : 'Linux\n');
      case 'sysupgrade':
        return this.sysupgrade(args, stdin);
      default:
        return undefined;
    }
  }

  // ---- console ----

  private print(text: string): void {
    const b = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1');
    for (const c of this.consoles) c(b);
  }

  /** The console's far end, for the serial binding (virtual-serial.ts). */
  consolePort() {
    return {
      path: PRACTICE_CONSOLE_PATH,
      label: 'Practice router console (virtual) — not a real port',
      connect: (print: (data: Buffer) => void) => {
        this.consoles.add(print);
        return { write: (d: Buffer) => this.consoleInput(d), close: () => void this.consoles.delete(print) };
      },
    };
  }

  private consoleInput(d: Buffer): void {
    const text = d.toString('latin1');
    if (this.mode === 'bootloader' && this.led === 'regular' && !this.stopAutoboot) {
      this.stopAutoboot = true; // any key during the countdown
      return;
    }
    if (this.ubootBusy) {
      if (text.includes('\x03')) this.ubootAbort?.();
      return;
    }
    for (const ch of text) {
      if (ch === '\x03') {
        this.consoleLine = '';
        this.print('\n' + this.promptText());
        continue;
      }
      if (ch !== '\r' && ch !== '\n') {
        this.consoleLine += ch;
        if (this.mode !== 'preinit') this.print(ch); // echo, as a terminal would
        continue;
      }
      const line = this.consoleLine;
      this.consoleLine = '';
      this.consoleCommand(line.trim());
    }
  }

  private promptText(): string {
    if (this.mode === 'bootloader') return this.model.ubootPrompt;
    if (this.mode === 'failsafe' || this.mode === 'running') return 'root@OpenWrt:/# ';
    return '';
  }

  private consoleCommand(line: string): void {
    if (this.mode === 'preinit') {
      if (line === 'f') {
        this.pressed = true;
        this.say('practice.said.consoleF');
      }
      return;
    }
    if (this.mode === 'bootloader') {
      this.print('\n');
      this.ubootCommand(line);
      return;
    }
    if (this.mode === 'failsafe' || this.mode === 'running') {
      this.print('\n');
      if (line) {
        const r = this.shell.run(line);
        this.print(r.stdout.toString('latin1') + r.stderr);
      }
      this.print(this.promptText());
    }
  }

  private ubootCommand(line: string): void {
    const [cmd = '', ...args] = line.split(/\s+/);
    const env = this.readEnv();
    switch (cmd) {
      case '':
        break;
      case 'printenv':
        this.print(Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + `\n\nEnvironment size: ${this.envText(env).length}/${0x3ffc} bytes\n`);
        break;
      case 'setenv':
        if (args.length === 1) delete env[args[0]!];
        else if (args[0]) env[args[0]] = args.slice(1).join(' ');
        this.writeEnv(env);
        break;
      case 'saveenv':
        this.print('Saving Environment to SPI Flash... done\n');
        break;
      case 'bdinfo':
        this.print('boot_params = 0x00000000\nDRAM bank   = 0x00000000\n-> start    = 0x80000000\n-> size     = 0x08000000\nflashstart  = 0xbc000000\nflashsize   = 0x01000000\nrelocaddr   = 0x87f60000\nbaudrate    = 115200 bps\n');
        break;
      case 'tftpboot':
      case 'tftp': {
        const addr = parseInt((args[0] ?? env.loadaddr ?? '0x82000000').replace(/^0x/, ''), 16);
        const file = args[1] ?? env.bootfile ?? 'firmware.bin';
        this.ubootBusy = true;
        void this.tftpboot(addr, file, env).finally(() => {
          this.ubootBusy = false;
          this.ubootAbort = undefined;
          this.print(this.promptText());
        });
        return;
      }
      case 'crc32': {
        const start = parseInt((args[0] ?? '0').replace(/^0x/, ''), 16);
        const len = parseInt((args[1] ?? '0').replace(/^0x/, ''), 16);
        const l = this.loaded;
        const data = l && start >= l.addr ? l.data.subarray(start - l.addr, start - l.addr + len) : Buffer.alloc(0);
        const padded = Buffer.concat([data, Buffer.alloc(Math.max(0, len - data.length))]);
        this.print(`crc32 for ${start.toString(16).padStart(8, '0')} ... ${(start + len - 1).toString(16).padStart(8, '0')} ==> ${crc32(padded).toString(16).padStart(8, '0')}\n`);
        break;
      }
      case 'version':
        this.print(`U-Boot 2023.01 (practice) for ${this.model.modelName}\n`);
        break;
      case 'help':
        this.print('boot      - boot default, i.e., run \'bootcmd\'\nprintenv  - print environment variables\nreset     - Perform RESET of the CPU\nsetenv    - set environment variables\nversion   - print monitor version\n');
        break;
      case 'bootm': {
        const addr = args[0] ? parseInt(args[0].replace(/^0x/, ''), 16) : undefined;
        if (addr !== undefined) {
          const l = this.loaded;
          const img = l && addr === l.addr ? l.data : undefined;
          this.print(`## Booting kernel from Legacy Image at ${addr.toString(16).padStart(8, '0')} ...\n`);
          if (!img || img.length < 64 || img.readUInt32BE(0) !== 0x27051956) {
            this.print('Wrong Image Format for bootm command\nERROR: can\'t get kernel image!\n');
            break;
          }
          this.print(`   Image Name:   ${img.subarray(32, 64).toString('latin1').replace(/\0.*$/s, '')}\n   Verifying Checksum ... OK\n`);
          this.say('practice.said.bootm');
          this.startKernel();
          return;
        }
        this.bootKernel();
        return;
      }
      case 'boot':
      case 'run':
        this.bootKernel();
        return;
      case 'reset':
        this.print('resetting ...\n');
        this.later(100, () => this.reboot('reset'));
        return;
      default:
        this.print(`Unknown command '${cmd}' - try 'help'\n`);
    }
    this.print(this.promptText());
  }

  // ---- boot ----

  powerOn(): void {
    if (this.mode !== 'off') return;
    this.say('practice.said.powerOn');
    if (this.model.vendorRecovery && Date.now() < this.heldUntil) {
      this.heldUntil = 0;
      void this.recoveryBoot();
      return;
    }
    this.boot();
  }

  powerOff(): void {
    this.bootGen++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.closeLogins();
    this.mounted = false;
    this.ram = {};
    this.pressed = false;
    this.set('off', 'off');
    this.say('practice.said.powerOff');
  }

  pressButton(): void {
    if (this.mode === 'off' && this.model.vendorRecovery) {
      this.heldUntil = Date.now() + 10_000;
      this.say('practice.said.holdReset');
      return;
    }
    if (this.mode === 'preinit') {
      this.pressed = true;
      this.say('practice.said.resetRescue');
    } else this.say('practice.said.resetNothing', { off: this.mode === 'off' ? 'yes' : 'no' });
  }

  private reboot(why: 'mtd' | 'reboot' | 'reset' | 'recovery' | 'sysupgrade'): void {
    this.say('practice.said.restarting', { why });
    this.print('\n[  120.000000] reboot: Restarting system\n');
    this.powerOff();
    this.later(300, () => this.boot());
  }

  private boot(): void {
    const gen = ++this.bootGen;
    this.loadOverlay();
    this.mounted = false;
    this.ram = {};
    this.pressed = false;
    this.stopAutoboot = false;
    this.set('bootloader', 'regular');
    this.print(`\nU-Boot 2023.01 (practice) for ${this.model.modelName}\n\nDRAM:  128 MiB\nLoading Environment from SPI Flash... OK\nNet:   eth0\nHit any key to stop autoboot:  1 `);
    const alive = (): boolean => gen === this.bootGen;
    this.later(1000, () => {
      if (!alive()) return;
      this.print('\b\b\b 0 \n');
      if (this.stopAutoboot) {
        this.set('bootloader', 'steady');
        this.say('practice.said.autobootStopped');
        this.print(this.model.ubootPrompt);
        return;
      }
      this.bootKernel();
    });
  }

  private bootKernel(): void {
    const env = this.readEnv();
    const dual = this.model.partitions.some((p) => p.name === 'kernel1');
    const slot = dual ? `kernel${env.boot_part === '2' ? '2' : '1'}` : 'firmware';
    let image = fs.readFileSync(this.partFile(slot));
    // a TP-Link firmware header first (what the maker's recovery writes): the kernel is at its kernel offset
    const tpl = readTplinkV1Header(image);
    if (tpl && tpl.kernelOffset < image.length) image = image.subarray(tpl.kernelOffset);
    this.print(`## Booting kernel from ${slot} ...\n`);
    const name = uImageName(image);
    if (name === undefined) {
      this.print('Wrong Image Format for bootm command\nERROR: can\'t get kernel image!\n' + this.model.ubootPrompt);
      this.set('bootloader', 'steady');
      this.say('practice.said.slotDamaged', { slot, prompt: this.model.ubootPrompt.trim() });
      return;
    }
    this.print(`   Image Name:   ${name}\n`);
    this.runningSlot = dual ? (slot === 'kernel2' ? 2 : 1) : undefined;
    if (!/openwrt/i.test(name)) return this.vendorBoot(name);
    this.release = /OpenWrt\s+(\S+)/i.exec(name)?.[1] ?? this.model.release;
    this.startKernel();
  }

  /** The maker's firmware starts: no failsafe, no SSH; its web page answers. */
  private vendorBoot(name: string): void {
    const gen = this.bootGen;
    this.set('halted', 'steady');
    this.print(`Starting kernel ...\n\n${name} is starting (the maker's firmware: no console login)\n`);
    this.later(this.stageMs * 2, () => {
      if (gen !== this.bootGen) return;
      void this.openWeb(name).then(() => {
        if (gen !== this.bootGen) return;
        this.set('vendor', 'steady');
        this.say('practice.said.vendorRuns', { name, slot: this.runningSlot ? String(this.runningSlot) : 'none', url: `http://${this.address}:${this.webPort}/` });
      });
    });
  }

  /** The web page: the maker's (vendor mode) or OpenWrt's LuCI login (a normal start), as port 80 answers. */
  private async openWeb(name?: string): Promise<void> {
    if (this.web) return;
    const version = name ? (/(\d+\.\d+\.\d+(?:\.\d+)*)/.exec(name)?.[1] ?? '') : this.release;
    const maker = name?.split(' ')[0] ?? 'Router';
    const page = name
      ? `<!doctype html><html><head><meta charset="utf-8"><title>${maker} Smart Wi-Fi — PRACTICE</title></head><body><h1>PRACTICE ROUTER (Rescue Bench) — not a real device</h1><p>This page stands in for the maker's firmware on the practice router.</p><p>Model: ${this.model.modelName}</p><p>Firmware Version: ${version}</p></body></html>`
      : `<!doctype html><html><head><meta charset="utf-8"><title>OpenWrt - LuCI (PRACTICE)</title></head><body><h1>PRACTICE ROUTER (Rescue Bench) — not a real device</h1><p>OpenWrt ${version}: log in with root's password.</p></body></html>`;
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', server: 'httpd (practice router)' });
      res.end(req.method === 'HEAD' ? undefined : page);
    });
    server.on('error', () => undefined);
    this.web = server;
    await new Promise<void>((resolve) => server.listen(this.webPort, this.address, () => resolve()));
  }

  /**
   * The maker's recovery in the bootloader (TP-Link style): with the button held at power on it fetches
   * <model>_tp_recovery.bin from the TFTP server at serverip (here 127.0.0.1 and its free port), checks the
   * firmware header is for this model, writes it and restarts. Without an answer it starts normally.
   */
  private async recoveryBoot(): Promise<void> {
    const gen = ++this.bootGen;
    const rec = this.model.vendorRecovery!;
    this.loadOverlay();
    this.ram = {};
    this.set('recovery', 'failsafe');
    this.print(`\nU-Boot 1.1.4 (practice) for ${this.model.modelName}\n\nReset button held: firmware recovery\n`);
    this.say('practice.said.recoveryStarted', { file: rec.fileName });
    const env = this.readEnv();
    for (let attempt = 0; attempt < 3 && gen === this.bootGen; attempt++) {
      this.loaded = undefined;
      this.ubootBusy = true;
      await this.tftpboot(parseInt((env.loadaddr ?? '0x81000000').replace(/^0x/, ''), 16), rec.fileName, env).finally(() => (this.ubootBusy = false));
      if (gen !== this.bootGen) return;
      if (this.loaded) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (gen !== this.bootGen) return;
    const data = this.loaded?.data;
    const profileHwId = 0xc7000002;
    const hdr = data ? readTplinkV1Header(data) : undefined;
    if (!data) {
      this.say('practice.said.recoveryNoFile');
      this.boot();
      return;
    }
    if (!hdr || hdr.hwId !== profileHwId || hdr.bootLength !== 0) {
      this.print(`Firmware check failed: ${!hdr ? 'no TP-Link firmware header' : hdr.bootLength !== 0 ? 'it contains a bootloader' : `it is for hardware 0x${hdr.hwId.toString(16)}`}\n`);
      this.say('practice.said.recoveryRefused');
      this.boot();
      return;
    }
    this.set('recovery', 'preinit');
    this.print(`Firmware check OK (${hdr.firmwareVersion})\nErasing flash ...\nWriting ${data.length} bytes to flash ... `);
    this.say('practice.said.recoveryWrites', { bytes: String(data.length), version: String(hdr.firmwareVersion) });
    this.writePart('firmware', data);
    this.later(Math.max(600, this.stageMs * 3), () => {
      if (gen !== this.bootGen) return;
      this.print('done\n');
      this.reboot('recovery');
    });
  }

  /** Write a partition file from the start (the rest stays erased, 0xff). */
  private writePart(name: string, data: Buffer): void {
    const size = this.model.partitions.find((p) => p.name === name)!.size;
    const buf = Buffer.alloc(size, 0xff);
    data.copy(buf, 0, 0, Math.min(size, data.length));
    fs.writeFileSync(this.partFile(name), buf);
  }

  // ---- sysupgrade ----

  /** The settings as sysupgrade -b makes them: a .tar.gz of the saved files under /etc. */
  private settingsArchive(): Buffer {
    const files = Object.entries({ ...this.model.rom, ...this.overlay })
      .filter(([k]) => k.startsWith('/etc/config/') || k === '/etc/shadow' || k === '/etc/passwd')
      .map(([k, v]) => ({ name: k.slice(1), data: Buffer.from(v) }));
    return zlib.gzipSync(tar(files.length ? files : [{ name: 'etc/config/system', data: Buffer.from("config system\n") }]));
  }

  /** What OpenWrt's fwtool_check_image and the platform check say about an image (facts §3.2). */
  private checkImage(file: string, img: Buffer, force: boolean, keep: boolean): { lines: string[]; ok: boolean; tar: boolean } {
    const report = reportFor(new Uint8Array(img), { fileName: path.basename(file), path: file, sha256: crypto.createHash('sha256').update(img).digest('hex'), md5: '', startedAt: performance.now() });
    const lines: string[] = [];
    let ok = true;
    const meta = report.metadata as Record<string, unknown> | null;
    if (meta) {
      const compat = String(meta.compat_version ?? '1.0');
      const list = (compat !== '1.0' ? meta.new_supported_devices : meta.supported_devices) as unknown;
      const devices = Array.isArray(list) ? list.map(String) : [];
      const board = this.model.boardName;
      if (!devices.includes(board) && !devices.includes(board.replace(',', '_'))) {
        lines.push(`Device ${board} not supported by this image`, `Supported devices: ${devices.join(' ')}`);
        ok = false;
      } else if (compat.split('.')[0] !== '1') {
        lines.push(`The device is supported, but this image is incompatible for sysupgrade based on the image version (1.0->${compat}).`);
        ok = false;
      } else if (compat !== '1.0' && keep) {
        lines.push(`The device is supported, but the config is incompatible to the new image (1.0->${compat}). Please upgrade without keeping config (sysupgrade -n).`);
        ok = false;
      }
    } else {
      // REQUIRE_IMAGE_METADATA=1, as on mvebu
      lines.push('Image metadata not present');
      if (!force) lines.push('Use sysupgrade -F to override this check when downgrading or flashing to vendor firmware');
      ok = false;
    }
    const isTar = report.identity.writePath === 'sysupgrade-tar';
    if (!isTar && uImageName(img) === undefined) {
      lines.push('Invalid image type.');
      ok = false;
    }
    if (!ok) lines.push(force ? 'Image check failed but --force given - will update anyway!' : 'Image check failed.');
    return { lines, ok, tar: isTar };
  }

  private sysupgrade(argv: string[], _stdin: Buffer): ShellResult {
    const res = (out: string, code = 0, err = ''): ShellResult => ({ stdout: Buffer.from(out), stderr: err, code });
    const usage = 'Usage: /sbin/sysupgrade [<upgrade-option>...] <image file or URL>\n       /sbin/sysupgrade [-q] [-i] [-c] [-u] [-o] [-k] <backup-command> <file>\n';
    let test = false;
    let force = false;
    let keep = true;
    let backup: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-T' || a === '--test') test = true;
      else if (a === '-F' || a === '--force') force = true;
      else if (a === '-n') keep = false;
      else if (a === '-b' || a === '--create-backup') backup = argv[++i] ?? '';
      else if (['-v', '-q', '-c', '-u', '-k', '-p', '-o', '-i'].includes(a)) continue;
      else if (a.startsWith('-') && a !== '-') return res('', 1, usage);
      else files.push(a);
    }
    if (backup !== undefined) {
      if (!backup) return res('', 1, usage);
      const tgz = this.settingsArchive();
      this.say('practice.said.backupGiven');
      if (backup === '-') return { stdout: tgz, stderr: '', code: 0 };
      const problem = this.write(backup, tgz);
      return problem ? res('', 1, `Cannot create backup file ${backup}: ${problem}\n`) : res('Saving config files...\n');
    }
    const file = files[0];
    if (!file) return res('', 1, usage);
    const img = this.read(file);
    if (!img) return res('', 1, `Image not found: ${file}\n`);
    const check = this.checkImage(file, img, force, keep);
    const said = check.lines.map((l) => l + '\n').join('');
    if (test) return res(said, check.ok || force ? 0 : 1);
    if (!check.ok && !force) return res(said, 1);
    const out = `${said}${keep ? 'Saving config files...\n' : ''}${COMMENCING}\n`;
    this.say('practice.said.sysupgradeStart', { command: `sysupgrade${force ? ' -F' : ''}${keep ? '' : ' -n'} ${file}` });
    const gen = this.bootGen;
    // sysupgrade hands over to procd, which stops every session, then writes and restarts
    this.later(300, () => gen === this.bootGen && this.flashAndRestart(img, check.tar, keep));
    return res(out);
  }

  private flashAndRestart(img: Buffer, isTar: boolean, keep: boolean): void {
    this.closeLogins();
    this.set('halted', 'preinit');
    this.print('\n[  100.000000] sysupgrade: writing the new firmware — do not switch off\n');
    const members = isTar ? untar(img) : {};
    const kernel = isTar ? Object.entries(members).find(([n]) => /\/kernel$/.test(n))?.[1] : img;
    const root = isTar ? Object.entries(members).find(([n]) => /\/root$/.test(n))?.[1] : undefined;
    const dual = this.model.partitions.some((p) => p.name === 'kernel1');
    if (dual) {
      const env = this.readEnv();
      const running = this.runningSlot ?? (env.boot_part === '2' ? 2 : 1);
      const target = running === 1 ? 2 : 1;
      this.writePart(`kernel${target}`, kernel ?? Buffer.alloc(0));
      if (root) this.writePart(`rootfs${target}`, root);
      // linksys.sh: the next start boots the slot just written
      this.writeEnv({ ...env, boot_part: String(target), bootcmd: target === 1 ? 'run nandboot' : 'run altnandboot' });
      this.say('practice.said.wroteSlot', { slot: String(target) });
    } else {
      this.writePart('firmware', kernel ?? img);
      this.say('practice.said.wroteFirmware');
    }
    if (!keep) {
      this.eraseOverlay();
      fs.rmSync(this.hostKeyFile, { force: true });
      this.say('practice.said.notKept');
    }
    this.later(Math.max(800, this.stageMs * 3), () => this.reboot('sysupgrade'));
  }

  private startKernel(): void {
    const gen = this.bootGen;
    this.set('halted', 'steady');
    this.print('Starting kernel ...\n\n[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] Linux version 5.15.167 (practice router)\n');
    this.later(this.stageMs, () => gen === this.bootGen && this.preinit());
  }

  /** U-Boot's TFTP client (net/tftp.c): lock-step 512-byte blocks from serverip, port tftpdstp (default 69). */
  private async tftpboot(addr: number, file: string, env: Record<string, string>): Promise<void> {
    const server = env.serverip ?? '127.0.0.1';
    const port = Number(env.tftpdstp ?? 69);
    if (!server.startsWith('127.')) {
      this.print(`*** ERROR: the practice router only reaches this computer (serverip 127.0.0.1), not ${server}\n`);
      return;
    }
    this.print(`Using eth0 device\nTFTP from server ${server}; our IP address is ${this.address}\nFilename '${file}'.\nLoad address: 0x${addr.toString(16)}\nLoading: `);
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind({ address: this.address, port: 0 }, () => r()));
    const blocks: Buffer[] = [];
    let expect = 1;
    let peerPort = 0;
    const t0 = Date.now();
    const result = await new Promise<string>((resolve) => {
      let retries = 0;
      let timer: NodeJS.Timeout;
      const send = (b: Uint8Array, p: number): void => void sock.send(b, p, server);
      const arm = (resend: () => void): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (++retries > 10) return resolve('\nRetry count exceeded; starting again\n');
          this.print('T ');
          resend();
          arm(resend);
        }, 2000);
      };
      this.ubootAbort = () => {
        clearTimeout(timer);
        resolve('\nAbort\n');
      };
      const rrq = encodeRequest('rrq', file, 'octet');
      send(rrq, port);
      arm(() => send(rrq, port));
      sock.on('message', (msg, rinfo) => {
        const op = readOpcode(msg);
        if (op === OP.ERROR) {
          clearTimeout(timer);
          return resolve(`\nTFTP error: '${msg.subarray(4, msg.length - 1).toString('latin1')}' (${msg.readUInt16BE(2)})\nNot retrying...\n`);
        }
        if (op !== OP.DATA) return;
        const block = msg.readUInt16BE(2);
        if (!peerPort) peerPort = rinfo.port;
        if (rinfo.port !== peerPort) return;
        if (block === (expect & 0xffff)) {
          blocks.push(Buffer.from(msg.subarray(4)));
          if (expect % 10 === 0) this.print(expect % 650 === 0 ? '#\n\t ' : '#');
          expect++;
        }
        retries = 0;
        const ack = encodeAck(block);
        send(ack, peerPort);
        if (msg.length - 4 < 512 && block === ((expect - 1) & 0xffff)) {
          clearTimeout(timer);
          return resolve('');
        }
        arm(() => send(ack, peerPort));
      });
    });
    sock.close();
    if (result) {
      this.print(result);
      return;
    }
    const data = Buffer.concat(blocks);
    this.loaded = { addr, data };
    const secs = Math.max(0.001, (Date.now() - t0) / 1000);
    this.print(`\n\t ${Math.round(data.length / 1024 / secs)} KiB/s\ndone\nBytes transferred = ${data.length} (${data.length.toString(16)} hex)\n`);
    this.say('practice.said.tftpboot', { file, bytes: String(data.length) });
  }

  private preinit(): void {
    const gen = this.bootGen;
    const alive = (): boolean => gen === this.bootGen;
    const windowS = this.opts.windowS ?? 4;
    this.set('preinit', 'preinit');
    this.print('[    1.234567] init: Console is alive\n[    1.300000] init: - preinit -\nPress the [f] key and hit [enter] to enter failsafe mode\nPress the [1], [2], [3] or [4] key and hit [enter] to select the debug level\n');
    this.say('practice.said.window', { seconds: String(windowS) });
    let n = 0;
    const tick = (): void => {
      if (!alive()) return;
      if (this.pressed) return this.enterFailsafe();
      if (n >= windowS) return this.regularBoot();
      n++;
      this.sendNetmsg('Please press button now to enter failsafe');
      // poll the button between the once-a-second messages, as fs_wait_for_key reads its key file
      let t = 0;
      const poll = (): void => {
        if (!alive()) return;
        if (this.pressed) return this.enterFailsafe();
        if (++t >= 10) return tick();
        this.later(100, poll);
      };
      this.later(100, poll);
    };
    tick();
  }

  private sendNetmsg(text: string): void {
    if (this.opts.netmsgPort > 0) this.udp?.send(encodeNetmsg(text), this.opts.netmsgPort, '127.0.0.1');
  }

  private enterFailsafe(): void {
    this.set('failsafe', 'failsafe');
    this.print('- failsafe -\n');
    this.say('practice.said.rescueMode', { address: this.address, port: String(this.sshPort) });
    const gen = this.bootGen;
    this.later(300, () => {
      if (gen !== this.bootGen) return;
      void this.openLogins().then(() => this.print('\nBusyBox v1.36.1 built-in shell (ash)\n\n' + this.model.rom['/etc/banner.failsafe'] + '\nroot@OpenWrt:/# '));
    });
  }

  private regularBoot(): void {
    const gen = this.bootGen;
    this.set('halted', 'regular');
    this.print('- regular preinit -\n[    4.100000] mount_root: switching to jffs2 overlay\n');
    this.later(this.stageMs, () => {
      if (gen !== this.bootGen) return;
      // "running" once its SSH server listens (dropbear starts with the system; a flow may log in right away)
      void Promise.all([this.openLogins(), this.openWeb()]).then(() => {
        if (gen !== this.bootGen) return;
        this.set('running', 'steady');
        this.print('[    6.000000] procd: - init complete -\n\nPlease press Enter to activate this console.\n');
        this.say('practice.said.startedNormally', { address: this.address, port: String(this.sshPort) });
      });
    });
  }

  // ---- network ----

  /** Bind the loopback sockets (the router stays off). */
  async listen(): Promise<void> {
    this.udp = dgram.createSocket('udp4');
    this.address = await new Promise<string>((resolve, reject) => {
      const s = this.udp!;
      s.once('error', (err: NodeJS.ErrnoException) => {
        // macOS has only 127.0.0.1 on its loopback by default
        if (err.code !== 'EADDRNOTAVAIL') return reject(err);
        this.udp = dgram.createSocket('udp4');
        this.udp.bind({ address: '127.0.0.1', port: 0 }, () => resolve('127.0.0.1'));
      });
      s.bind({ address: PRACTICE_ROUTER_ADDRESS, port: 0 }, () => resolve(PRACTICE_ROUTER_ADDRESS));
    });
    this.udp.on('error', () => undefined);
    // Choose the login ports now so a flow can be told them before the router starts; listen only when it runs.
    this.sshPort = await freePort(this.address);
    this.telnetPort = await freePort(this.address);
    this.tftpPort = await freeUdpPort();
    this.webPort = await freePort(this.address);
  }

  /** The practice firmware files (made once into the data folder). */
  images(): ReturnType<typeof ensurePracticeImages> {
    return ensurePracticeImages(this.opts.dataDir);
  }

  private async openLogins(): Promise<void> {
    if (this.ssh) return;
    const failsafe = this.mode === 'failsafe';
    const gen = this.bootGen;
    const { Server } = await loadSsh2();
    const hostKey = await this.hostKey();
    if (this.ssh || gen !== this.bootGen) return; // switched off meanwhile
    const server = new Server({ hostKeys: [hostKey], banner: undefined, ident: 'dropbear_2022.83' }, (client) => this.sshClient(client, failsafe));
    server.on('error', () => undefined);
    this.ssh = server;
    await new Promise<void>((resolve) => server.listen(this.sshPort, this.address, () => resolve()));
    // failsafe also answers on telnet, as older releases did (telnetd -l /bin/login.sh: a shell, no login)
    if (failsafe) {
      const t = net.createServer((sock) => this.telnetClient(sock));
      t.on('error', () => undefined);
      this.telnet = t;
      await new Promise<void>((resolve) => t.listen(this.telnetPort, this.address, () => resolve()));
    }
  }

  /** busybox telnetd's side: WILL ECHO + SGA, the banner, a prompt; one command line at a time. */
  private telnetClient(sock: net.Socket): void {
    this.telnetClients.add(sock);
    sock.setNoDelay(true);
    sock.on('error', () => undefined);
    sock.on('close', () => this.telnetClients.delete(sock));
    let prompt = 'root@OpenWrt:/# ';
    let line = '';
    let iac: number[] = [];
    const out = (text: string): void => void sock.write(Buffer.from(text.replace(/\xff/g, '\xff\xff'), 'latin1'));
    sock.write(Buffer.from([255, 251, 1, 255, 251, 3]));
    out(('\nBusyBox v1.36.1 built-in shell (ash)\n\n' + this.model.rom['/etc/banner.failsafe']).replace(/\n/g, '\r\n') + prompt);
    sock.on('data', (chunk: Buffer) => {
      for (const b of chunk) {
        if (iac.length || b === 255) {
          iac.push(b);
          // IAC IAC is a literal 255; IAC WILL/WONT/DO/DONT x is 3 bytes; IAC SB … IAC SE ends with 240
          if (iac.length === 2 && iac[1] === 255) {
            line += '\xff';
            iac = [];
          } else if (iac.length === 2 && iac[1]! < 250) iac = [];
          else if (iac.length === 3 && iac[1]! >= 251) iac = [];
          else if (iac[1] === 250 && iac.length > 2 && b === 240 && iac[iac.length - 2] === 255) iac = [];
          continue;
        }
        if (b === 0 || b === 3) continue;
        if (b !== 13 && b !== 10) {
          line += String.fromCharCode(b);
          continue;
        }
        if (b === 10 && (line === '' || line.endsWith('\n'))) continue; // the \n of \r\n
        const cmd = Buffer.from(line, 'latin1').toString('utf8');
        if (this.shell.needsMore(cmd)) {
          line += '\n'; // a continuation line, as ash reads one after PS2
          continue;
        }
        line = '';
        if (/\bPS1=''/.test(cmd)) prompt = '';
        const r = this.shell.run(cmd);
        out(Buffer.concat([r.stdout, Buffer.from(r.stderr)]).toString('latin1') + prompt);
      }
    });
  }

  private closeLogins(): void {
    for (const c of this.sshClients) c.end();
    this.sshClients.clear();
    const s = this.ssh;
    this.ssh = undefined;
    s?.close();
    for (const c of this.telnetClients) c.destroy();
    this.telnetClients.clear();
    const t = this.telnet;
    this.telnet = undefined;
    t?.close();
    const w = this.web;
    this.web = undefined;
    w?.closeAllConnections();
    w?.close();
  }

  private sshClient(client: Connection, failsafe: boolean): void {
    this.sshClients.add(client);
    client.on('error', () => undefined);
    client.on('close', () => this.sshClients.delete(client));
    client.on('authentication', (ctx) => {
      if (ctx.username !== 'root') return ctx.reject(['password']);
      if (failsafe) return ctx.accept(); // failsafe: root without a password
      if (ctx.method === 'password') {
        const shadow = this.read('/etc/shadow')?.toString('utf8') ?? '';
        const hash = /^root:([^:]*):/m.exec(shadow)?.[1] ?? '';
        if (hash === '' || hash === hashPassword(ctx.password)) return ctx.accept();
        this.say('practice.said.sshRefused');
      }
      return ctx.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('pty', (ok) => ok?.());
        session.on('exec', (acceptExec, _reject, info) => {
          const ch = acceptExec();
          const input: Buffer[] = [];
          ch.on('data', (d: Buffer) => input.push(d));
          ch.once('end', () => {
            const r = this.shell.run(info.command, Buffer.concat(input));
            ch.write(r.stdout);
            if (r.stderr) ch.stderr.write(r.stderr);
            ch.exit(r.code);
            ch.end();
          });
        });
        session.on('shell', (acceptShell) => {
          const ch = acceptShell();
          ch.write(this.model.rom[failsafe ? '/etc/banner.failsafe' : '/etc/banner']!.replace(/\n/g, '\r\n') + '\r\nroot@OpenWrt:/# ');
          let line = '';
          ch.on('data', (d: Buffer) => {
            for (const c of d.toString('utf8')) {
              if (c === '\r' || c === '\n') {
                ch.write('\r\n');
                if (line.trim() === 'exit') return void ch.end();
                const r = this.shell.run(line);
                ch.write((r.stdout.toString('utf8') + r.stderr).replace(/\n/g, '\r\n') + 'root@OpenWrt:/# ');
                line = '';
              } else {
                line += c;
                ch.write(c);
              }
            }
          });
        });
      });
    });
  }

  async stop(): Promise<void> {
    this.powerOff();
    const u = this.udp;
    this.udp = undefined;
    await new Promise<void>((r) => (u ? u.close(() => r()) : r()));
  }
}

/** The router's own programs (the shell's `command -v` finds them; the rest are busybox applets in shell.ts). */
const ROUTER_TOOLS = new Set(['mount_root', 'firstboot', 'passwd', 'uci', 'mtd', 'reboot', 'fw_printenv', 'fw_setenv', 'uname', 'sysupgrade']);

/** A ustar archive's regular files: name → bytes. */
function untar(b: Buffer): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  let p = 0;
  while (p + 512 <= b.length) {
    const name = b.subarray(p, p + 100).toString('latin1').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(b.subarray(p + 124, p + 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8) || 0;
    const flag = b[p + 156];
    if ((flag === 0x30 || flag === 0) && size > 0) out[name] = b.subarray(p + 512, p + 512 + size);
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind({ address: '127.0.0.1', port: 0 }, () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, address, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A new ed25519 host key that ssh2 can read back. ssh2's own generateKeyPairSync('ed25519') writes a key its parser
 * refuses ("Malformed OpenSSH private key") about once in 270 (11 of 3000 here); a practice router that drew one
 * could not open its SSH port. Draw again until the key parses (bounded: the odds of 20 bad draws are nil).
 */
export function parseableEd25519(utils: typeof ssh2.utils): string {
  for (let i = 0; i < 20; i++) {
    const key = utils.generateKeyPairSync('ed25519').private;
    if (!(utils.parseKey(key) instanceof Error)) return key;
  }
  throw new Error('ssh2 could not make a readable ed25519 key in 20 tries');
}

