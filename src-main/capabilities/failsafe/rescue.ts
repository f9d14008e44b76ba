/** The failsafe playbook wired to the real services: the UDP 4919 monitor, serial, TCP probe, device sessions. */
import { failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import type { RegisteredPlaybook } from '../playbook';
import type { FailsafeMonitor } from './service';
import { openSession } from '../../session';
import { execFile } from 'node:child_process';
import { configuredIpv4, currentPlatform, privilegedAddressCommand } from '../../platform';
import { RbFault, fault } from '../../../src-shared/errors';
import { probeTcp } from './probe';
import type { SerialEvent } from './serial-watch';
import type { SerialService } from '../serial';
import { SerialSettingsSchema } from '../../../src-shared/capabilities/serial';
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
    setAddress: (ifName, address) => {
      const cmd = privilegedAddressCommand(currentPlatform(), ifName, address);
      if (!cmd) return undefined;
      return new Promise<void>((resolve, reject) =>
        execFile(cmd[0], cmd[1], { timeout: 120_000 }, (err, _out, stderr) =>
          err
            ? reject(fault('SET_ADDRESS_FAILED', {}, { details: `${cmd[0]}: ${String(stderr).trim() || err.message}` }))
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

/**
 * The serial path through the serial service: the port has one owner, the console screen shows the same bytes,
 * and a console the user already opened on that port is reused (and left open afterwards). The `f` + Enter
 * reply is written from the watcher's match callback, straight to the port.
 */
export function serialViaService(serial: SerialService): NonNullable<FailsafeDeps['openSerial']> {
  return async (path, baud, autoSendF, onEvent: (e: SerialEvent) => void) => {
    const existing = serial.list().find((s) => s.path === path && s.state !== 'closed');
    const session = existing ?? (await serial.open(path, SerialSettingsSchema.parse({ baud })));
    const off = serial.onMatch(session.id, (m, at) => {
      if (m.kind === 'preinit-failsafe-prompt') {
        if (autoSendF) serial.writeNow(session.id, Buffer.from('f\n'));
        onEvent({ kind: 'serial-prompt', at, text: m.text });
        if (autoSendF) onEvent({ kind: 'serial-sent-f', at: Date.now(), text: 'f + Enter' });
      } else if (m.kind === 'failsafe-entered') onEvent({ kind: 'serial-failsafe', at, text: m.text });
    });
    return {
      close: async () => {
        off();
        if (!existing) await serial.close(session.id).catch(() => undefined);
      },
    };
  };
}
