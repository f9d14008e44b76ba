import type { CapabilityHandlers } from '../../core/dispatch';
import type { Services } from '../../core/services';
import type { serialCommands } from '../../../src-shared/capabilities/serial/contract';
import { watchProfileChoices } from './service';
import { allowHostPath, allowSerialPath } from '../../core/host-paths';

export function serialHandlers(s: Services): CapabilityHandlers<typeof serialCommands> {
  return {
    'serial.ports': () => s.serial.listPorts(),
    'serial.open': async (a) => s.serial.open(await allowSerialPath(s, a.path, async () => (await s.serial.listPorts()).ports), a.settings, a.profile, a.autoStop),
    'serial.autostop': (a) => s.serial.setAutoStop(a.id, a.enabled),
    'serial.close': (a) => s.serial.close(a.id),
    'serial.write': async (a) => ({ written: await s.serial.write(a.id, Buffer.from(a.data, a.encoding === 'base64' ? 'base64' : 'utf8')) }),
    'serial.configure': (a) => s.serial.configure(a.id, a.baud),
    'serial.signals': (a) => s.serial.signals(a.id, a),
    'serial.autobaud': (a) => s.serial.autobaud(a.id, a.rates, a.listenMs),
    'serial.sessions': () => {
      const sessions = s.serial.list();
      const backlog: Record<string, string> = {};
      for (const x of sessions) backlog[x.id] = s.serial.backlog(x.id).toString('base64');
      return { sessions, profiles: watchProfileChoices(), backlog };
    },
    'uboot.run': async (a) => s.uboot.start({ ...a, file: await allowHostPath(s, a.file, 'image-to-send') }),
    'uboot.cancel': (a) => {
      s.uboot.cancel(a.runId);
      return { ok: true as const };
    },
    'uboot.status': () => ({ runs: s.uboot.status() }),
  };
}
