import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { serialCommands } from '../../../src-shared/capabilities/serial/contract';
import { watchProfileChoices, type SerialService } from './service';
import { allowSerialPath } from '../../core/host-paths';

export function serialHandlers(serial: SerialService, ctx: MainContext): CapabilityHandlers<typeof serialCommands> {
  return {
    'serial.ports': () => serial.listPorts(),
    'serial.open': async (a) => serial.open(await allowSerialPath(ctx, a.path, async () => (await serial.listPorts()).ports), a.settings, a.profile, a.autoStop),
    'serial.autostop': (a) => serial.setAutoStop(a.id, a.enabled),
    'serial.close': (a) => serial.close(a.id),
    'serial.write': async (a) => ({ written: await serial.write(a.id, Buffer.from(a.data, a.encoding === 'base64' ? 'base64' : 'utf8')) }),
    'serial.configure': (a) => serial.configure(a.id, a.baud),
    'serial.signals': (a) => serial.signals(a.id, a),
    'serial.autobaud': (a) => serial.autobaud(a.id, a.rates, a.listenMs),
    'serial.sessions': () => {
      const sessions = serial.list();
      const backlog: Record<string, string> = {};
      for (const x of sessions) backlog[x.id] = serial.backlog(x.id).toString('base64');
      return { sessions, profiles: watchProfileChoices(), backlog };
    },
  };
}
