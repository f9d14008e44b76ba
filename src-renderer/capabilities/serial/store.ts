import { create } from 'zustand';
import type { SerialPortInfo, SerialSession } from '../../../src-shared/capabilities/serial/contract';
import type { WatchMatch } from '../../../src-shared/capabilities/serial/watchers';
import type { CommandInput } from '../../../src-shared/contract';
import type { SaidMessage } from '../../../src-shared/contract/common';
import type { RbApi } from '../../api/types';

/** Bytes kept per session in this window, for "Save log" and for a terminal that mounts late. */
export const KEEP_BYTES = 4 * 1024 * 1024;
/** Recognition banners kept per session (newest first). */
export const MAX_BANNERS = 4;

export interface Banner {
  id: number;
  at: number;
  match: WatchMatch;
}

type Sink = (bytes: Uint8Array) => void;

/**
 * Output bytes do not go through React state (a console can receive 150 KB/s): they are kept in a bounded
 * list per session and pushed straight to the terminal that is showing that session, if any.
 */
const output = new Map<string, { chunks: Uint8Array[]; size: number; total: number }>();
const sinks = new Map<string, Sink>();

export function decodeB64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function keep(id: string, bytes: Uint8Array): void {
  let o = output.get(id);
  if (!o) output.set(id, (o = { chunks: [], size: 0, total: 0 }));
  o.chunks.push(bytes);
  o.size += bytes.length;
  o.total += bytes.length;
  while (o.size > KEEP_BYTES && o.chunks.length > 1) o.size -= o.chunks.shift()!.length;
}

/** Everything kept for a session, oldest first. */
export function sessionOutput(id: string): Uint8Array {
  const o = output.get(id);
  if (!o) return new Uint8Array(0);
  const all = new Uint8Array(o.size);
  let at = 0;
  for (const c of o.chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** A terminal attaches to show a session: it first receives what was kept, then every new chunk. */
export function attachSink(id: string, sink: Sink): () => void {
  sinks.set(id, sink);
  const kept = sessionOutput(id);
  if (kept.length) sink(kept);
  return () => {
    if (sinks.get(id) === sink) sinks.delete(id);
  };
}

interface SerialStore {
  ports: SerialPortInfo[];
  portsNote?: string;
  /** The note as catalogue id + values (decision 0164): said in the language shown. */
  portsNoteMsg?: SaidMessage;
  sessions: Record<string, SerialSession>;
  active?: string;
  profiles: { id: string; label: string; labelMsg?: SaidMessage | undefined }[];
  banners: Record<string, Banner[]>;
  setPorts(ports: SerialPortInfo[], note?: string, noteMsg?: SaidMessage): void;
  upsertSession(s: SerialSession): void;
  setActive(id: string | undefined): void;
  setProfiles(p: { id: string; label: string; labelMsg?: SaidMessage | undefined }[]): void;
  onData(id: string, b64: string): void;
  onMatch(id: string, at: number, match: WatchMatch): void;
  dismissBanner(id: string, bannerId: number): void;
  resync(sessions: SerialSession[], backlog: Record<string, string>, profiles: { id: string; label: string; labelMsg?: SaidMessage | undefined }[]): void;
  /*
   * Commands. A view calls these and never writes a reply itself; they throw the command's error.
   */
  /** serial.ports: the list (it has no event) enters the store here; returned for the form to pick a port. */
  refreshPorts(api: RbApi): Promise<SerialPortInfo[]>;
  /**
   * serial.open: the session enters the store through its serial.session event (sent before the reply), the
   * one writer of sessions; the reply is only used to show the console just opened.
   */
  open(api: RbApi, req: CommandInput<'serial.open'>): Promise<void>;
  /** serial.sessions: the workstation's sessions, their backlog and the watch profiles, read afresh (after a reconnect). */
  reload(api: RbApi): Promise<void>;
}

let bannerSeq = 1;

export const useSerial = create<SerialStore>((set, get) => ({
  ports: [],
  sessions: {},
  profiles: [],
  banners: {},
  setPorts: (ports, note, noteMsg) => set(note ? { ports, portsNote: note, portsNoteMsg: noteMsg } : { ports, portsNote: undefined, portsNoteMsg: undefined }),
  upsertSession: (s) =>
    set((st) => {
      const sessions = { ...st.sessions };
      if (s.state === 'closed') {
        delete sessions[s.id];
        output.delete(s.id);
        const active = st.active === s.id ? Object.keys(sessions)[0] : st.active;
        return { sessions, active };
      }
      sessions[s.id] = s;
      return { sessions, active: st.active ?? s.id };
    }),
  setActive: (active) => set({ active }),
  setProfiles: (profiles) => set({ profiles }),
  onData: (id, b64) => {
    const bytes = decodeB64(b64);
    keep(id, bytes);
    sinks.get(id)?.(bytes);
  },
  onMatch: (id, at, match) =>
    set((st) => {
      const list = [{ id: bannerSeq++, at, match }, ...(st.banners[id] ?? []).filter((b) => b.match.kind !== match.kind)].slice(0, MAX_BANNERS);
      return { banners: { ...st.banners, [id]: list } };
    }),
  dismissBanner: (id, bannerId) => set((st) => ({ banners: { ...st.banners, [id]: (st.banners[id] ?? []).filter((b) => b.id !== bannerId) } })),
  resync: (sessions, backlog, profiles) => {
    for (const s of sessions) {
      output.delete(s.id);
      if (backlog[s.id]) keep(s.id, decodeB64(backlog[s.id]!));
    }
    const byId = Object.fromEntries(sessions.map((s) => [s.id, s]));
    const active = get().active && byId[get().active!] ? get().active : sessions[0]?.id;
    set({ sessions: byId, profiles, active });
  },
  refreshPorts: async (api) => {
    const r = await api.invoke('serial.ports', {});
    get().setPorts(r.ports, r.note, r.noteMsg);
    return r.ports;
  },
  open: async (api, req) => {
    const { id } = await api.invoke('serial.open', req);
    set({ active: id });
    // The session arrives as its serial.session event, sent before this reply. An event this screen did not
    // get (the bench drops events for a screen too slow to take them) would leave the port open but its console
    // unseen, and opening it again refused as "already open": read the workstation's list instead.
    if (!get().sessions[id]) await get().reload(api);
  },
  reload: async (api) => {
    const r = await api.invoke('serial.sessions', {});
    get().resync(r.sessions, r.backlog, r.profiles);
  },
}));
