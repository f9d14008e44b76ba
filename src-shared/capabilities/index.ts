/**
 * Every capability's shared descriptor. Adding a capability: one folder per layer (CONTRIBUTING.md) and one
 * line here; the contract, the main-process registry and the renderer registry are built from this list,
 * and the compiler names any layer that does not yet cover it.
 */
import { appCapability } from './app';
import { failsafeCapability } from './failsafe';
import { tftpCapability } from './tftp';
import { serialCapability } from './serial';
import { ubootCapability } from './uboot';
import { deviceCapability } from './device';
import { flashCapability } from './flash';
import { firmwareCapability } from './firmware';
import { playbookCapability } from './playbook';
import { routersCapability } from './routers';
import { netCapability } from './net';
import { nmrpCapability } from './nmrp';
import { recoverCapability } from './recover';
import { upgradeCapability } from './upgrade';
import { practiceCapability } from './practice';
import { jobsCapability } from './jobs';
import { stationCapability } from './station';

export const sharedCapabilities = [
  appCapability,
  failsafeCapability,
  tftpCapability,
  serialCapability,
  ubootCapability,
  deviceCapability,
  flashCapability,
  firmwareCapability,
  playbookCapability,
  routersCapability,
  netCapability,
  nmrpCapability,
  recoverCapability,
  upgradeCapability,
  practiceCapability,
  jobsCapability,
  stationCapability,
] as const;

export type SharedCapabilities = (typeof sharedCapabilities)[number];
export type CapabilityId = SharedCapabilities['id'];
/** Capabilities that have commands: each needs a main-process descriptor with handlers. */
export type CommandCapabilityId = { [C in SharedCapabilities as C['id']]: keyof C['commands'] extends never ? never : C['id'] }[CapabilityId];
