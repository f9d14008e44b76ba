/**
 * The UDP socket binding the failsafe monitor and the TFTP server use (decision 0009). `osUdp` hands out
 * node:dgram sockets themselves (no wrapper on the TFTP hot path); `test-support/bindings/udp-mock.ts` is a
 * virtual network of in-memory sockets with the same interface, so flood limits and the TFTP state machine are
 * tested without root, namespaces or real ports.
 *
 * `UdpSocket` is the subset of dgram.Socket those services use; a dgram.Socket is one, structurally.
 */
import dgram from 'node:dgram';
import { udpSharedPortForStrays } from '..';

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
}

/** This computer's UDP sockets (node:dgram). */
export const osUdp: UdpSocketFactory = {
  kind: 'os',
  createSocket: (options) => dgram.createSocket(options),
  sharedPortForStrays: () => udpSharedPortForStrays(),
};
