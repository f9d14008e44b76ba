/**
 * A capability's renderer descriptor: its section (if it has one: label, plain hint, view), where each of
 * its events goes, and how it reads its state after start-up or a reconnect. One per capability, in
 * `src-renderer/capabilities/<id>/index.ts`; src-renderer/capabilities/index.ts lists them and app/wire.ts
 * and App.tsx are built from that list. The data flows one way: service event → contract → store → view.
 */
import type React from 'react';
import type { EventName, EventPayload } from '../../src-shared/contract';
import type { CommandMap, EventMap, SharedCapability } from '../../src-shared/contract/capability';
import type { RbApi } from '../api/types';

export interface Section<SectionId extends string = string> {
  /** Stable id for navigation and tests (`nav-<id>`). */
  id: SectionId;
  label: string;
  /** A plain explanation, shown under the label: jargon is explained the first time it appears. */
  hint: string;
  View: () => React.JSX.Element;
}

export interface RendererCapability<Id extends string, E extends EventMap, SectionId extends string = string> {
  id: Id;
  contract: SharedCapability<Id, CommandMap, E>;
  section?: Section<SectionId>;
  /**
   * Where each event of this capability's contract goes: the compiler asks for every one of them. `api` is for
   * a store that must read more than the event brought (a playbook.step that does not fit: decision 0175).
   */
  events: { [K in keyof E & EventName]: (payload: EventPayload<K>, api: RbApi) => void };
  /** Read the current state (after start-up and after a reconnect). */
  resync?(api: RbApi): Promise<void>;
}

export function defineRendererCapability<const Id extends string, E extends EventMap, const SectionId extends string = never>(
  d: RendererCapability<Id, E, SectionId>,
): RendererCapability<Id, E, SectionId> {
  return d;
}

/** Any descriptor, as wire.ts and App.tsx walk the list. */
export interface LooseRendererCapability {
  id: string;
  section?: Section;
  events: Record<string, (payload: never, api: RbApi) => void>;
  resync?(api: RbApi): Promise<void>;
}
