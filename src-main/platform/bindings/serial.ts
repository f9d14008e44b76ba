/**
 * The serial port binding the serial service talks to (decision 0009): open a port by path with the session's
 * settings, list the ports, tell whether a path is still there. `osSerialPorts` is the real one, over the
 * `serialport` package; `test-support/bindings/serial-mock.ts` implements the same interface in memory, the way
 * serialport's own `@serialport/binding-mock` implements its binding interface, so the console watchers,
 * auto-stop and unplug handling are tested without ptys.
 *
 * The handle is the subset of SerialPort's API the service uses, in promise form. Everything that depends on
 * the OS binding's internals (its descriptor, its poller, its speed read-back) is here, not in the service:
 * reads on the event loop (direct-read.ts, decision 0022) and the synchronous `writeNow` of a reaction.
 */
import fs from 'node:fs';
import type { SerialPort } from 'serialport';

/** The serialport package, loaded when a port is first listed or opened (cold start, issue 18). */
const serialport = () => import('serialport').then((m) => m.SerialPort);
import type { SerialSettings } from '../../../src-shared/capabilities/serial';
import { serialPortPresent } from '..';
import { useDirectRead } from './direct-read';

/** One port as the OS lists it (the fields describePortForList uses). */
export interface SerialPortListing {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  /** A port that names itself (a virtual one: virtual-serial.ts). */
  label?: string | undefined;
}

/** Modem lines to set; `brk` holds the line in break while true. */
export interface SerialSignalSet {
  dtr?: boolean;
  rts?: boolean;
  brk?: boolean;
}

/** Why a port closed: `disconnected` when the adapter went away (not when we closed it). */
export interface SerialCloseInfo {
  disconnected: boolean;
}

/** An open port. Methods reject with the binding's own error (the service explains it in plain words). */
export interface SerialPortHandle {
  readonly path: string;
  readonly isOpen: boolean;
  /** Bytes from the port. No byte is lost before the first 'data' listener is attached. */
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'close', listener: (info: SerialCloseInfo) => void): this;
  /** Resolves when the binding has taken the bytes. */
  write(data: Buffer): Promise<void>;
  /**
   * The fastest path, for a reaction (a countdown's stop key): written before this returns where the OS allows
   * it, else queued like write(). Failures surface as an 'error' event.
   */
  writeNow(data: Buffer): void;
  /** Change the speed of the open port. */
  update(baud: number): Promise<void>;
  /** The speed the port really runs at, or undefined when it does not say. */
  getBaudRate(): Promise<number | undefined>;
  /** Set modem lines; rejects where the port has none (a pty, a 3-wire adapter). */
  set(signals: SerialSignalSet): Promise<void>;
  /** Read the modem lines; rejects where the port has none. */
  get(): Promise<{ cts?: boolean; dsr?: boolean; dcd?: boolean }>;
  /** Drop what arrived and was not read yet. Never rejects. */
  flush(): Promise<void>;
  /** Never rejects. */
  close(): Promise<void>;
}

export interface SerialPortFactory {
  list(): Promise<SerialPortListing[]>;
  /** Whether the port is still there (the unplug/replug poll). Says true when it cannot tell. */
  present(path: string): Promise<boolean>;
  open(path: string, settings: SerialSettings): Promise<SerialPortHandle>;
}

/** A port opened through the `serialport` package. */
class OsSerialPort implements SerialPortHandle {
  constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {}

  get isOpen(): boolean {
    return this.port.isOpen;
  }

  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'close', listener: (info: SerialCloseInfo) => void): this;
  on(event: 'data' | 'error' | 'close', listener: ((chunk: Buffer) => void) | ((err: Error) => void) | ((info: SerialCloseInfo) => void)): this {
    // 'data' is attached to the stream itself: the stream starts flowing only then, so nothing is read too early
    if (event === 'close') {
      const l = listener as (info: SerialCloseInfo) => void;
      this.port.on('close', (err?: { disconnected?: boolean } | null) => l({ disconnected: !!(err && err.disconnected) }));
    } else this.port.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  write(data: Buffer): Promise<void> {
    // straight to the stream's write: no queue of ours between a watcher's reaction and the wire
    return new Promise((resolve, reject) => {
      this.port.write(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  /**
   * A few bytes written synchronously on the port's file descriptor (no stream queue, no thread-pool hop).
   * Falls back to the stream when the binding has no fd (Windows) or the write would block.
   */
  writeNow(data: Buffer): void {
    const fd = (this.port.port as { fd?: number | null } | undefined)?.fd;
    if (typeof fd === 'number' && fd >= 0 && data.length <= 64) {
      try {
        const n = fs.writeSync(fd, data);
        if (n === data.length) return;
        this.port.write(data.subarray(n));
        return;
      } catch {
        /* EAGAIN or similar: use the stream */
      }
    }
    this.port.write(data);
  }

  update(baud: number): Promise<void> {
    return new Promise((resolve, reject) => this.port.update({ baudRate: baud }, (err) => (err ? reject(err) : resolve())));
  }

  async getBaudRate(): Promise<number | undefined> {
    const binding = this.port.port as { getBaudRate?: () => Promise<{ baudRate: number }> } | undefined;
    const r = await binding?.getBaudRate?.();
    return r && r.baudRate ? r.baudRate : undefined;
  }

  set(signals: SerialSignalSet): Promise<void> {
    return new Promise((resolve, reject) => this.port.set(signals, (err) => (err ? reject(err) : resolve())));
  }

  get(): Promise<{ cts?: boolean; dsr?: boolean; dcd?: boolean }> {
    return new Promise((resolve, reject) => this.port.get((err, status) => (err ? reject(err) : resolve(status ?? {}))));
  }

  flush(): Promise<void> {
    return new Promise((resolve) => this.port.flush(() => resolve()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}

async function openOsPort(p: string, s: SerialSettings): Promise<SerialPortHandle> {
  const SerialPortClass = await serialport();
  return new Promise((resolve, reject) => {
    const port = new SerialPortClass({
      path: p,
      baudRate: s.baud,
      dataBits: s.dataBits,
      parity: s.parity,
      stopBits: s.stopBits,
      rtscts: s.flow === 'rtscts',
      xon: s.flow === 'xonxoff',
      xoff: s.flow === 'xonxoff',
      autoOpen: false,
      // hupcl off: closing our side must not drop DTR and reset boards that wire DTR to reset
      hupcl: false,
    });
    port.open((err) => {
      if (err) return reject(err);
      // reads on the event loop, not the thread pool (decision 0022); Windows keeps serialport's reads
      useDirectRead(port.port);
      resolve(new OsSerialPort(p, port));
    });
  });
}

/** This computer's serial ports, through the `serialport` package. */
export const osSerialPorts: SerialPortFactory = {
  list: async () => (await serialport()).list(),
  present: (path) => serialPortPresent(path, async () => (await serialport()).list()),
  open: openOsPort,
};
