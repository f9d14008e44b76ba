/**
 * Serial console sessions: several ports open at once (one adapter per router on a bench), live baud change,
 * requested vs actual settings, DTR/RTS/break where the port supports them, a timestamped log per session,
 * unplug detection with automatic reconnect, autobaud, and the console watchers on every byte.
 * No Electron import: runs in Electron main, the bench server and the CLI.
 */
import path from 'node:path';
import type { SerialPortInfo, SerialSession, SerialSettings } from '../../../src-shared/capabilities/serial/contract';
import { AUTOBAUD_RATES } from '../../../src-shared/capabilities/serial/contract';
import { fault } from '../../../src-shared/errors';
import { said, type SaidMessage } from '../../../src-shared/i18n/said';
import { english, knownId } from '../../../src-shared/i18n/translate';
import { autobaudSaid } from '../../../src-shared/capabilities/serial/said';
import { ConsoleWatcher, WATCH_PROFILES, watchProfile, watchProfileFromSerial, type WatchMatch, type WatchProfile } from '../../../src-shared/capabilities/serial/watchers';
import { AUTOBAUD_ACCEPT, pickBaud, textScore, type BaudTrial } from '../../../src-shared/capabilities/serial/autobaud';
import { DEVICE_PROFILES, findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { describePortForList, explainSerialError, explainSignalsUnsupported } from '../../platform';
import { osSerialPorts, type SerialPortFactory, type SerialPortHandle } from '../../platform/bindings/serial';
import { SerialPortsWithVirtual, type VirtualSerialPort } from '../../platform/bindings/virtual-serial';
import { SessionLog } from './log';

export interface SerialEvents {
  data(id: string, chunk: Buffer, at: number): void;
  match(id: string, at: number, match: WatchMatch): void;
  session(s: SerialSession): void;
}

export interface SerialServiceOptions {
  dataDir: string;
  /** How often the port path is checked for an unplug/return (ms). */
  presencePollMs?: number;
  /** Output kept per session for a UI that (re)connects (bytes). */
  backlogBytes?: number;
  now?: () => number;
  /** How ports are opened and listed (default: this computer's, through `serialport`; tests pass a mock; decision 0009). */
  ports?: SerialPortFactory;
}

type Tap = (chunk: Buffer, at: number) => void;
type MatchTap = (m: WatchMatch, at: number) => void;

class Session {
  port: SerialPortHandle | undefined;
  watcher: ConsoleWatcher;
  log: SessionLog;
  info: SerialSession;
  taps = new Set<Tap>();
  matchTaps = new Set<MatchTap>();
  backlog: Buffer[] = [];
  backlogSize = 0;
  presence: NodeJS.Timeout | undefined;
  reopening = false;
  /** Stream offset of the countdown last answered, so a countdown gets one answer whoever asks. */
  answeredOffset = -1;
  constructor(info: SerialSession, profile: WatchProfile, log: SessionLog) {
    this.info = info;
    this.watcher = new ConsoleWatcher({ profile });
    this.log = log;
  }
}

let nextId = 1;

export function resolveWatchProfile(id: string): WatchProfile {
  const known = WATCH_PROFILES.find((p) => p.id === id);
  if (known) return known;
  const device = findDeviceProfile(id);
  if (device) return watchProfileFromSerial(device.id, `${device.vendor} ${device.model}`, device.serial);
  return watchProfile('generic');
}

/**
 * The profiles to choose from. A watch profile's label with words in it (not only names) has a catalogue entry
 * `serial.watchProfile.<id>` and travels with it (decision 0164), while the entry still says the label's English.
 */
export function watchProfileChoices(): { id: string; label: string; labelMsg?: SaidMessage }[] {
  const words = (p: WatchProfile): { labelMsg?: SaidMessage } => {
    const id = knownId(`serial.watchProfile.${p.id}`);
    return id && english(id) === p.label ? { labelMsg: { id } } : {};
  };
  return [...WATCH_PROFILES.map((p) => ({ id: p.id, label: p.label, ...words(p) })), ...DEVICE_PROFILES.map((d) => ({ id: d.id, label: `${d.vendor} ${d.model}` }))];
}

export class SerialService {
  private sessions = new Map<string, Session>();
  private readonly now: () => number;
  private readonly pollMs: number;
  private readonly backlogBytes: number;
  private readonly ports: SerialPortsWithVirtual;

  constructor(
    private readonly events: SerialEvents,
    private readonly opts: SerialServiceOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.pollMs = opts.presencePollMs ?? 500;
    this.backlogBytes = opts.backlogBytes ?? 256 * 1024;
    this.ports = new SerialPortsWithVirtual(opts.ports ?? osSerialPorts);
  }

  /** A console that is not a cable (the practice router's): listed and opened like a port; returns its removal. */
  addVirtualPort(port: VirtualSerialPort): () => void {
    return this.ports.add(port);
  }

  async listPorts(): Promise<{ ports: SerialPortInfo[]; note?: string; noteMsg?: SaidMessage }> {
    try {
      const list = await this.ports.list();
      // a port with a label of its own (the practice router's console) keeps it, without the platform's words
      return { ports: list.map((p) => (p.label ? { ...withoutMsg(describePortForList(p)), label: p.label } : describePortForList(p))) };
    } catch (err) {
      const note = said('serial.ports.unreadable', { reason: (err as Error).message });
      return { ports: [], note: note.text, noteMsg: note.msg };
    }
  }

  list(): SerialSession[] {
    return [...this.sessions.values()].map((s) => ({ ...s.info }));
  }

  get(id: string): SerialSession {
    return { ...this.session(id).info };
  }

  backlog(id: string): Buffer {
    return Buffer.concat(this.session(id).backlog);
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) {
      throw fault('SERIAL_NO_SESSION', {}, { details: `session ${id}` });
    }
    return s;
  }

  async open(portPath: string, settings: SerialSettings, profileId = 'generic', autoStop = false): Promise<SerialSession> {
    for (const s of this.sessions.values()) {
      if (s.info.path === portPath && s.info.state !== 'closed') {
        throw fault('SERIAL_ALREADY_OPEN', { port: portPath });
      }
    }
    const id = `s${nextId++}`;
    const openedAt = this.now();
    const profile = resolveWatchProfile(profileId);
    // the practice router's console keeps its log apart from real ones (decision 0091)
    const practice = portPath.startsWith('practice:');
    const log = new SessionLog(path.join(this.opts.dataDir, ...(practice ? ['practice', 'serial-logs'] : ['serial-logs'])), portPath, id, openedAt);
    if (practice) log.note('PRACTICE: the practice router (virtual), not a real device', openedAt);
    const info: SerialSession = {
      id,
      path: portPath,
      state: 'opening',
      requested: { ...settings },
      actual: {},
      signals: {},
      profile: profile.id,
      logPath: log.path,
      openedAt,
      bytesIn: 0,
      bytesOut: 0,
      reconnects: 0,
      autoStop,
    };
    const s = new Session(info, profile, log);
    let port: SerialPortHandle;
    try {
      port = await this.ports.open(portPath, settings);
    } catch (err) {
      log.close();
      throw explainSerialError(err, portPath);
    }
    this.sessions.set(id, s);
    await this.attach(s, port);
    log.note(`opened ${portPath} at ${settings.baud} baud ${settings.dataBits}${settings.parity[0]!.toUpperCase()}${settings.stopBits} flow ${settings.flow}`);
    this.startPresenceWatch(s);
    this.emitSession(s);
    return { ...s.info };
  }

  private async attach(s: Session, port: SerialPortHandle): Promise<void> {
    s.port = port;
    s.info.state = 'open';
    const { error: _e, ...rest } = s.info;
    s.info = rest;
    await this.readActual(s);
    await this.probeSignals(s);
    port.on('data', (chunk: Buffer) => this.onData(s, chunk));
    port.on('close', (why) => {
      if (s.port !== port) return;
      if (why.disconnected) this.onUnplugged(s, 'the port reported a disconnect');
    });
    port.on('error', (err: Error) => {
      if (s.port !== port) return;
      s.log.note(`error: ${err.message}`);
    });
  }

  private async readActual(s: Session): Promise<void> {
    const noSpeed = (): SerialSession['actual'] => {
      const n = said('serial.note.noSpeed');
      return { note: n.text, noteMsg: n.msg };
    };
    try {
      const baud = await s.port?.getBaudRate();
      if (!baud) s.info.actual = noSpeed();
      else if (baud === s.info.requested.baud) s.info.actual = { baud };
      else {
        const n = said('serial.note.otherSpeed', { baud: String(baud), asked: String(s.info.requested.baud) });
        s.info.actual = { baud, note: n.text, noteMsg: n.msg };
      }
    } catch {
      s.info.actual = noSpeed();
    }
  }

  /** Whether the port has modem lines at all: a pty or some drivers refuse TIOCMGET. Said up front, not after a click. */
  private async probeSignals(s: Session): Promise<void> {
    const port = s.port;
    if (!port) return;
    try {
      await port.get();
      s.info.signals = { ...s.info.signals, supported: true };
    } catch {
      const n = said('serial.note.noSignals');
      s.info.signals = { supported: false, note: n.text, noteMsg: n.msg };
    }
  }

  private onData(s: Session, chunk: Buffer): void {
    const at = this.now();
    s.info.bytesIn += chunk.length;
    s.backlog.push(chunk);
    s.backlogSize += chunk.length;
    while (s.backlogSize > this.backlogBytes && s.backlog.length > 1) s.backlogSize -= s.backlog.shift()!.length;
    // watchers first, so automation reacts before anything slower (the log's disk write, the UI event) runs
    let matches: WatchMatch[] = [];
    try {
      matches = s.watcher.feed(chunk);
    } catch {
      matches = [];
    }
    for (const m of matches) {
      s.info.lastMatch = { ...m, at };
      if (m.kind === 'uboot-autoboot' && s.info.autoStop) this.answerCountdown(s.info.id, m);
      for (const t of s.matchTaps) {
        try {
          t(m, at);
        } catch {
          /* a listener's failure is its own */
        }
      }
    }
    s.log.data(chunk, at);
    for (const t of s.taps) {
      try {
        t(chunk, at);
      } catch {
        /* ditto */
      }
    }
    this.events.data(s.info.id, chunk, at);
    for (const m of matches) {
      s.log.note(`recognised ${m.kind}${m.prompt ? ` "${m.prompt}"` : ''}`);
      this.events.match(s.info.id, at, m);
    }
  }

  /** Listen to a session's raw bytes (the U-Boot automation, benchmarks). Returns the unsubscribe function. */
  tap(id: string, listener: Tap): () => void {
    const s = this.session(id);
    s.taps.add(listener);
    return () => s.taps.delete(listener);
  }

  /** Listen to a session's watcher matches. */
  onMatch(id: string, listener: MatchTap): () => void {
    const s = this.session(id);
    s.matchTaps.add(listener);
    return () => s.matchTaps.delete(listener);
  }

  async write(id: string, data: Buffer): Promise<number> {
    const s = this.session(id);
    const port = s.port;
    if (!port || s.info.state !== 'open') {
      throw fault('SERIAL_NOT_CONNECTED', { unplugged: s.info.state === 'unplugged' ? 'yes' : 'no' });
    }
    // write straight to the binding: no stream queue between a watcher's reaction and the wire
    s.info.bytesOut += data.length;
    await port.write(data).catch((err: unknown) => {
      throw explainSerialError(err, s.info.path);
    });
    return data.length;
  }

  /**
   * Answer a U-Boot countdown: the device's stop string (e.g. "tpl") or a space (any key; never Enter, which
   * would repeat U-Boot's last command). Once per countdown, whoever asks (auto-stop, the U-Boot automation).
   * Returns what was sent, or undefined when this countdown was answered already.
   */
  answerCountdown(id: string, m: WatchMatch): string | undefined {
    const s = this.session(id);
    if (m.kind !== 'uboot-autoboot' || s.answeredOffset === m.offset) return undefined;
    s.answeredOffset = m.offset;
    const key = m.stopWith && m.stopWith !== 'any' ? m.stopWith : ' ';
    this.writeNow(id, Buffer.from(key, 'latin1'));
    s.log.note(`answered the countdown with ${key === ' ' ? 'a space' : `"${key}"`}`);
    return key;
  }

  setAutoStop(id: string, enabled: boolean): SerialSession {
    const s = this.session(id);
    s.info.autoStop = enabled;
    this.emitSession(s);
    return { ...s.info };
  }

  /**
   * The fastest path, for reacting to a countdown: on a real port, a few bytes written synchronously on the
   * port's file descriptor (no stream queue, no thread-pool hop), falling back to the stream when the binding
   * has no fd (Windows) or the write would block (platform/bindings/serial.ts).
   */
  writeNow(id: string, data: Buffer): void {
    const s = this.session(id);
    if (!s.port || s.info.state !== 'open') return;
    s.info.bytesOut += data.length;
    s.port.writeNow(data);
  }

  async configure(id: string, baud: number): Promise<SerialSession> {
    const s = this.session(id);
    if (!s.port || s.info.state !== 'open') return this.write(id, Buffer.alloc(0)).then(() => this.get(id));
    const port = s.port;
    try {
      await port.update(baud);
    } catch (err) {
      throw fault('SERIAL_BAUD_REJECTED', { baud: String(baud) }, { details: (err as Error).message });
    }
    s.info.requested = { ...s.info.requested, baud };
    await this.readActual(s);
    s.log.note(`speed changed to ${baud}`);
    this.emitSession(s);
    return { ...s.info };
  }

  async signals(id: string, req: { dtr?: boolean; rts?: boolean; breakMs?: number }): Promise<SerialSession> {
    const s = this.session(id);
    const port = s.port;
    if (!port || s.info.state !== 'open') return this.write(id, Buffer.alloc(0)).then(() => this.get(id));
    const set = (o: { dtr?: boolean; rts?: boolean; brk?: boolean }): Promise<void> => port.set(o);
    try {
      const lines: { dtr?: boolean; rts?: boolean } = {};
      if (req.dtr !== undefined) lines.dtr = req.dtr;
      if (req.rts !== undefined) lines.rts = req.rts;
      if (Object.keys(lines).length) await set(lines);
      if (req.breakMs) {
        await set({ brk: true });
        await new Promise((r) => setTimeout(r, req.breakMs));
        await set({ brk: false });
      }
      s.info.signals = { supported: true, ...(req.dtr !== undefined ? { dtr: req.dtr } : s.info.signals.dtr !== undefined ? { dtr: s.info.signals.dtr } : {}), ...(req.rts !== undefined ? { rts: req.rts } : s.info.signals.rts !== undefined ? { rts: s.info.signals.rts } : {}) };
    } catch (err) {
      const n = said('serial.note.noSignals');
      s.info.signals = { supported: false, note: n.text, noteMsg: n.msg };
      this.emitSession(s);
      throw explainSignalsUnsupported(err, s.info.path);
    }
    this.emitSession(s);
    return { ...s.info };
  }

  /**
   * Try each rate for `listenMs` and keep the one whose output reads as text. The router must be talking
   * (booting) meanwhile. Stops early when a rate reads clearly as text.
   */
  async autobaud(id: string, rates: readonly number[] = AUTOBAUD_RATES, listenMs = 800): Promise<{ baud?: number; tried: BaudTrial[]; message: string; messageMsg: SaidMessage; session: SerialSession }> {
    const s = this.session(id);
    const original = s.info.requested.baud;
    const tried: BaudTrial[] = [];
    for (const baud of rates) {
      await this.configure(id, baud);
      // drop what arrived at the previous speed
      await s.port?.flush();
      const got: Buffer[] = [];
      const off = this.tap(id, (c) => got.push(c));
      await new Promise((r) => setTimeout(r, listenMs));
      off();
      const bytes = Buffer.concat(got);
      const t = { baud, score: textScore(bytes), bytes: bytes.length };
      tried.push(t);
      s.log.note(`autobaud ${baud}: ${bytes.length} bytes, text score ${t.score}`);
      if (t.score >= AUTOBAUD_ACCEPT && t.bytes >= 32) break;
    }
    const best = pickBaud(tried);
    if (best) {
      if (s.info.requested.baud !== best.baud) await this.configure(id, best.baud);
      s.watcher.reset();
      const found = autobaudSaid({ baud: best.baud, tried });
      return { baud: best.baud, tried, message: found.text, messageMsg: found.msg, session: this.get(id) };
    }
    await this.configure(id, original);
    const none = autobaudSaid({ tried });
    return { tried, message: none.text, messageMsg: none.msg, session: this.get(id) };
  }

  async close(id: string): Promise<SerialSession> {
    const s = this.session(id);
    if (s.presence) clearInterval(s.presence);
    s.presence = undefined;
    const port = s.port;
    s.port = undefined;
    if (port?.isOpen) await port.close();
    s.info.state = 'closed';
    s.log.note('closed');
    s.log.close();
    this.sessions.delete(id);
    this.emitSession(s);
    return { ...s.info };
  }

  private startPresenceWatch(s: Session): void {
    let checking = false;
    s.presence = setInterval(() => {
      if (checking) return;
      checking = true;
      void this.ports
        .present(s.info.path)
        .then((present) => {
          if (s.info.state === 'open' && !present) this.onUnplugged(s, 'the port disappeared');
          else if (s.info.state === 'unplugged' && present && !s.reopening) void this.reopen(s);
        })
        .finally(() => (checking = false));
    }, this.pollMs);
    s.presence.unref?.();
  }

  private onUnplugged(s: Session, why: string): void {
    if (s.info.state !== 'open') return;
    const port = s.port;
    s.port = undefined;
    if (port?.isOpen) void port.close();
    s.info.state = 'unplugged';
    // the platform's fault for a port that stopped answering, with its port as a value: said in the language shown
    s.info.error = fault('SERIAL_UNPLUGGED', { port: s.info.path }, { details: why }).toShape();
    s.log.note(`unplugged: ${why}`);
    this.emitSession(s);
  }

  private async reopen(s: Session): Promise<void> {
    s.reopening = true;
    try {
      const port = await this.ports.open(s.info.path, s.info.requested);
      if (!this.sessions.has(s.info.id)) {
        void port.close();
        return;
      }
      s.info.reconnects++;
      s.watcher.reset();
      await this.attach(s, port);
      s.log.note('reconnected');
      this.emitSession(s);
    } catch {
      // not ready yet (device node appears before it can be opened): the next poll tries again
    } finally {
      s.reopening = false;
    }
  }

  private emitSession(s: Session): void {
    this.events.session({ ...s.info });
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id).catch(() => undefined)));
  }
}

function withoutMsg<T extends { labelMsg?: unknown }>(p: T): Omit<T, 'labelMsg'> {
  const { labelMsg: _, ...rest } = p;
  return rest;
}
