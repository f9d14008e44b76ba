import { defineRendererCapability } from '../../app/capability';
import { serialCapability } from '../../../src-shared/capabilities/serial';
import { useSerial } from './store';
import { ConsoleView } from './View';

export * from './store';

export const serialView = defineRendererCapability({
  id: 'serial',
  contract: serialCapability,
  section: { id: 'console', label: 'Serial console', hint: 'Talk to the bootloader (U-Boot) through a cable', View: ConsoleView },
  events: {
    'serial.data': (d) => useSerial.getState().onData(d.id, d.b64),
    'serial.match': (m) => useSerial.getState().onMatch(m.id, m.at, m.match),
    'serial.session': (x) => useSerial.getState().upsertSession(x),
  },
  resync: (api) => useSerial.getState().reload(api),
});
