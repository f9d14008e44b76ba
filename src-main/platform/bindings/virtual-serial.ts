/**
 * Serial ports that are not this computer's: the practice router's console (src-main/capabilities/practice).
 * A `VirtualSerialPort` is listed after the real ports with its own label, opened by its path, and behaves like a
 * 3-wire port (no modem lines, any speed). `SerialPortsWithVirtual` puts them in front of the OS binding, so the
 * serial service, the failsafe guide and the U-Boot panel use a practice console exactly as they use a cable.
 */
import { EventEmitter } from 'node:events';
import type { SerialSettings } from '../../../src-shared/capabilities/serial';
import type { SerialCloseInfo, SerialPortFactory, SerialPortHandle, SerialPortListing } from './serial';

/** The far end of a virtual port: what it prints, and what it is sent. */
export interface VirtualSerialPort {
  path: string;
  label: string;
  /** Called when the port is opened: `print` sends bytes to the reader; returns the handler for bytes written. */
  connect(print: (data: Buffer) => void): { write(data: Buffer): void; close(): void };
}

class VirtualHandle extends EventEmitter implements SerialPortHandle {
  isOpen = true;
  private baud: number;
  private pending: Buffer[] = [];
  private link: { write(data: Buffer): void; close(): void };

  constructor(
    readonly path: string,
    port: VirtualSerialPort,
    settings: SerialSettings,
  ) {
    super();
    this.baud = settings.baud;
    this.link = port.connect((data) => {
      if (!this.isOpen) return;
      // like a real port: bytes arrive asynchronously, and nothing is lost before the first reader
      if (this.listenerCount('data') === 0) this.pending.push(Buffer.from(data));
      else process.nextTick(() => this.emit('data', Buffer.from(data)));
    });
    this.on('newListener', (ev) => {
      if (ev !== 'data' || !this.pending.length) return;
      const held = Buffer.concat(this.pending);
      this.pending = [];
      process.nextTick(() => this.emit('data', held));
    });
  }

  override on(event: 'data', listener: (chunk: Buffer) => void): this;
  override on(event: 'error', listener: (err: Error) => void): this;
  override on(event: 'close', listener: (info: SerialCloseInfo) => void): this;
  override on(event: string | symbol, listener: (...args: never[]) => void): this;
  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  async write(data: Buffer): Promise<void> {
    this.writeNow(data);
  }
  writeNow(data: Buffer): void {
    if (this.isOpen) this.link.write(Buffer.from(data));
  }
  async update(baud: number): Promise<void> {
    this.baud = baud;
  }
  async getBaudRate(): Promise<number | undefined> {
    return this.baud;
  }
  async set(): Promise<void> {
    throw new Error('a virtual console has no modem lines');
  }
  async get(): Promise<{ cts?: boolean; dsr?: boolean; dcd?: boolean }> {
    throw new Error('a virtual console has no modem lines');
  }
  async flush(): Promise<void> {
    this.pending = [];
  }
  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.link.close();
    this.emit('close', { disconnected: false });
  }
  /** The far end went away (the practice router was stopped): like unplugging an adapter. */
  unplug(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emit('close', { disconnected: true });
  }
}

export class SerialPortsWithVirtual implements SerialPortFactory {
  private readonly virtual = new Map<string, { port: VirtualSerialPort; handles: Set<VirtualHandle> }>();

  constructor(private readonly base: SerialPortFactory) {}

  /** Make a virtual port appear; the returned function removes it (open consoles see an unplug). */
  add(port: VirtualSerialPort): () => void {
    const entry = { port, handles: new Set<VirtualHandle>() };
    this.virtual.set(port.path, entry);
    return () => {
      if (this.virtual.get(port.path) !== entry) return;
      this.virtual.delete(port.path);
      for (const h of entry.handles) h.unplug();
    };
  }

  async list(): Promise<SerialPortListing[]> {
    const extra = [...this.virtual.values()].map(({ port }) => ({ path: port.path, label: port.label }));
    let real: SerialPortListing[] = [];
    try {
      real = await this.base.list();
    } catch (err) {
      if (!extra.length) throw err;
    }
    return [...real, ...extra];
  }

  present(path: string): Promise<boolean> {
    if (path.startsWith('practice:')) return Promise.resolve(this.virtual.has(path));
    return this.base.present(path);
  }

  async open(path: string, settings: SerialSettings): Promise<SerialPortHandle> {
    const v = this.virtual.get(path);
    if (!v) {
      if (path.startsWith('practice:')) throw Object.assign(new Error(`${path}: the practice router is not running`), { code: 'ENOENT' });
      return this.base.open(path, settings);
    }
    const h = new VirtualHandle(path, v.port, settings);
    v.handles.add(h);
    h.on('close', () => v.handles.delete(h));
    return h;
  }
}
