import net from 'node:net';
import { RbFault } from '../../src-shared/errors';

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
        new RbFault({
          code: 'CALLBACK_LISTEN_FAILED',
          message: `This computer could not open a port on ${address} for the router to send data to.`,
          meaning: 'Over telnet, the router sends bulk data on a separate connection back to this computer.',
          fix: 'Check that the address still belongs to this computer (cable plugged in), then try again.',
          details: `${err.code ?? ''} ${err.message}`,
        }),
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
            new RbFault({
              code: 'CALLBACK_NOT_CONNECTED',
              message: `The router did not connect back to this computer (${address}, TCP port ${port}).`,
              meaning: 'Over telnet, bulk data travels on a separate connection from the router to this computer. Something blocked it, or the router has no `nc` command.',
              fix: 'Allow incoming connections for Rescue Bench in this computer\'s firewall for this network, then try again. If the router has SSH, use SSH instead.',
            }),
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
