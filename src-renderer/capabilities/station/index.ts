import { defineRendererCapability } from '../../app/capability';
import { stationCapability } from '../../../src-shared/capabilities/station';
import { useStation } from './store';
import { StationView } from './View';

export { useStation } from './store';

/** The bench station: one card per slot (router, step, progress, the PRESS-NOW cue of that slot, problems). */
export const stationView = defineRendererCapability({
  id: 'station',
  contract: stationCapability,
  section: { id: 'station', label: 'Bench station', hint: 'Several routers at once: one slot per network card or serial port', View: StationView },
  events: {
    'station.slot': (s) => useStation.getState().onSlot(s),
    'station.progress': (p) => useStation.getState().onProgress(p),
    'station.removed': (r) => useStation.getState().onRemoved(r.slotId),
  },
  resync: async (api) => useStation.getState().replace(await api.invoke('station.list', {})),
});
