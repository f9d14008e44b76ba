import { create } from 'zustand';
import type { FailsafeDatagram, MonitorState } from '../../../src-shared/capabilities/failsafe/contract';

/** How many datagrams the list keeps; older ones scroll away (the main process keeps its own history). */
export const MAX_ROWS = 500;

interface FailsafeStore {
  monitor: MonitorState;
  datagrams: FailsafeDatagram[];
  setMonitor(m: MonitorState): void;
  addDatagram(d: FailsafeDatagram): void;
  replaceDatagrams(list: FailsafeDatagram[]): void;
  clear(): void;
}

export const useFailsafe = create<FailsafeStore>((set) => ({
  monitor: { state: 'stopped', bind: '0.0.0.0', port: 4919, boundAddresses: [], received: 0, suppressed: 0 },
  datagrams: [],
  setMonitor: (monitor) => set({ monitor }),
  addDatagram: (d) =>
    set((s) => {
      if (s.datagrams.length && s.datagrams[s.datagrams.length - 1]!.id === d.id && s.datagrams[s.datagrams.length - 1]!.receivedAt === d.receivedAt) return s;
      const next = s.datagrams.length >= MAX_ROWS ? s.datagrams.slice(s.datagrams.length - MAX_ROWS + 1) : s.datagrams.slice();
      next.push(d);
      // The monitor reports its counters on state changes only; count what arrives in between here.
      const received = Math.max(s.monitor.received + 1, d.id);
      return { datagrams: next, monitor: { ...s.monitor, received } };
    }),
  replaceDatagrams: (datagrams) => set({ datagrams: datagrams.slice(-MAX_ROWS) }),
  clear: () => set({ datagrams: [] }),
}));
