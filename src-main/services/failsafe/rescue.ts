/** The failsafe playbook wired to the real services: the UDP 4919 monitor, serial, TCP probe, device sessions. */
import { failsafePlaybook } from '../../../src-shared/playbook/failsafe';
import type { RegisteredPlaybook } from '../playbook/service';
import type { FailsafeMonitor } from './monitor';
import { openSession } from '../session';
import { execFile } from 'node:child_process';
import { configuredIpv4, currentPlatform, privilegedAddressCommand } from '../platform';
import { RbFault } from '../../../src-shared/errors';
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
    setAddress: (ifName, address) => {
      const cmd = privilegedAddressCommand(currentPlatform(), ifName, address);
      if (!cmd) return undefined;
      return new Promise<void>((resolve, reject) =>
        execFile(cmd[0], cmd[1], { timeout: 120_000 }, (err, _out, stderr) =>
          err
            ? reject(new RbFault({ code: 'SET_ADDRESS_FAILED', message: 'The address was not added.', meaning: 'The password prompt was cancelled, or the system refused.', fix: 'Set it yourself with the steps shown.', details: `${cmd[0]}: ${String(stderr).trim() || err.message}` }))
            : resolve(),
        ),
      );
    },
    seenKeys: new Map(),
    ...overrides,
  };
}

export function failsafeRegistration(deps: FailsafeDeps): RegisteredPlaybook {
  return { def: failsafePlaybook, executors: failsafeExecutors(deps) };
}
