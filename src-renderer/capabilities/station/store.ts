import { create } from 'zustand';
import type { SlotProgress, SlotStatus } from '../../../src-shared/capabilities/station/contract';
import type { RbApi } from '../../api/types';

interface StationStore {
  /** Slots by id, and their order on the screen (as added). */
  slots: Record<string, SlotStatus>;
  order: string[];
  playbooks: { id: string; title: string }[];
  /** station.slot: the whole slot (its progress kept when the event has none for the same run). */
  onSlot(s: SlotStatus): void;
  /** station.progress: only that slot's bar changes (the other cards do not render again). */
  onProgress(p: SlotProgress): void;
  onRemoved(slotId: string): void;
  replace(r: { slots: SlotStatus[]; playbooks: { id: string; title: string }[] }): void;
  add(api: RbApi, req: { name?: string; interface?: string; serialPath?: string }): Promise<void>;
  start(api: RbApi, slotId: string, playbookId: string): Promise<void>;
  respond(api: RbApi, slotId: string, promptId: string, choice: string, input?: string): Promise<void>;
  stop(api: RbApi, slotId: string): Promise<void>;
  remove(api: RbApi, slotId: string): Promise<void>;
}

export const useStation = create<StationStore>((set, get) => ({
  slots: {},
  order: [],
  playbooks: [],
  onSlot: (s) =>
    set((st) => {
      const before = st.slots[s.id];
      const keep = !s.progress && before?.progress && s.run && before.progress.runId === s.run.runId && before.progress.stepId === s.run.steps[s.run.current]?.id;
      const next = keep ? { ...s, progress: before.progress } : s;
      return { slots: { ...st.slots, [s.id]: next }, order: st.order.includes(s.id) ? st.order : [...st.order, s.id] };
    }),
  onProgress: (p) =>
    set((st) => {
      const s = st.slots[p.slotId];
      if (!s || (s.run && s.run.runId !== p.runId)) return st;
      return { slots: { ...st.slots, [p.slotId]: { ...s, progress: p } } };
    }),
  onRemoved: (slotId) =>
    set((st) => {
      const slots = { ...st.slots };
      delete slots[slotId];
      return { slots, order: st.order.filter((id) => id !== slotId) };
    }),
  replace: (r) => set({ slots: Object.fromEntries(r.slots.map((s) => [s.id, s])), order: r.slots.map((s) => s.id), playbooks: r.playbooks }),
  // where an event carries the same data as a reply, only the event writes the store (CONTRIBUTING)
  add: async (api, req) => {
    await api.invoke('station.add', req);
  },
  start: async (api, slotId, playbookId) => {
    await api.invoke('station.start', { slotId, playbookId, options: {} });
  },
  respond: async (api, slotId, promptId, choice, input) => {
    await api.invoke('station.respond', input === undefined ? { slotId, promptId, choice } : { slotId, promptId, choice, input });
  },
  stop: async (api, slotId) => {
    await api.invoke('station.stop', { slotId });
  },
  remove: async (api, slotId) => {
    await api.invoke('station.remove', { slotId });
    get().onRemoved(slotId);
  },
}));
