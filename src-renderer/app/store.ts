import { create } from 'zustand';
import type { AppInfo, HostInterface } from '../../src-shared/capabilities/app';
import type { ConnectionState } from '../api/ws-bridge';
import type { SectionId } from '../capabilities';

interface AppStore {
  section: SectionId;
  connection: ConnectionState;
  info?: AppInfo;
  interfaces: HostInterface[];
  setSection(s: SectionId): void;
  setConnection(c: ConnectionState): void;
  setInfo(i: AppInfo): void;
  setInterfaces(i: HostInterface[]): void;
}

export const useApp = create<AppStore>((set) => ({
  section: 'failsafe',
  connection: { status: 'connecting' },
  interfaces: [],
  setSection: (section) => set({ section }),
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
  setInterfaces: (interfaces) => set({ interfaces }),
}));
