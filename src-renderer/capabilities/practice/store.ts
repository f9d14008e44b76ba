import { create } from 'zustand';
import type { PracticeScenarioId, PracticeState } from '../../../src-shared/capabilities/practice';
import type { RbApi } from '../../api/types';
import { asRbError } from '../../api/types';
import type { RbError } from '../../../src-shared/contract';

interface PracticeStore {
  state: PracticeState;
  busy: boolean;
  error: RbError | undefined;
  set(s: PracticeState): void;
  start(api: RbApi, scenario: PracticeScenarioId): Promise<void>;
  power(api: RbApi, on: boolean): Promise<void>;
  button(api: RbApi): Promise<void>;
  reset(api: RbApi): Promise<void>;
  stop(api: RbApi): Promise<void>;
}

export const usePractice = create<PracticeStore>((set, get) => {
  // the practice.state event writes the state; a command only reports its failure
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    set({ busy: true, error: undefined });
    try {
      await fn();
    } catch (err) {
      set({ error: asRbError(err) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    state: { ready: false, mode: 'off', led: 'off', log: [] },
    busy: false,
    error: undefined,
    set: (state) => set({ state }),
    // a restart keeps the monitor port the router was started with (serve --practice --netmsg-port)
    start: (api, scenario) => act(() => api.invoke('practice.start', { scenario, netmsgPort: get().state.target?.netmsgPort ?? 4919 })),
    power: (api, on) => act(() => api.invoke('practice.power', { on })),
    button: (api) => act(() => api.invoke('practice.button', {})),
    reset: (api) => act(() => api.invoke('practice.reset', {})),
    stop: (api) => act(() => api.invoke('practice.stop', {})),
  };
});

/** The run options that point a guide at the practice router instead of 192.168.1.1 (undefined when none runs). */
export function practiceRunOptions(s: PracticeState): Record<string, string | number | boolean> | undefined {
  if (!s.ready || !s.target) return undefined;
  const t = s.target;
  return { practice: true, routerAddress: t.routerAddress, bind: '127.0.0.1', port: t.netmsgPort, sshPort: t.sshPort, telnetPort: t.telnetPort, windowS: t.windowS, deviceId: t.profileId };
}
