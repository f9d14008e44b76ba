/**
 * In-memory serial ports implementing the service's SerialPortFactory (src-main/platform/bindings/serial.ts),
 * modelled on serialport's `@serialport/binding-mock`: `createPort(path)` makes a port appear, the test plays
 * the router through the returned device (`emitData` = the router prints, `recording` / `lastWrite` = what the
 * service sent), and can also pull the adapter out (`unplug`) and plug it back (`replug`). Unlike binding-mock
 * there is no global state: each MockSerialPorts is its own bench.
 *
 * Timing is like a real port's: bytes arrive asynchronously (process.nextTick, which fake timers leave alone),
 * and bytes sent before the service listens are kept until it does.
 */
import { EventEmitter } from 'node:events';
import type { SerialSettings } from '../../src-shared/capabilities/serial/contract';
import type { SerialCloseInfo, SerialPortFactory, SerialPortHandle, SerialPortListing, SerialSignalSet } from '../../src-main/platform/bindings/serial';

export interface MockSerialPortOptions {
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** Whether the port has modem lines (DTR, RTS, break). Default true; false = like a pty or a 3-wire adapter. */
  signals?: boolean;
  /** Whether the port reports the speed it runs at. Default true. */
  reportsBaud?: boolean;
  /** The speed the adapter really runs at for a requested one (a divisor that cannot hit it exactly). */
  actualBaud?: (requested: number) => number;
  /** Speeds the adapter accepts; default any. */
  bauds?: readonly number[];
  /** Write back every byte the service writes (a console that echoes). */
  echo?: boolean;
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** The router's end of one mock port. */
export class MockSerialDevice {
  /** Everything the service wrote, in order. */
  recording = Buffer.alloc(0);
  /** The last write (one write() or writeNow() call). */
  lastWrite: Buffer | null = null;
  /** Each modem-line change the service asked for, in order. */
  readonly signalLog: SerialSignalSet[] = [];
  /** Settings of the latest open. */
  settings: SerialSettings | undefined;
  /** The speed now set on the port. */
  baud = 0;
  /** How many times the port was opened. */
  opens = 0;
  /** False while unplugged: not listed, cannot be opened. */
  present = true;
  /** @internal the open handle, if any */
  handle: MockSerialHandle | undefined;
  private readonly writeListeners = new Set<(chunk: Buffer) => void>();

  constructor(
    readonly path: string,
    readonly options: MockSerialPortOptions,
  ) {}

  get isOpen(): boolean {
    return !!this.handle?.isOpen;
  }

  /** The router prints: the bytes reach the service's 'data' listener on the next tick. */
  emitData(data: Buffer | string): void {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    if (!this.handle?.isOpen) throw new Error(`mock serial: ${this.path} is not open, nobody would hear that`);
    this.handle.push(chunk);
  }

  /** React to what the service writes (a scripted router). Returns the unsubscribe function. */
  onWrite(listener: (chunk: Buffer) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Resolves with the recording once it contains `text` (latin1), or rejects after `ms`. */
  async waitForWrite(text: string, ms = 1000): Promise<Buffer> {
    const has = (): boolean => this.recording.toString('latin1').includes(text);
    if (has()) return this.recording;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`mock serial: "${text}" was not written to ${this.path} within ${ms} ms (got ${JSON.stringify(this.recording.toString('latin1'))})`));
      }, ms);
      const off = this.onWrite(() => {
        if (!has()) return;
        clearTimeout(timer);
        off();
        resolve(this.recording);
      });
    });
  }

  /**
   * Pull the adapter out: the path disappears from the list and from `present`. Unless `silently`, the open port
   * reports the disconnect as serialport does (a 'close' with disconnected: true); silently, only the presence
   * poll can notice.
   */
  unplug(opts: { silently?: boolean } = {}): void {
    this.present = false;
    const h = this.handle;
    if (h?.isOpen && !opts.silently) h.disconnect();
  }

  /** Plug the adapter back in. */
  replug(): void {
    this.present = true;
  }

  /** The port reports an error (e.g. a read error that is not a disconnect). */
  fail(err: Error): void {
    this.handle?.emit('error', err);
  }

  /** @internal */
  recordWrite(chunk: Buffer): void {
    const copy = Buffer.from(chunk);
    this.recording = Buffer.concat([this.recording, copy]);
    this.lastWrite = copy;
    for (const l of [...this.writeListeners]) l(copy);
    if (this.options.echo && this.handle?.isOpen) this.handle.push(copy);
  }
}

