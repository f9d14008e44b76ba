import { create } from 'zustand';
import type { TftpPutProgress, TftpServerState, TftpTransferEvent, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';

/** Transfers the panel keeps (running ones always stay; the oldest finished ones scroll away). */
export const MAX_TRANSFERS = 100;

interface TftpStore {
  server: TftpServerState;
  /** Newest first. */
  transfers: TftpTransferInfo[];
  /** Running transfers' recent rate (bytes/s, smoothed over the last progress events), by id. */
  recentRate: Record<number, number>;
  /** Uploads to routers (tftp.put), newest first. */
  puts: TftpPutProgress[];
  setServer(s: TftpServerState): void;
  onTransfer(e: TftpTransferEvent): void;
  replaceTransfers(list: TftpTransferInfo[]): void;
  clearFinished(): void;
  onPut(p: TftpPutProgress): void;
}

/** Uploads to routers the panel keeps. */
export const MAX_PUTS = 20;

export const useTftp = create<TftpStore>((set) => ({
  server: { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false },
  transfers: [],
  recentRate: {},
  puts: [],
  setServer: (server) => set({ server }),
  onPut: (p) =>
    set((s) => {
      const i = s.puts.findIndex((x) => x.id === p.id);
      if (i < 0) return { puts: [p, ...s.puts].slice(0, MAX_PUTS) };
      // a late progress never undoes an ending
      if (s.puts[i]!.state !== 'running' && p.state === 'running') return s;
      const next = s.puts.slice();
      next[i] = p;
      return { puts: next };
    }),
  onTransfer: (e) =>
    set((s) => {
      const i = s.transfers.findIndex((t) => t.id === e.transfer.id);
      if (i >= 0) {
        const old = s.transfers[i]!;
        // events can cross on the wire: never let a late progress undo a finished transfer
        if (old.state !== 'running' && e.transfer.state === 'running') return s;
        const next = s.transfers.slice();
        next[i] = e.transfer;
        return { transfers: next, recentRate: nextRecentRate(s.recentRate, old, e.transfer) };
      }
      const next = [e.transfer, ...s.transfers];
      if (next.length > MAX_TRANSFERS) {
        // drop the oldest finished ones; running transfers always stay
        const running = next.filter((t) => t.state === 'running').length;
        let finishedRoom = Math.max(0, MAX_TRANSFERS - running);
        return { transfers: next.filter((t) => t.state === 'running' || finishedRoom-- > 0) };
      }
      return { transfers: next };
    }),
  replaceTransfers: (list) => set({ transfers: list.slice(0, MAX_TRANSFERS), recentRate: {} }),
  clearFinished: () => set((s) => ({ transfers: s.transfers.filter((t) => t.state === 'running') })),
}));

/** Weight of the newest interval in the smoothed recent rate. */
const RECENT_WEIGHT = 0.5;

/**
 * The rate over the last progress interval, smoothed. A bootloader's transfer starts slowly (option exchange,
 * first blocks), so the average since the start overstates the time left; the recent rate follows the real
 * pace (checked against a real U-Boot fetch in test/renderer/tftp-view.test.tsx).
 */
function nextRecentRate(rates: Record<number, number>, old: TftpTransferInfo, now: TftpTransferInfo): Record<number, number> {
  if (now.state !== 'running') {
    if (!(now.id in rates)) return rates;
    const { [now.id]: _gone, ...rest } = rates;
    return rest;
  }
  if (old.sampledAt === undefined || now.sampledAt === undefined) return rates;
  const dt = (now.sampledAt - old.sampledAt) / 1000;
  const db = now.bytes - old.bytes;
  if (dt <= 0 || db < 0) return rates;
  const inst = db / dt;
  const prev = rates[now.id];
  return { ...rates, [now.id]: prev === undefined ? inst : prev * (1 - RECENT_WEIGHT) + inst * RECENT_WEIGHT };
}

/** Fraction done (0..1) when the size is known. */
export function fractionDone(t: TftpTransferInfo): number | undefined {
  if (t.state === 'done') return 1;
  if (t.size === undefined || t.size === 0) return undefined;
  return Math.min(1, t.bytes / t.size);
}

/** Seconds left at the recent rate (or the average so far before there is one), when it can be known. */
export function secondsLeft(t: TftpTransferInfo, recentRate?: number): number | undefined {
  const rate = recentRate !== undefined && recentRate > 0 ? recentRate : t.rate;
  if (t.state !== 'running' || t.size === undefined || rate <= 0) return undefined;
  return Math.max(0, (t.size - t.bytes) / rate);
}
