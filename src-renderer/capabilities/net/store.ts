import { create } from 'zustand';
import type { NetCheck, NetInterface, NetLeaseInfo, NetLinkEvent, NetSlotEvent } from '../../../src-shared/capabilities/net/contract';

interface NetStore {
  interfaces: NetInterface[];
  networkManager?: 'running' | 'absent';
  platformNote?: string;
  /** The latest check per router address. */
  checks: Record<string, NetCheck>;
  leases: NetLeaseInfo[];
  /** Router places on cards (station), by card, as the last net.slot event said. */
  slots: Record<string, NetSlotEvent>;
  /** The last link changes, newest first (the technician's log). */
  linkLog: NetLinkEvent[];
  setInterfaces(list: NetInterface[], networkManager?: 'running' | 'absent', note?: string): void;
  onLink(e: NetLinkEvent): void;
  onLease(l: NetLeaseInfo): void;
  onSlot(e: NetSlotEvent): void;
  setLeases(list: NetLeaseInfo[]): void;
  setCheck(c: NetCheck): void;
}

const LINK_LOG = 50;

export const useNet = create<NetStore>((set) => ({
  interfaces: [],
  checks: {},
  leases: [],
  slots: {},
  linkLog: [],
  setInterfaces: (interfaces, networkManager, platformNote) => set({ interfaces, ...(networkManager ? { networkManager } : {}), ...(platformNote !== undefined ? { platformNote } : {}) }),
  onLink: (e) =>
    set((s) => ({
      linkLog: [e, ...s.linkLog].slice(0, LINK_LOG),
      // The event carries only the link; the rest of the row stays until the next listing.
      interfaces: s.interfaces.map((i) => (i.name === e.interface ? { ...i, carrier: e.carrier, up: e.up, ...(e.carrier ? {} : { speedMbps: undefined }) } : i)),
    })),
  onLease: (l) =>
    set((s) => {
      const rest = s.leases.filter((x) => !(x.interface === l.interface && x.address === l.address));
      return { leases: l.state === 'released' ? rest : [...rest, l] };
    }),
  onSlot: (e) =>
    set((s) => {
      const { [e.interface]: _gone, ...rest } = s.slots;
      return { slots: e.state === 'released' ? rest : { ...rest, [e.interface]: e } };
    }),
  setLeases: (leases) => set({ leases }),
  setCheck: (c) => set((s) => ({ checks: { ...s.checks, [c.target]: c } })),
}));
