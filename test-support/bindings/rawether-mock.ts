/**
 * A virtual Ethernet cable implementing the RawEtherFactory of src-main/platform/bindings/rawether.ts: sockets
 * opened on an interface name hear frames of their Ethertype sent by every other station on the same cable
 * (broadcast, or to their MAC), never their own; delivery is in order on setImmediate, frames are copied. Tests
 * play the router with `cable.station(mac)` and may lose frames (`intercept`) or pull the plug (`linkDown`),
 * as a router's power-up does: sends then fail with ENETDOWN and the sockets hear `onTrouble('ENETDOWN')`.
 * `answer` behaves as the addon's reader thread does (the reply goes out before the listener hears the frame);
 * `neighbour` is unavailable (false, as on macOS/Windows) unless `neighbours` is set: a table, or 'refused' (EPERM).
 */
import { RbFault } from '../../src-shared/errors';
import type { RawEtherFactory, RawEtherSocket } from '../../src-main/platform/bindings/rawether';
import { rawFrameFault } from '../../src-main/platform/bindings/rawether-access';

const wire: (fn: () => void) => void = globalThis.setImmediate.bind(globalThis);

function mac(b: Uint8Array, off: number): string {
  return [...b.subarray(off, off + 6)].map((x) => x.toString(16).padStart(2, '0')).join(':');
}

export interface Station {
  readonly mac: string;
  send(frame: Uint8Array): void;
  onFrame(l: (frame: Uint8Array) => void): void;
  frames: Uint8Array[];
  close(): void;
}

interface Port {
  mac: string;
  ethertype: number | undefined;
  deliver(f: Uint8Array, answered?: boolean): void;
  answer?: { offset: number; value: number; reply: Uint8Array; peer?: string } | undefined;
  trouble(e: string): void;
  closed: boolean;
}

export class MockCable {
  private ports: Port[] = [];
  private up = true;
  /** Every frame put on the wire (copies), in order. */
  readonly log: Uint8Array[] = [];
  /** Return 'drop' to lose a frame. */
  intercept: ((frame: Uint8Array) => 'drop' | 'pass' | void) | undefined;
  /** The computer's neighbour entries made through `neighbour` (ip → mac); undefined: not available; 'refused': EPERM. */
  neighbours: Map<string, string> | 'refused' | undefined;
  /** false: `answer` is not available (as Windows' Npcap part), the caller answers itself. */
  answers = true;
  /** The interface name the computer's socket must open (others get ENODEV). */
  constructor(
    readonly interfaceName = 'eth9',
    readonly hostMac = '02:00:00:00:00:01',
    private readonly openFault?: string,
  ) {}

  readonly factory: RawEtherFactory = {
    kind: 'virtual',
    open: (iface, ethertype) => this.openHost(iface, ethertype),
  };

  private put(from: Port, frame: Uint8Array): void {
    if (!this.up) throw new RbFault(rawFrameFault('linux', 'ENETDOWN', this.interfaceName, '/usr/bin/node'));
    const copy = Uint8Array.from(frame);
    this.log.push(copy);
    if (this.intercept?.(copy) === 'drop') return;
    const dst = mac(copy, 0);
    const type = (copy[12]! << 8) | copy[13]!;
    wire(() => {
      for (const p of this.ports) {
        if (p === from || p.closed) continue;
        if (p.ethertype !== undefined && p.ethertype !== type) continue;
        if (dst !== 'ff:ff:ff:ff:ff:ff' && dst !== p.mac) continue;
        const a = p.answer;
        const src = mac(copy, 6);
        if (a && dst === p.mac && copy[a.offset] === a.value && (a.peer === undefined || a.peer === src)) {
          const reply = Uint8Array.from(a.reply);
          reply.set(copy.subarray(6, 12), 0);
          try {
            this.put(p, reply);
            a.peer ??= src;
            p.deliver(copy, true);
            continue;
          } catch {
            /* link down: not answered */
          }
        }
        p.deliver(copy);
      }
    });
  }

  private openHost(iface: string, ethertype: number): RawEtherSocket {
    if (iface !== this.interfaceName) throw new RbFault(rawFrameFault('linux', 'ENODEV', iface, '/usr/bin/node'));
    if (this.openFault) throw new RbFault(rawFrameFault('linux', this.openFault, iface, '/usr/bin/node'));
    const frames: ((f: Uint8Array, answered: boolean) => void)[] = [];
    const troubles: ((e: string) => void)[] = [];
    const port: Port = { mac: this.hostMac, ethertype, deliver: (f, answered = false) => frames.forEach((l) => l(f, answered)), trouble: (e) => troubles.forEach((l) => l(e)), closed: false };
    this.ports.push(port);
    return {
      interface: iface,
      mac: this.hostMac,
      send: (f) => {
        if (port.closed) throw new Error('send on a closed socket');
        this.put(port, f);
      },
      onFrame: (l) => void frames.push(l),
      onTrouble: (l) => void troubles.push(l),
      answer: (match, reply) => {
        if (!this.answers) return false;
        port.answer = reply ? { ...match, reply: Uint8Array.from(reply), ...(port.answer?.peer ? { peer: port.answer.peer } : {}) } : undefined;
        return true;
      },
      neighbour: (ip, m) => {
        if (this.neighbours === undefined) return false;
        if (this.neighbours === 'refused') throw new RbFault(rawFrameFault('linux', 'EPERM', iface, '/usr/bin/node'));
        if (m === null) this.neighbours.delete(ip);
        else this.neighbours.set(ip, m);
        return true;
      },
      dropped: () => 0,
      close: () => {
        port.closed = true;
      },
    };
  }

  /** Another station on the cable (the router), hearing every Ethertype addressed to it or broadcast. */
  station(stationMac: string): Station {
    const listeners: ((f: Uint8Array) => void)[] = [];
    const frames: Uint8Array[] = [];
    const port: Port = {
      mac: stationMac,
      ethertype: undefined,
      deliver: (f) => {
        frames.push(f);
        listeners.forEach((l) => l(f));
      },
      trouble: () => {},
      closed: false,
    };
    this.ports.push(port);
    return {
      mac: stationMac,
      send: (f) => this.put(port, f),
      onFrame: (l) => void listeners.push(l),
      frames,
      close: () => {
        port.closed = true;
      },
    };
  }

  /** Whether the computer's socket is still open (a service must close it in every case). */
  hostOpen(): boolean {
    return this.ports.some((p) => p.mac === this.hostMac && !p.closed);
  }

  linkDown(): void {
    this.up = false;
    for (const p of this.ports) if (!p.closed) p.trouble('ENETDOWN');
  }

  linkUp(): void {
    this.up = true;
  }
}
