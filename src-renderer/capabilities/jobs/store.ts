import { create } from 'zustand';
import type { Job, JobSummary, SeenBefore, ShopSync } from '../../../src-shared/capabilities/jobs/contract';
import type { RbApi } from '../../api/types';

interface JobsStore {
  jobs: JobSummary[];
  /** Where the list came from, and why it is this station's only (the shop server does not answer). */
  source?: 'this-station' | 'shop';
  note?: string;
  query: string;
  shop?: ShopSync;
  selected?: Job;
  history?: { seenBefore: SeenBefore[]; text: string };
  /** jobs.changed: a new or updated job goes to the top of the list (and refreshes the one shown). */
  onChanged(s: JobSummary): void;
  onSync(s: ShopSync): void;
  load(api: RbApi, query?: string): Promise<void>;
  open(api: RbApi, id: string): Promise<void>;
  close(): void;
  /** jobs.note: the reply is the job with the note; it replaces the one shown. */
  saveNote(api: RbApi, id: string, note: { customer?: string; ticket?: string; text?: string }, serial?: string): Promise<void>;
}

export const useJobs = create<JobsStore>((set, get) => ({
  jobs: [],
  query: '',
  onChanged: (s) => {
    const { jobs, query } = get();
    // while a search is shown, an unrelated job must not appear in its results
    if (query && !jobs.some((j) => j.id === s.id)) return;
    const rest = jobs.filter((j) => j.id !== s.id);
    set({ jobs: [s, ...rest].sort((a, b) => b.startedAt - a.startedAt) });
  },
  onSync: (shop) => set({ shop }),
  load: async (api, query) => {
    const q = query ?? get().query;
    const r = await api.invoke('jobs.list', q ? { query: q } : {});
    set({ jobs: r.jobs, source: r.source, note: r.note, query: q });
  },
  open: async (api, id) => {
    const [job, history] = await Promise.all([api.invoke('jobs.show', { id }), api.invoke('jobs.history', { id })]);
    set({ selected: job, history });
  },
  close: () => set({ selected: undefined, history: undefined }),
  saveNote: async (api, id, note, serial) => {
    const job = await api.invoke('jobs.note', serial === undefined ? { id, note } : { id, note, serial });
    if (get().selected?.id === job.id) set({ selected: job });
  },
}));
