/**
 * The serial path into failsafe: watch the preinit console text and, when it offers failsafe, answer
 * `f` + Enter at once (the user can turn this off). Works on any serial device node, including a socat pty.
 * The reaction happens inside the data callback, before anything else is reported, so it stays within a few
 * milliseconds of the prompt's last byte (bench/failsafe measures it).
 */
import { SerialPort } from 'serialport';
import { RbFault } from '../../../src-shared/errors';
import { ConsoleWatcher } from '../../../src-shared/parsers/watchers';

export type SerialEventKind = 'serial-prompt' | 'serial-sent-f' | 'serial-failsafe';
export interface SerialEvent {
  kind: SerialEventKind;
  at: number;
  text: string;
}

export class SerialFailsafeWatch {
  private port: SerialPort | undefined;
  /** The serial engineer's console watcher: fires on the prompt as soon as its last byte arrives. */
  private readonly watcher = new ConsoleWatcher();
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
    for (const m of this.watcher.feed(buf)) {
      if (m.kind === 'preinit-failsafe-prompt') {
        if (this.autoSendF && this.port) {
          this.port.write('f\n');
          const at = this.now();
          this.onEvent({ kind: 'serial-prompt', at, text: m.text });
          this.onEvent({ kind: 'serial-sent-f', at, text: 'f + Enter' });
        } else this.onEvent({ kind: 'serial-prompt', at: this.now(), text: m.text });
      } else if (m.kind === 'failsafe-entered') this.onEvent({ kind: 'serial-failsafe', at: this.now(), text: m.text });
    }
  }

  async close(): Promise<void> {
    const p = this.port;
    this.port = undefined;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  }
}
