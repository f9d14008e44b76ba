import { create } from 'zustand';
import type { FailsafeDatagram, MonitorState } from '../../../src-shared/capabilities/failsafe/contract';

/** How many datagrams the list keeps; older ones scroll away (the main process keeps its own history). */
export const MAX_ROWS = 500;

interface FailsafeStore {
  /** The monitor's state exactly as it last reported it (its counters change only with a report). */
  monitor: MonitorState;
  /**
   * How many datagrams the monitor has forwarded in its current run: the sequence number it gives each one
   * (`id`), taken from the newest, never counted here. Datagrams it held back in a flood are its `suppressed`.
   */
  forwarded: number;
  datagrams: FailsafeDatagram[];
  setMonitor(m: MonitorState): void;
  addDatagram(d: FailsafeDatagram): void;
  replaceDatagrams(list: FailsafeDatagram[]): void;
  clear(): void;
}

export const useFailsafe = create<FailsafeStore>((set) => ({
  monitor: { state: 'stopped', bind: '0.0.0.0', port: 4919, boundAddresses: [], received: 0, suppressed: 0 },
  forwarded: 0,
  datagrams: [],
  // a monitor that has received nothing (a new run) has forwarded nothing either
  setMonitor: (monitor) => set(monitor.received === 0 ? { monitor, forwarded: 0 } : { monitor }),
  addDatagram: (d) =>
    set((s) => {
      if (s.datagrams.length && s.datagrams[s.datagrams.length - 1]!.id === d.id && s.datagrams[s.datagrams.length - 1]!.receivedAt === d.receivedAt) return s;
      const next = s.datagrams.length >= MAX_ROWS ? s.datagrams.slice(s.datagrams.length - MAX_ROWS + 1) : s.datagrams.slice();
      next.push(d);
      return { datagrams: next, forwarded: d.id };
    }),
  // the monitor's recent list ends with the newest datagram it forwarded in this run
  replaceDatagrams: (datagrams) => set({ datagrams: datagrams.slice(-MAX_ROWS), forwarded: datagrams.at(-1)?.id ?? 0 }),
  clear: () => set({ datagrams: [] }),
}));
