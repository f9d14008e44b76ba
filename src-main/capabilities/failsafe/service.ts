import { decodeNetmsg, NETMSG_PORT } from '../../../src-shared/capabilities/failsafe/netmsg';
import type { FailsafeDatagram, MonitorState } from '../../../src-shared/capabilities/failsafe/contract';
import { RbFault } from '../../../src-shared/errors';
import { broadcastListenAddresses, currentPlatform, explainBindError, inSubnet, listIpv4Interfaces } from '../../platform';
import { cardListenFault, osUdp, type UdpRemoteInfo, type UdpSocket, type UdpSocketFactory } from '../../platform/bindings/udp';
import { TokenBucket } from '../../core/rate-limit';

export interface MonitorEvents {
  datagram(d: FailsafeDatagram): void;
  state(s: MonitorState): void;
}

export interface MonitorOptions {
  /** The practice router's address while it runs (decision 0091): its datagrams are practice, not unexpected. */
  practiceSource?: () => string | undefined;
  /** Datagrams per second forwarded to listeners before flood suppression starts (important kinds get their own budget). */
  rate?: number;
  /** How many recent datagrams to keep for a UI that (re)connects. */
  keep?: number;
  now?: () => number;
  /** Where sockets come from (default: this computer's, node:dgram; tests pass a virtual network; decision 0009). */
  udp?: UdpSocketFactory;
}

/** OpenWrt preinit brings up 192.168.1.1/24 by default (facts §1.3); anything else is shown but flagged. */
const PREINIT_NETWORK = '192.168.1.0';

/**
 * Listens on UDP 4919 for OpenWrt's preinit `netmsg` broadcasts and reports each datagram, decoded and
 * classified. Runs in any Node process (Electron main, bench server, CLI); no Electron import.
 * A flood (hostile or a looping device) is counted but forwarded at a bounded rate, so a UI never freezes.
 */
export class FailsafeMonitor {
  private sockets: UdpSocket[] = [];
  private seq = 0;
  private recent: FailsafeDatagram[] = [];
  private status: MonitorState = { state: 'stopped', bind: '0.0.0.0', port: NETMSG_PORT, boundAddresses: [], received: 0, suppressed: 0 };
  private general: TokenBucket;
  private important: TokenBucket;
  private suppressedTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly keep: number;
  private readonly practiceSource: (() => string | undefined) | undefined;
  private readonly rate: number;
  private readonly subscribers = new Set<(d: FailsafeDatagram) => void>();
  private readonly udp: UdpSocketFactory;

  constructor(private readonly listeners: MonitorEvents, opts: MonitorOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.udp = opts.udp ?? osUdp;
    this.keep = opts.keep ?? 200;
    this.practiceSource = opts.practiceSource;
    this.rate = opts.rate ?? 100;
    this.general = new TokenBucket(this.rate, this.rate * 2, this.now());
    this.important = new TokenBucket(this.rate / 2, this.rate, this.now());
  }

  get state(): MonitorState {
    return { ...this.status, boundAddresses: [...this.status.boundAddresses] };
  }

