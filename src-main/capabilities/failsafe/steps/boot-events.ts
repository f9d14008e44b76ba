import type { FailsafeDatagram } from '../../../../src-shared/capabilities/failsafe/contract';
import type { StepContext } from '../../playbook';
import { inSubnet } from '../../../platform';
import type { SerialEvent } from '../serial-watch';
import { BAG } from './common';
import { said } from '../../../../src-shared/i18n/said';

export type BootEvent = { at: number; kind: FailsafeDatagram['kind'] | SerialEvent['kind']; from: string; text: string };

/**
 * Everything the router said since the watch step armed (network broadcasts and the serial console), for the
 * press and outcome steps to wait on. Evidence goes to the step running now: each step calls follow(ctx).
 */
export class BootEvents {
  readonly list: BootEvent[] = [];
  private waiters: { pred: (e: BootEvent) => boolean; resolve: (e: BootEvent) => void }[] = [];
  private offs: (() => void)[] = [];
  private serial: { close(): Promise<void> } | undefined;
  flagged = new Set<string>();

  constructor(
    /** The context of the step running now. */
    public ctx: StepContext,
    private readonly network: string,
  ) {}

  /** The next step shares this event log: its context gets the evidence from now on. */
  follow(ctx: StepContext): void {
    this.ctx = ctx;
  }

  attach(off: () => void): void {
    this.offs.push(off);
  }
  setSerial(s: { close(): Promise<void> }): void {
    this.serial = s;
  }

  datagram(d: FailsafeDatagram): void {
    if (!inSubnet(d.from, this.network, 24)) {
      if (!this.flagged.has(d.from) && this.flagged.size < 20) {
        this.flagged.add(d.from);
        this.ctx.evidence(said('failsafe.said.foreignMessage', { from: d.from, text: d.text.slice(0, 120) }), d.receivedAt);
      }
      return;
    }
    if (d.kind === 'unknown') return;
    this.push({ at: d.receivedAt, kind: d.kind, from: d.from, text: d.text });
  }

  push(e: BootEvent): void {
    this.list.push(e);
    if (this.list.length > 1000) this.list.splice(0, 500);
    const ready = this.waiters.filter((w) => w.pred(e));
    this.waiters = this.waiters.filter((w) => !w.pred(e));
    for (const w of ready) w.resolve(e);
  }

  /** Resolve with the first event (already seen since `since`, or future) matching, or undefined at the deadline. */
  wait(pred: (e: BootEvent) => boolean, since: number, until: number, signal: AbortSignal): Promise<BootEvent | undefined> {
    const seen = this.list.find((e) => e.at >= since && pred(e));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const w = { pred, resolve: (e: BootEvent) => finish(e) };
      const finish = (e: BootEvent | undefined): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(e);
      };
      const onAbort = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), Math.max(0, until - Date.now()));
      signal.addEventListener('abort', onAbort);
      this.waiters.push(w);
    });
  }

  async close(): Promise<void> {
    for (const off of this.offs.splice(0)) off();
    await this.serial?.close();
    this.serial = undefined;
  }
}

/** The log the watch step armed, now following the step running `ctx`. */
export function followEvents(ctx: StepContext): BootEvents {
  const events = ctx.bag.get(BAG.events) as BootEvents;
  events.follow(ctx);
  return events;
}
