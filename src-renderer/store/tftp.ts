import { create } from 'zustand';
import type { TftpServerState, TftpTransferEvent, TftpTransferInfo } from '../../src-shared/contract/tftp';

/** Transfers the panel keeps (running ones always stay; the oldest finished ones scroll away). */
export const MAX_TRANSFERS = 100;

interface TftpStore {
  server: TftpServerState;
  /** Newest first. */
  transfers: TftpTransferInfo[];
  setServer(s: TftpServerState): void;
  onTransfer(e: TftpTransferEvent): void;
  replaceTransfers(list: TftpTransferInfo[]): void;
  clearFinished(): void;
}

export const useTftp = create<TftpStore>((set) => ({
  server: { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false },
  transfers: [],
  setServer: (server) => set({ server }),
  onTransfer: (e) =>
    set((s) => {
      const i = s.transfers.findIndex((t) => t.id === e.transfer.id);
      if (i >= 0) {
        const old = s.transfers[i]!;
        // events can cross on the wire: never let a late progress undo a finished transfer
        if (old.state !== 'running' && e.transfer.state === 'running') return s;
        const next = s.transfers.slice();
        next[i] = e.transfer;
        return { transfers: next };
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
  replaceTransfers: (list) => set({ transfers: list.slice(0, MAX_TRANSFERS) }),
  clearFinished: () => set((s) => ({ transfers: s.transfers.filter((t) => t.state === 'running') })),
}));

/** Fraction done (0..1) when the size is known. */
export function fractionDone(t: TftpTransferInfo): number | undefined {
  if (t.state === 'done') return 1;
  if (t.size === undefined || t.size === 0) return undefined;
  return Math.min(1, t.bytes / t.size);
}

/** Seconds left at the average rate so far, when it can be known. */
export function secondsLeft(t: TftpTransferInfo): number | undefined {
  if (t.state !== 'running' || t.size === undefined || t.rate <= 0) return undefined;
  return Math.max(0, (t.size - t.bytes) / t.rate);
}
