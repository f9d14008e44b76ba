import { defineRendererCapability } from '../../app/capability';
import { playbookCapability } from '../../../src-shared/capabilities/playbook';
import { usePlaybook } from './store';

export * from './store';

/** Recovery timelines: no section of its own (the failsafe view shows its run). */
export const playbookView = defineRendererCapability({
  id: 'playbook',
  contract: playbookCapability,
  events: {
    'playbook.run': (r) => usePlaybook.getState().setRun(r),
    'playbook.step': (c, api) => usePlaybook.getState().stepsChanged(c, api),
    'playbook.transcript': (l) => usePlaybook.getState().addTranscript(l),
  },
  async resync(api) {
    usePlaybook.getState().setStatus(await api.invoke('playbook.status', {}));
  },
});
