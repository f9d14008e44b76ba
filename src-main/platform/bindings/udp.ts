/**
 * The UDP socket binding the failsafe monitor and the TFTP server use (decision 0009). `osUdp` hands out
 * node:dgram sockets themselves (no wrapper on the TFTP hot path); `test-support/bindings/udp-mock.ts` is a
 * virtual network of in-memory sockets with the same interface, so flood limits and the TFTP state machine are
 * tested without root, namespaces or real ports.
 *
 * `UdpSocket` is the subset of dgram.Socket those services use; a dgram.Socket is one, structurally.
 */
import dgram from 'node:dgram';
import { RbFault } from '../../../src-shared/errors';
import { udpSharedPortForStrays } from '..';
import { currentPlatform } from '../host';
import { loadRawEtherAddon } from './rawether';

export interface UdpRemoteInfo {
  address: string;
  family: 'IPv4' | 'IPv6';
  port: number;
  size: number;
}

export interface UdpBindOptions {
  address?: string;
  port?: number;
  exclusive?: boolean;
}

export interface UdpSocket {
  /** Errors (EADDRINUSE, EACCES, ...) arrive as an 'error' event; `callback` runs once listening. */
  bind(options: UdpBindOptions, callback?: () => void): this;
  /** Fix the peer: from then on only its datagrams arrive, and send() takes no address. */
  connect(port: number, address: string, callback?: () => void): void;
  /** On a connected socket. */
  send(msg: Uint8Array): void;
  send(msg: Uint8Array, port: number, address: string, callback?: (error: Error | null, bytes: number) => void): void;
  address(): { address: string; family: string; port: number };
  close(callback?: () => void): this;
  on(event: 'message', listener: (msg: Buffer, rinfo: UdpRemoteInfo) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'listening' | 'close' | 'connect', listener: () => void): this;
  once(event: 'error', listener: (err: Error) => void): this;
  once(event: 'listening' | 'close' | 'connect', listener: () => void): this;
  off(event: 'error', listener: (err: Error) => void): this;
  removeAllListeners(event?: 'message' | 'error' | 'listening' | 'close' | 'connect'): this;
}

export interface UdpSocketFactory {
  /**
   * 'os': real sockets of this computer (the native TFTP engine, which opens its own, may run beside them);
   * 'virtual': an in-memory network (tests), where only the JavaScript engine can run.
   */
  readonly kind: 'os' | 'virtual';
  createSocket(options: { type: 'udp4'; reuseAddr?: boolean }): UdpSocket;
  /**
   * Whether a connected socket and an unconnected one may share a port, the connected one still getting every
   * datagram from its peer and the unconnected one the rest (decision 0012; on this computer: Linux only).
   */
  sharedPortForStrays(): boolean;
  /**
   * Hear only what network card `iface` received, on a bound socket (a station slot's listener; decision 0112).
   * Linux SO_BINDTODEVICE, macOS IP_BOUND_IF, through the native addon. Windows needs none: a socket bound to the
   * card's own address hears that card's broadcasts only. Throws a three-part fault when it cannot.
   */
  bindToDevice?(socket: UdpSocket, iface: string): void;
}

/** The descriptor of a bound node:dgram socket (its libuv handle, reached without the deprecated _handle). */
function socketFd(socket: dgram.Socket): number | undefined {
  const state = Object.getOwnPropertySymbols(socket).find((k) => String(k) === 'Symbol(state symbol)');
  const handle = state ? (socket as unknown as Record<symbol, { handle?: { fd?: number } }>)[state]?.handle : undefined;
  return typeof handle?.fd === 'number' && handle.fd >= 0 ? handle.fd : undefined;
}

export function cardListenFault(iface: string, details: string): RbFault {
  return new RbFault({
    code: 'NET_CARD_LISTEN_UNAVAILABLE',
    message: `Rescue Bench cannot listen on the network card ${iface} alone.`,
    values: { card: iface },
    meaning: 'With several routers on the bench, each card’s rescue-mode messages must be told apart; without this, a message could be shown for the wrong router, so this card’s listener was not started.',
    fix: 'Run one router at a time on this computer, or reinstall Rescue Bench (its network part may be missing).',
    details,
  });
}

/** node:dgram sockets: SO_BINDTODEVICE / IP_BOUND_IF through the raw-Ethernet addon's bindToDevice. */
export function bindDgramToDevice(socket: UdpSocket, iface: string): void {
  if (currentPlatform() === 'win32') return;
  const fd = socketFd(socket as unknown as dgram.Socket);
  if (fd === undefined) throw cardListenFault(iface, 'the socket has no descriptor (not bound yet?)');
  const addon = loadRawEtherAddon();
  if (!addon.ok || !addon.api.bindToDevice) throw cardListenFault(iface, addon.ok ? 'the native addon has no bindToDevice (an older build)' : addon.why);
  try {
    addon.api.bindToDevice(fd, iface);
  } catch (e) {
    throw cardListenFault(iface, e instanceof Error ? e.message : String(e));
  }
}

/** This computer's UDP sockets (node:dgram). */
export const osUdp: UdpSocketFactory = {
  kind: 'os',
  createSocket: (options) => dgram.createSocket(options),
  sharedPortForStrays: () => udpSharedPortForStrays(),
  bindToDevice: bindDgramToDevice,
};
