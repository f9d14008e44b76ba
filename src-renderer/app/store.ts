import { create } from 'zustand';
import type { AppInfo, HostInterface } from '../../src-shared/capabilities/app';
import type { ConnectionState } from '../api/ws-bridge';
import type { SectionId } from '../capabilities';
import type { RouteKey } from './goals';

/** The start screen ("What do you want to do?") or one of the capabilities' sections. */
export type ScreenId = 'start' | SectionId;

interface AppStore {
  section: ScreenId;
  connection: ConnectionState;
  info?: AppInfo;
  interfaces: HostInterface[];
  /** What the start screen learned (the goal's route, the router chosen), for the screen it opened. */
  intent?: { route: RouteKey; deviceId?: string };
  setSection(s: ScreenId): void;
  setIntent(i: { route: RouteKey; deviceId?: string } | undefined): void;
  setConnection(c: ConnectionState): void;
  setInfo(i: AppInfo): void;
  setInterfaces(i: HostInterface[]): void;
}

export const useApp = create<AppStore>((set) => ({
  section: 'start',
  connection: { status: 'connecting' },
  interfaces: [],
  setSection: (section) => set({ section }),
  setIntent: (intent) => set(intent ? { intent } : { intent: undefined }),
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
  setInterfaces: (interfaces) => set({ interfaces }),
}));
