import type { CliCommand } from './types';
import { failsafeWatch } from '../capabilities/failsafe/cli-watch';
import { serve } from './serve';
import { inspect } from '../capabilities/firmware/cli';
import { failsafeRescue } from '../capabilities/failsafe/cli-rescue';
import { tftpServe } from '../capabilities/tftp/cli';
import { backup } from '../capabilities/flash/cli-backup';
import { restore } from '../capabilities/flash/cli-restore';
import { uboot } from '../capabilities/uboot/cli';
import { serialPorts, serialWatch } from '../capabilities/serial/cli';

/** Every CLI command. Add one file per command under commands/ and list it here. */
export const cliCommands: CliCommand[] = [serve, failsafeWatch, failsafeRescue, tftpServe, inspect, backup, restore, uboot, serialPorts, serialWatch];
