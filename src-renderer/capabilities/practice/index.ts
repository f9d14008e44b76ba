import { defineRendererCapability } from '../../app/capability';
import { practiceCapability } from '../../../src-shared/capabilities/practice';
import { usePractice } from './store';
import { PracticeView } from './View';

export { usePractice, practiceRunOptions } from './store';
export { PracticeDock } from './Dock';

export const practiceView = defineRendererCapability({
  id: 'practice',
  contract: practiceCapability,
  section: { id: 'practice', label: 'Practice router', hint: 'Try every step on a virtual router: no cable needed', View: PracticeView },
  events: { 'practice.state': (s) => usePractice.getState().set(s) },
  resync: async (api) => usePractice.getState().set(await api.invoke('practice.status', {})),
});
