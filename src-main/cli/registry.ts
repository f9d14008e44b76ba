import type { CliCommand } from './types';
import { failsafeWatch } from './commands/failsafe-watch';
import { serve } from './commands/serve';
import { inspect } from './commands/inspect';
import { failsafeRescue } from './commands/failsafe-rescue';
import { tftpServe } from './commands/tftp-serve';
import { backup } from './commands/backup';
import { restore } from './commands/restore';
import { uboot } from './commands/uboot';
import { serialPorts, serialWatch } from './commands/serial';

/** Every CLI command. Add one file per command under commands/ and list it here. */
export const cliCommands: CliCommand[] = [serve, failsafeWatch, failsafeRescue, tftpServe, inspect, backup, restore, uboot, serialPorts, serialWatch];
