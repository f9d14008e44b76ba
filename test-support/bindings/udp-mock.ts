/**
 * A virtual UDP network implementing the UdpSocketFactory of src-main/platform/bindings/udp.ts, the way
 * serialport's binding-mock implements its binding: sockets bound to addresses send each other datagrams with
 * no OS socket, no root, no namespace. Pass `network.factory` as a service's `udp` option.
 *
 * What it models (Linux's rules, the ones the services rely on):
 * - bind: port 0 takes a free ephemeral port; a taken port (same port, same or wildcard address) is EADDRINUSE
 *   unless both sockets set reuseAddr; errors arrive as an 'error' event, as with dgram.
 * - delivery: to sockets on the destination port bound to the destination address or to 0.0.0.0. A connected
 *   socket only hears its peer, and is preferred over an unconnected one on the same port (decision 0012: the
 *   TFTP transfer socket and its stray socket). Broadcasts (255.255.255.255, x.x.x.255) reach every listener.
 * - nobody listening: a connected sender gets ECONNREFUSED as an 'error' (the ICMP port unreachable).
 * - datagrams are copied when sent (the TFTP server reuses its packet buffers) and delivered in order on
 *   setImmediate, captured when this module loads, so fake timers do not hold the wire back.
 * - send/close on a closed socket throw, address() on an unbound one throws, like dgram.
 * Not modelled: routing, MTU, multicast, IPv6.
 */
import { EventEmitter } from 'node:events';
import type { UdpBindOptions, UdpRemoteInfo, UdpSocket, UdpSocketFactory } from '../../src-main/platform/bindings/udp';

const wire: (fn: () => void) => void = globalThis.setImmediate.bind(globalThis);

export interface Endpoint {
  address: string;
  port: number;
}

export interface VirtualDatagram {
  from: Endpoint;
  to: Endpoint;
  data: Buffer;
}

/** What an interceptor decides for a datagram: let it through (default) or lose it. */
export type Verdict = 'pass' | 'drop' | void;

export interface MockUdpNetworkOptions {
  /** Source address of datagrams from sockets bound to 0.0.0.0 (default 127.0.0.1). */
  hostAddress?: string;
  /** Addresses a socket may bind (besides 0.0.0.0 and broadcast addresses); default any. Others get EADDRNOTAVAIL. */
  localAddresses?: readonly string[];
  /** Whether the factory says a connected and an unconnected socket can share a port (decision 0012). Default true. */
  sharedPortForStrays?: boolean;
  /** Keep every datagram in `network.log` (default true). */
  record?: boolean;
}