class MockSerialHandle extends EventEmitter implements SerialPortHandle {
  private open = true;
  private readonly queue: Buffer[] = [];
  private scheduled = false;

  constructor(private readonly device: MockSerialDevice) {
    super();
    // the first 'data' listener starts the flow, as with a stream: nothing is lost before it
    this.on('newListener', (event: string) => {
      if (event === 'data') this.schedule();
    });
  }

  get path(): string {
    return this.device.path;
  }

  get isOpen(): boolean {
    return this.open;
  }

  push(chunk: Buffer): void {
    this.queue.push(chunk);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(() => {
      this.scheduled = false;
      if (!this.open || this.listenerCount('data') === 0) return;
      while (this.queue.length > 0 && this.open) this.emit('data', this.queue.shift()!);
    });
  }

  disconnect(): void {
    this.open = false;
    this.queue.length = 0;
    process.nextTick(() => this.emit('close', { disconnected: true } satisfies SerialCloseInfo));
  }

  private notOpen(): Error {
    return errno('ENOTOPEN', 'Port is not open');
  }

  async write(data: Buffer): Promise<void> {
    if (!this.open) throw this.notOpen();
    this.device.recordWrite(data);
  }

  writeNow(data: Buffer): void {
    if (!this.open) {
      this.emit('error', this.notOpen());
      return;
    }
    this.device.recordWrite(data);
  }

  async update(baud: number): Promise<void> {
    if (!this.open) throw this.notOpen();
    const allowed = this.device.options.bauds;
    if (allowed && !allowed.includes(baud)) throw errno('EINVAL', `Invalid "baudRate" ${baud}`);
    this.device.baud = baud;
  }

  async getBaudRate(): Promise<number | undefined> {
    if (!this.open) throw this.notOpen();
    if (this.device.options.reportsBaud === false) return undefined;
    return this.device.options.actualBaud ? this.device.options.actualBaud(this.device.baud) : this.device.baud;
  }

  async set(signals: SerialSignalSet): Promise<void> {
    if (!this.open) throw this.notOpen();
    if (this.device.options.signals === false) throw errno('ENOTTY', 'Inappropriate ioctl for device');
    this.device.signalLog.push({ ...signals });
  }

  async get(): Promise<{ cts?: boolean; dsr?: boolean; dcd?: boolean }> {
    if (!this.open) throw this.notOpen();
    if (this.device.options.signals === false) throw errno('ENOTTY', 'Inappropriate ioctl for device');
    return { cts: false, dsr: false, dcd: false };
  }

  async flush(): Promise<void> {
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.queue.length = 0;
    if (this.device.handle === this) this.device.handle = undefined;
    process.nextTick(() => this.emit('close', { disconnected: false } satisfies SerialCloseInfo));
  }
}

/** A bench of mock serial ports; pass it as the serial service's `ports`. */
export class MockSerialPorts implements SerialPortFactory {
  private readonly devices = new Map<string, MockSerialDevice>();

  /** A port appears at `path` (like binding-mock's createPort). */
  createPort(path: string, options: MockSerialPortOptions = {}): MockSerialDevice {
    const d = new MockSerialDevice(path, options);
    this.devices.set(path, d);
    return d;
  }

  device(path: string): MockSerialDevice {
    const d = this.devices.get(path);
    if (!d) throw new Error(`mock serial: no port ${path}`);
    return d;
  }

  async list(): Promise<SerialPortListing[]> {
    return [...this.devices.values()]
      .filter((d) => d.present)
      .map((d) => ({ path: d.path, manufacturer: d.options.manufacturer, serialNumber: d.options.serialNumber, vendorId: d.options.vendorId, productId: d.options.productId }));
  }

  async present(path: string): Promise<boolean> {
    return !!this.devices.get(path)?.present;
  }

  async open(path: string, settings: SerialSettings): Promise<SerialPortHandle> {
    const d = this.devices.get(path);
    if (!d || !d.present) throw errno('ENOENT', `Error: No such file or directory, cannot open ${path}`);
    if (d.handle?.isOpen) throw errno('EBUSY', 'Error Resource temporarily unavailable Cannot lock port');
    if (d.options.bauds && !d.options.bauds.includes(settings.baud)) throw errno('EINVAL', `Invalid "baudRate" ${settings.baud}`);
    d.settings = { ...settings };
    d.baud = settings.baud;
    d.opens++;
    const h = new MockSerialHandle(d);
    d.handle = h;
    return h;
  }
}
