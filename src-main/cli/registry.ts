import type { CliCommand } from './types';
import type { LooseMainCapability } from '../core/capability';
import { serve } from './serve';
import { mainCapabilities } from '../capabilities';

/**
 * Every CLI command: the browser server's `serve`, then each capability's own (its descriptor's `cli`).
 * Loaded on demand by main.ts; `inspect` is loaded alone (decision 0041).
 */
export async function loadCliCommands(): Promise<CliCommand[]> {
  const each = await Promise.all((mainCapabilities as readonly LooseMainCapability[]).map(async (c) => (c.cli ? await c.cli() : [])));
  return [serve, ...each.flat()];
}
