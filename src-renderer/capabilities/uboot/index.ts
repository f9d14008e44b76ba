import { defineRendererCapability } from '../../app/capability';
import { ubootCapability } from '../../../src-shared/capabilities/uboot';
import { useUboot } from './store';

export { useUboot } from './store';
export { UbootPanel } from './UbootPanel';

/** U-Boot automation: shown inside the serial console section (UbootPanel). */
export const ubootView = defineRendererCapability({
  id: 'uboot',
  contract: ubootCapability,
  events: {
    'uboot.state': (r) => useUboot.getState().setRun(r),
    'uboot.step': (x) => useUboot.getState().onStep(x),
    'uboot.progress': (p) => useUboot.getState().onProgress(p),
  },
  async resync(api) {
    useUboot.getState().replace((await api.invoke('uboot.status', {})).runs);
  },
});