function errno(code: string, syscall: string, message: string, extra: Record<string, unknown> = {}): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code}${message ? ` ${message}` : ''}`), { code, syscall, ...extra });
}

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export function isBroadcast(address: string): boolean {
  return address === '255.255.255.255' || address.endsWith('.255');
}

export class MockUdpSocket extends EventEmitter implements UdpSocket {
  local: Endpoint | undefined;
  peer: Endpoint | undefined;
  closed = false;
  /** Order of binding, for "the newest socket wins a tie". */
  bindOrder = 0;

  constructor(
    private readonly net: MockUdpNetwork,
    readonly reuseAddr: boolean,
  ) {
    super();
  }

  private notRunning(): Error {
    return nodeError('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  }

  bind(options: UdpBindOptions, callback?: () => void): this {
    if (this.closed) throw this.notRunning();
    if (this.local) throw nodeError('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
    if (callback) this.once('listening', callback);
    const address = options.address ?? '0.0.0.0';
    const port = options.port ?? 0;
    wire(() => {
      if (this.closed) return;
      try {
        this.net.attach(this, address, port);
      } catch (err) {
        this.emit('error', err);
        return;
      }
      this.emit('listening');
    });
    return this;
  }

  /** dgram binds an unbound socket implicitly on send/connect; here at once. */
  private ensureBound(): void {
    if (!this.local) this.net.attach(this, '0.0.0.0', 0);
  }

  connect(port: number, address: string, callback?: () => void): void {
    if (this.closed) throw this.notRunning();
    if (this.peer) throw nodeError('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
    this.ensureBound();
    this.peer = { address, port };
    if (callback) this.once('connect', callback);
    wire(() => {
      if (!this.closed) this.emit('connect');
    });
  }

  send(msg: Uint8Array): void;
  send(msg: Uint8Array, port: number, address: string, callback?: (error: Error | null, bytes: number) => void): void;
  send(msg: Uint8Array, port?: number | ((error: Error | null, bytes: number) => void), address?: string, callback?: (error: Error | null, bytes: number) => void): void {
    if (this.closed) throw this.notRunning();
    let cb = callback;
    if (typeof port === 'function') {
      cb = port;
      port = undefined;
    }
    let to: Endpoint;
    if (this.peer) {
      if (port !== undefined) throw nodeError('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
      to = this.peer;
    } else {
      if (port === undefined || address === undefined) throw nodeError('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
      to = { address, port };
    }
    this.ensureBound();
    const data = Buffer.from(msg); // copied now: the caller may reuse its buffer at once
    this.net.transmit({ from: { address: this.net.sourceAddress(this.local!.address), port: this.local!.port }, to, data }, this);
    if (cb) {
      const done = cb;
      wire(() => done(null, data.length));
    }
  }

  address(): { address: string; family: string; port: number } {
    if (!this.local || this.closed) throw errno('EBADF', 'getsockname', '');
    return { address: this.local.address, family: 'IPv4', port: this.local.port };
  }

  close(callback?: () => void): this {
    if (this.closed) throw this.notRunning();
    this.closed = true;
    this.net.detach(this);
    if (callback) this.once('close', callback);
    wire(() => this.emit('close'));
    return this;
  }

  /** @internal a datagram arrives */
  deliver(d: VirtualDatagram): void {
    const rinfo: UdpRemoteInfo = { address: d.from.address, family: 'IPv4', port: d.from.port, size: d.data.length };
    this.emit('message', Buffer.from(d.data), rinfo);
  }
}

export class MockUdpNetwork {
  /** Every datagram sent (when `record`), in order, whether delivered or not. */
  readonly log: VirtualDatagram[] = [];
  /** Datagrams nobody was listening for. */
  undeliverable = 0;
  readonly factory: UdpSocketFactory;
  private readonly bound = new Set<MockUdpSocket>();
  private readonly interceptors = new Set<(d: VirtualDatagram) => Verdict>();
  private nextEphemeral = 49152;
  private order = 0;
  private readonly hostAddress: string;
  private readonly record: boolean;

  constructor(private readonly opts: MockUdpNetworkOptions = {}) {
    this.hostAddress = opts.hostAddress ?? '127.0.0.1';
    this.record = opts.record ?? true;
    const shared = opts.sharedPortForStrays ?? true;
    this.factory = {
      kind: 'virtual',
      createSocket: (o) => new MockUdpSocket(this, o.reuseAddr ?? false),
      sharedPortForStrays: () => shared,
    };
  }

  /** Sockets now bound (closed ones leave). */
  sockets(): MockUdpSocket[] {
    return [...this.bound];
  }

  /** Look at (and maybe lose) each datagram before delivery. Returns the function that removes the interceptor. */
  intercept(fn: (d: VirtualDatagram) => Verdict): () => void {
    this.interceptors.add(fn);
    return () => this.interceptors.delete(fn);
  }

  /** A datagram from a host that has no socket here (a router, a flood): delivered like any other. */
  inject(data: Uint8Array, from: Endpoint, to: Endpoint): void {
    this.transmit({ from, to, data: Buffer.from(data) }, undefined);
  }

  /** Datagrams sent to `to` (address and/or port), from the log. */
  sentTo(to: Partial<Endpoint>): VirtualDatagram[] {
    return this.log.filter((d) => (to.address === undefined || d.to.address === to.address) && (to.port === undefined || d.to.port === to.port));
  }

  /** @internal */
  sourceAddress(bound: string): string {
    return bound === '0.0.0.0' ? this.hostAddress : bound;
  }

  /** @internal bind a socket, or throw the errno dgram would report */
  attach(s: MockUdpSocket, address: string, port: number): void {
    if (address !== '0.0.0.0' && !isBroadcast(address) && this.opts.localAddresses && !this.opts.localAddresses.includes(address)) {
      throw errno('EADDRNOTAVAIL', 'bind', `${address}:${port}`, { address, port });
    }
    let p = port;
    if (p === 0) {
      do p = this.nextEphemeral++;
      while ([...this.bound].some((o) => o.local!.port === p));
    } else {
      for (const o of this.bound) {
        const overlap = o.local!.port === p && (o.local!.address === address || o.local!.address === '0.0.0.0' || address === '0.0.0.0');
        if (overlap && !(o.reuseAddr && s.reuseAddr)) throw errno('EADDRINUSE', 'bind', `${address}:${p}`, { address, port: p });
      }
    }
    s.local = { address, port: p };
    s.bindOrder = ++this.order;
    this.bound.add(s);
  }

  /** @internal */
  detach(s: MockUdpSocket): void {
    this.bound.delete(s);
  }

  /** @internal send a datagram over the virtual wire */
  transmit(d: VirtualDatagram, sender: MockUdpSocket | undefined): void {
    if (this.record) this.log.push(d);
    for (const fn of this.interceptors) if (fn(d) === 'drop') return;
    const broadcast = isBroadcast(d.to.address);
    const hears = (s: MockUdpSocket): boolean => {
      const l = s.local!;
      if (l.port !== d.to.port) return false;
      if (l.address !== '0.0.0.0' && l.address !== d.to.address) return false;
      if (s.peer && (s.peer.address !== d.from.address || s.peer.port !== d.from.port)) return false;
      return true;
    };
    const candidates = [...this.bound].filter(hears);
    let receivers: MockUdpSocket[];
    if (broadcast) receivers = candidates;
    else {
      // Linux's score: a connected socket beats an unconnected one, an exact address beats the wildcard; the newest wins a tie
      const score = (s: MockUdpSocket): number => (s.peer ? 4 : 0) + (s.local!.address === d.to.address ? 2 : 0);
      const best = candidates.sort((a, b) => score(b) - score(a) || b.bindOrder - a.bindOrder)[0];
      receivers = best ? [best] : [];
    }
    if (receivers.length === 0) {
      this.undeliverable++;
      if (sender?.peer && !broadcast) {
        const s = sender;
        wire(() => {
          if (!s.closed) s.emit('error', errno('ECONNREFUSED', 'recvmsg', '', { errno: -111 }));
        });
      }
      return;
    }
    wire(() => {
      for (const r of receivers) if (!r.closed && this.bound.has(r)) r.deliver(d);
    });
  }
}
