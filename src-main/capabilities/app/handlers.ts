import os from 'node:os';
import type { CapabilityHandlers } from '../../core/dispatch';
import type { MainContext } from '../../core/capability';
import type { appCommands } from '../../../src-shared/capabilities/app/contract';
import { listIpv4Interfaces } from '../../platform';
import { APP_NAME, APP_VERSION } from '../../version';

export function appHandlers(ctx: MainContext): CapabilityHandlers<typeof appCommands> {
  return {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, platform: os.platform(), arch: os.arch(), dataDir: ctx.dataDir, host: ctx.host, ...(ctx.languages.length ? { languages: ctx.languages.slice(0, 16) } : {}) }),
    'net.interfaces': () => ({ interfaces: listIpv4Interfaces() }),
  };
}