  /** Another listener for forwarded datagrams (the failsafe playbook); returns the unsubscribe function. */
  subscribe(fn: (d: FailsafeDatagram) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  recentDatagrams(): FailsafeDatagram[] {
    return [...this.recent];
  }

  /**
   * `interface`: a station slot's card (issue 17, decision 0112). Every router broadcasts to 192.168.1.255 alike,
   * so the monitor of slot N hears only what card N received: one socket on the wildcard address bound to the
   * card (SO_BINDTODEVICE / IP_BOUND_IF); on Windows one socket on the card's own address (`bind`), which hears
   * that card's broadcasts only.
   */
  async start(opts: { bind: string; port: number; interface?: string | undefined }): Promise<MonitorState> {
    await this.stop(false);
    const perCard = opts.interface !== undefined && currentPlatform() !== 'win32';
    const addresses = perCard ? ['0.0.0.0'] : broadcastListenAddresses(opts.bind, listIpv4Interfaces());
    this.status = { state: 'starting', bind: opts.bind, port: opts.port, boundAddresses: [], received: 0, suppressed: 0, ...(opts.interface !== undefined ? { interface: opts.interface } : {}) };
    this.seq = 0;
    this.recent = [];
    this.general = new TokenBucket(this.rate, this.rate * 2, this.now());
    this.important = new TokenBucket(this.rate / 2, this.rate, this.now());
    try {
      for (const address of addresses) {
        const socket = this.udp.createSocket({ type: 'udp4', reuseAddr: true });
        socket.on('message', (msg, rinfo) => this.onMessage(msg, rinfo));
        socket.on('error', (err) => this.fail(err, address));
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.bind({ port: opts.port, address, exclusive: false }, () => {
            socket.off('error', reject);
            resolve();
          });
        }).catch((err: unknown) => {
          socket.close();
          throw explainBindError(err, { protocol: 'udp', address, port: opts.port, purpose: "hear the router's rescue-mode (failsafe) broadcasts" });
        });
        this.sockets.push(socket);
        if (perCard) {
          if (!this.udp.bindToDevice) throw cardListenFault(opts.interface!, 'this socket binding cannot tell cards apart');
          this.udp.bindToDevice(socket, opts.interface!);
        }
        this.status.boundAddresses.push(`${address}:${socket.address().port}`);
      }
      const first = this.sockets[0]!.address();
      this.status = { ...this.status, state: 'listening', port: first.port, startedAt: this.now() };
    } catch (err) {
      await this.closeSockets();
      const fault = err instanceof RbFault ? err : explainBindError(err, { protocol: 'udp', address: opts.bind, port: opts.port, purpose: 'hear the router' });
      this.status = { ...this.status, state: 'error', boundAddresses: [], error: fault.toShape() };
      this.listeners.state(this.state);
      throw fault;
    }
    this.listeners.state(this.state);
    return this.state;
  }

  async stop(announce = true): Promise<MonitorState> {
    await this.closeSockets();
    if (this.suppressedTimer) clearTimeout(this.suppressedTimer);
    this.suppressedTimer = undefined;
    const { error: _error, ...rest } = this.status;
    this.status = { ...rest, state: 'stopped', boundAddresses: [] };
    if (announce) this.listeners.state(this.state);
    return this.state;
  }

  private async closeSockets(): Promise<void> {
    const socks = this.sockets;
    this.sockets = [];
    await Promise.all(socks.map((s) => new Promise<void>((r) => { try { s.close(() => r()); } catch { r(); } })));
  }

  private fail(err: unknown, address: string): void {
    const fault = explainBindError(err, { protocol: 'udp', address, port: this.status.port, purpose: "hear the router's rescue-mode (failsafe) broadcasts" });
    void this.closeSockets();
    this.status = { ...this.status, state: 'error', boundAddresses: [], error: fault.toShape() };
    this.listeners.state(this.state);
  }

  private onMessage(msg: Buffer, rinfo: UdpRemoteInfo): void {
    const receivedAt = this.now();
    this.status.received++;
    const decoded = decodeNetmsg(msg);
    const practice = rinfo.address === this.practiceSource?.();
    const unexpectedSource = !practice && !inSubnet(rinfo.address, PREINIT_NETWORK, 24);
    const bucket = decoded.kind !== 'unknown' && !unexpectedSource ? this.important : this.general;
    if (!bucket.take(receivedAt)) {
      this.status.suppressed++;
      this.scheduleSuppressedReport();
      return;
    }
    const d: FailsafeDatagram = {
      id: ++this.seq,
      receivedAt,
      from: rinfo.address,
      fromPort: rinfo.port,
      text: decoded.text,
      kind: decoded.kind,
      hasPrefix: decoded.hasPrefix,
      wellFormed: decoded.wellFormed,
      length: decoded.length,
      notes: decoded.notes,
      unexpectedSource,
      ...(practice ? { practice: true } : {}),
    };
    this.recent.push(d);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
    for (const fn of this.subscribers) {
      try {
        fn(d);
      } catch {
        // a failing subscriber must not stop the monitor
      }
    }
    // The raw list can wait a moment: a guided run's cue, decided by the subscribers above, goes out first.
    if (this.subscribers.size) setImmediate(() => this.listeners.datagram(d));
    else this.listeners.datagram(d);
  }

  private scheduleSuppressedReport(): void {
    if (this.suppressedTimer) return;
    this.suppressedTimer = setTimeout(() => {
      this.suppressedTimer = undefined;
      if (this.status.state === 'listening') this.listeners.state(this.state);
    }, 500);
  }
}
