/** The failsafe playbook wired to the real services: the UDP 4919 monitor, serial, TCP probe, device sessions. */
import { failsafePlaybook } from '../../../src-shared/playbook/failsafe';
import type { RegisteredPlaybook } from '../playbook/service';
import type { FailsafeMonitor } from './monitor';
import { openSession } from '../session';
import { configuredIpv4, currentPlatform } from '../platform';
import { probeTcp } from './probe';
import { SerialFailsafeWatch } from './serial-watch';
import { failsafeExecutors, type FailsafeDeps } from './steps';

export function failsafeDeps(monitor: FailsafeMonitor, overrides: Partial<FailsafeDeps> = {}): FailsafeDeps {
  return {
    platform: currentPlatform(),
    interfaces: () => configuredIpv4(),
    monitorState: () => monitor.state,
    startMonitor: (o) => monitor.start(o),
    onDatagram: (fn) => monitor.subscribe(fn),
    probe: probeTcp,
    connect: openSession,
    openSerial: async (path, baud, autoSendF, onEvent) => {
      const w = new SerialFailsafeWatch(path, baud, autoSendF, onEvent);
      await w.open();
      return w;
    },
    seenKeys: new Map(),
    ...overrides,
  };
}

export function failsafeRegistration(deps: FailsafeDeps): RegisteredPlaybook {
  return { def: failsafePlaybook, executors: failsafeExecutors(deps) };
}
