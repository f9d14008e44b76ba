/**
 * A one-shot HTTP server for a router that has no `nc` (telnet only): busybox `wget` on the router fetches the
 * image from this computer. Bound to the address of this computer that faces the router (never 0.0.0.0),
 * serving exactly one file under an unguessable path, to the router's address only, once; then it closes.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import { fault } from '../../../src-shared/errors';

export interface OneShotServer {
  url: string;
  /** Resolves when the file was sent completely (or rejects when the transfer broke). */
  sent: Promise<void>;
  close(): void;
}

/** The address of this computer that the route to `host` uses (a UDP "connect" sends nothing). */
export async function localAddressFacing(host: string): Promise<string> {
  const s = dgram.createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.connect(9, host, () => resolve());
    });
    return s.address().address;
  } finally {
    s.close();
  }
}

export async function serveOnce(data: Buffer, opts: { bind: string; allowFrom: string; name: string; onProgress?: (sent: number) => void }): Promise<OneShotServer> {
  const token = crypto.randomBytes(12).toString('hex');
  const urlPath = `/${token}/${encodeURIComponent(opts.name)}`;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const sent = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  sent.catch(() => undefined);
  let served = false;
  const server = http.createServer((req, res) => {
    const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (served || req.method !== 'GET' || req.url !== urlPath || (opts.allowFrom && from !== opts.allowFrom)) {
      res.writeHead(404).end();
      return;
    }
    served = true;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) });
    let off = 0;
    const CHUNK = 256 * 1024;
    const pump = (): void => {
      while (off < data.length) {
        const end = Math.min(off + CHUNK, data.length);
        const more = res.write(data.subarray(off, end));
        off = end;
        opts.onProgress?.(off);
        if (!more) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('finish', () => {
      settle.resolve();
      server.close();
    });
    res.on('close', () => {
      if (!res.writableFinished) settle.reject(new Error(`the router stopped fetching after ${off} of ${data.length} bytes`));
    });
    pump();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        fault('HTTP_LISTEN_FAILED', { address: opts.bind }, { details: `${err.code ?? ''} ${err.message}` }),
      ),
    );
    server.listen(0, opts.bind, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${opts.bind}:${port}${urlPath}`,
    sent,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
