import { defineCapability } from '../../contract/capability';

/** Known router models: a view over the device profiles (src-shared/profiles), no commands of its own. */
export const routersCapability = defineCapability({
  id: 'routers',
  summary: 'Known router models, their recovery facts and quirks, with public sources.',
  commands: {},
  events: {},
});
