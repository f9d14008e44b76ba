import { defineMainCapability } from '../../core/capability';
import { serialCapability } from '../../../src-shared/capabilities/serial';
import { SerialService } from './service';
import { serialHandlers } from './handlers';

export * from './cli-options';
export * from './service';

export { SerialService, resolveWatchProfile, watchProfileChoices, type SerialServiceOptions } from './service';

/** Serial console sessions: one owner per port, watchers, autostop, autobaud. */
export const serialMain = defineMainCapability({
  id: 'serial',
  contract: serialCapability,
  service: ({ bus, dataDir }) =>
    new SerialService(
      {
        data: (id, chunk, at) => bus.emit('serial.data', { id, b64: chunk.toString('base64'), at }),
        match: (id, at, match) => bus.emit('serial.match', { id, at, match }),
        session: (s) => bus.emit('serial.session', s),
      },
      { dataDir },
    ),
  handlers: (serial, ctx) => serialHandlers(serial, ctx),
  cli: async () => {
    const m = await import('./cli');
    return [m.serialPorts, m.serialWatch];
  },
  dispose: (serial) => serial.dispose(),
});
