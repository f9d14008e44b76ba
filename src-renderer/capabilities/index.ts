/**
 * Every capability's renderer descriptor, in the order their sections appear. Adding a capability: one line
 * here (CONTRIBUTING.md). The check below makes the compiler name any capability of the shared list
 * (src-shared/capabilities/index.ts) that has no line here.
 */
import type { CapabilityId } from '../../src-shared/capabilities';
import type { LooseRendererCapability } from '../app/capability';
import { appView } from './app';
import { failsafeView } from './failsafe';
import { playbookView } from './playbook';
import { serialView } from './serial';
import { ubootView } from './uboot';
import { tftpView } from './tftp';
import { deviceView } from './device';
import { flashView } from './flash';
import { firmwareView } from './firmware';
import { routersView } from './routers';
import { practiceView } from './practice';
import { netView } from './net';
import { nmrpView } from './nmrp';
import { recoverView } from './recover';
import { upgradeView } from './upgrade';
import { jobsView } from './jobs';
import { stationView } from './station';

export const rendererCapabilities = [failsafeView, playbookView, serialView, ubootView, tftpView, deviceView, flashView, firmwareView, upgradeView, recoverView, routersView, netView, nmrpView, stationView, jobsView, practiceView, appView] as const;

/** The same list, typed for code that walks every capability without caring which one it is. */
export const rendererCapabilityList: readonly LooseRendererCapability[] = rendererCapabilities;

type RendererCapabilities = (typeof rendererCapabilities)[number];
/** The sections, by id, in navigation order. */
export type SectionId = NonNullable<RendererCapabilities['section']>['id'];

type MissingInRenderer = Exclude<CapabilityId, RendererCapabilities['id']>;
/** A compile error here names the capability whose renderer descriptor is not listed above. */
export const everyCapabilityIsWired: [MissingInRenderer] extends [never] ? true : { missing: MissingInRenderer } = true;
