import net from 'node:net';

export type ProbeResult = 'open' | 'refused' | 'none';

/**
 * Does anything answer at host:port? 'open' (accepted), 'refused' (a host sent a reset: something is at that
 * address), 'none' (no answer within the time). Only ever called for the router address the user gave.
 * `localAddress`: send from this address of this computer (a station slot's, so through its card).
 */
export function probeTcp(host: string, port: number, timeoutMs: number, localAddress?: string): Promise<ProbeResult> {
  return new Promise((resolve) => {
    // from the card's own address on a station (its route then picks the card)
    const sock = net.connect({ host, port, ...(localAddress ? { localAddress } : {}) });
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
