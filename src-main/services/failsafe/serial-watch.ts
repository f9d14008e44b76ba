/**
 * The serial path into failsafe: watch the preinit console text and, when it offers failsafe, answer
 * `f` + Enter at once (the user can turn this off). Works on any serial device node, including a socat pty.
 * The reaction happens inside the data callback, before anything else is reported, so it stays within a few
 * milliseconds of the prompt's last byte (bench/failsafe measures it).
 */
import { SerialPort } from 'serialport';
import { RbFault } from '../../../src-shared/errors';

export const SERIAL_FAILSAFE_PROMPT = 'Press the [f] key and hit [enter] to enter failsafe mode';
export const SERIAL_FAILSAFE_ENTERED = '- failsafe -';
export const SERIAL_REGULAR = '- regular preinit -';

export type SerialEventKind = 'serial-prompt' | 'serial-sent-f' | 'serial-failsafe' | 'serial-regular';
export interface SerialEvent {
  kind: SerialEventKind;
  at: number;
  text: string;
}

/** Finds the preinit markers in a console byte stream split at arbitrary points (pure; no I/O). */
export class PreinitConsoleScanner {
  private tail = '';
  private readonly keep = 128;
  push(chunk: string): SerialEventKind[] {
    const text = this.tail + chunk;
    const found: SerialEventKind[] = [];
    const markers: [string, SerialEventKind][] = [
      [SERIAL_FAILSAFE_PROMPT, 'serial-prompt'],
      [SERIAL_FAILSAFE_ENTERED, 'serial-failsafe'],
      [SERIAL_REGULAR, 'serial-regular'],
    ];
    let consumed = 0;
    for (const [m, kind] of markers) {
      let from = 0;
      for (;;) {
        const i = text.indexOf(m, from);
        if (i < 0) break;
        // a marker entirely inside the kept tail was reported with the previous chunk
        if (i + m.length > this.tail.length) found.push(kind);
        from = i + m.length;
        consumed = Math.max(consumed, from);
      }
    }
    this.tail = text.slice(Math.max(consumed, text.length - this.keep));
    return found;
  }
}

export class SerialFailsafeWatch {
  private port: SerialPort | undefined;
  private readonly scanner = new PreinitConsoleScanner();
  private readonly decoder = new TextDecoder('latin1');
  autoSendF: boolean;

  constructor(
    private readonly path: string,
    private readonly baud: number,
    autoSendF: boolean,
    private readonly onEvent: (e: SerialEvent) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.autoSendF = autoSendF;
  }

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: this.baud, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((err) =>
        err
          ? reject(
              new RbFault({
                code: 'SERIAL_OPEN_FAILED',
                message: `Could not open the serial port ${this.path}.`,
                meaning: 'Rescue Bench cannot watch the router console, but the button method still works.',
                fix: 'Check the USB serial adapter is plugged in and no other program (screen, minicom, PuTTY) has it open. On Linux, add yourself to the "dialout" group.',
                details: err.message,
              }),
            )
          : resolve(),
      ),
    );
    this.port = port;
    port.on('data', (buf: Buffer) => this.onData(buf));
  }

  private onData(buf: Buffer): void {
    const kinds = this.scanner.push(this.decoder.decode(buf));
    for (const k of kinds) {
      if (k === 'serial-prompt' && this.autoSendF && this.port) {
        this.port.write('f\n');
        const at = this.now();
        this.onEvent({ kind: 'serial-prompt', at, text: SERIAL_FAILSAFE_PROMPT });
        this.onEvent({ kind: 'serial-sent-f', at, text: 'f + Enter' });
        continue;
      }
      this.onEvent({ kind: k, at: this.now(), text: k === 'serial-prompt' ? SERIAL_FAILSAFE_PROMPT : k === 'serial-failsafe' ? SERIAL_FAILSAFE_ENTERED : SERIAL_REGULAR });
    }
  }

  async close(): Promise<void> {
    const p = this.port;
    this.port = undefined;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  }
}
