import net from 'node:net';
import { RbFault, fault } from '../../src-shared/errors';

/**
 * A one-shot TCP listener on this computer for bulk data over telnet: the router connects back with
 * `nc ADDRESS PORT` (the reverse of the forum thread's port-3333 pattern) because telnet itself is not
 * binary safe. Exactly one connection is accepted; anyone else is refused.
 */
export interface ReverseListener {
  address: string;
  port: number;
  /** Resolves with the router's connection, or rejects after `timeoutMs` without one. */
  accepted(timeoutMs: number): Promise<net.Socket>;
  close(): void;
}

export async function listenForRouter(address: string, expectFrom: string): Promise<ReverseListener> {
  // Half-open: busybox nc run with </dev/null closes its sending side at once; without allowHalfOpen Node would
  // then end ours too, and a push fed from a stream would stop after its first chunk (a Buffer, written in one
  // go before that FIN arrives, hid it). Pull ends our side itself when the router's data ends.
  const server = net.createServer({ allowHalfOpen: true });
  let socket: net.Socket | undefined;
  let waiter: ((s: net.Socket) => void) | undefined;
  server.on('connection', (s) => {
    const from = (s.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (socket || (expectFrom && from !== expectFrom && expectFrom !== '127.0.0.1')) {
      s.destroy();
      return;
    }
    socket = s;
    server.close(); // no second connection
    waiter?.(s);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        fault('CALLBACK_LISTEN_FAILED', { address }, { details: `${err.code ?? ''} ${err.message}` }),
      ),
    );
    server.listen(0, address, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    address,
    port,
    accepted(timeoutMs) {
      if (socket) return Promise.resolve(socket);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          server.close();
          reject(
            fault('CALLBACK_NOT_CONNECTED', { host: address, port: String(port) }),
          );
        }, timeoutMs);
        waiter = (s) => {
          clearTimeout(t);
          resolve(s);
        };
      });
    },
    close() {
      server.close();
      socket?.destroy();
    },
  };
}
