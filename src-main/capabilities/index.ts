/**
 * Every capability's main-process descriptor, in the order their services are made and (reversed) disposed.
 * Adding a capability: one line here (CONTRIBUTING.md). The check below makes the compiler name any
 * capability of the shared list (src-shared/capabilities/index.ts) that has commands but no line here.
 */
import type { CommandCapabilityId } from '../../src-shared/capabilities';
import { appMain } from './app';
import { failsafeMain } from './failsafe';
import { tftpMain } from './tftp';
import { serialMain } from './serial';
import { ubootMain } from './uboot';
import { deviceMain } from './device';
import { flashMain } from './flash';
import { firmwareMain } from './firmware';
import { playbookMain } from './playbook';
import { practiceMain } from './practice';
import { netMain } from './net';
import { nmrpMain } from './nmrp';
import { recoverMain } from './recover';
import { upgradeMain } from './upgrade';
import { jobsMain } from './jobs';
import { stationMain } from './station';

export const mainCapabilities = [appMain, serialMain, failsafeMain, tftpMain, ubootMain, deviceMain, flashMain, firmwareMain, upgradeMain, playbookMain, netMain, nmrpMain, recoverMain, practiceMain, jobsMain, stationMain] as const;

export type MainCapabilities = (typeof mainCapabilities)[number];

type MissingInMain = Exclude<CommandCapabilityId, MainCapabilities['id']>;
/** A compile error here names the capability whose main-process descriptor is not listed above. */
export const everyCapabilityHasHandlers: [MissingInMain] extends [never] ? true : { missing: MissingInMain } = true;
