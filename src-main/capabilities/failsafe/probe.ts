import net from 'node:net';

export type ProbeResult = 'open' | 'refused' | 'none';

/**
 * Does anything answer at host:port? 'open' (accepted), 'refused' (a host sent a reset: something is at that
 * address), 'none' (no answer within the time). Only ever called for the router address the user gave.
 */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (r: ProbeResult): void => {
      clearTimeout(timer);
      sock.removeAllListeners();
      sock.on('error', () => undefined);
      sock.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done('none'), timeoutMs);
    sock.once('connect', () => done('open'));
    sock.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' ? 'refused' : 'none'));
  });
}
