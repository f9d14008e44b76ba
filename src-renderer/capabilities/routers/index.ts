import { defineRendererCapability } from '../../app/capability';
import { routersCapability } from '../../../src-shared/capabilities/routers';
import { DevicesView } from './View';

export const routersView = defineRendererCapability({
  id: 'routers',
  contract: routersCapability,
  section: { id: 'devices', label: 'Routers', hint: 'Known router models and their quirks', View: DevicesView },
  events: {},
});
