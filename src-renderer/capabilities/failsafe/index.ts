import { defineRendererCapability } from '../../app/capability';
import { failsafeCapability } from '../../../src-shared/capabilities/failsafe';
import { useFailsafe } from './store';
import { FailsafeView } from './View';

export { useFailsafe } from './store';
/** A playbook run's timeline and its "do this now" panel: any playbook's run shows the same way (upgrade uses them). */
export { Timeline } from './Timeline';
export { StepPanel } from './StepPanel';
export { InterruptedCard } from './InterruptedCard';
/** The cue's sound (a beep of a given pitch, spoken words): the bench station gives each slot its own pitch. */
export { beep, say, unlockSound } from './sound';

export const failsafeView = defineRendererCapability({
  id: 'failsafe',
  contract: failsafeCapability,
  section: { id: 'failsafe', label: 'Rescue mode', hint: "OpenWrt's failsafe: get back into a locked router", View: FailsafeView },
  events: {
    'failsafe.datagram': (d) => useFailsafe.getState().addDatagram(d),
    'failsafe.monitor.state': (m) => useFailsafe.getState().setMonitor(m),
  },
  async resync(api) {
    const fs = await api.invoke('failsafe.monitor.status', {});
    useFailsafe.getState().setMonitor(fs.monitor);
    useFailsafe.getState().replaceDatagrams(fs.recent);
  },
});
