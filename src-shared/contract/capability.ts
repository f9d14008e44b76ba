import type { z } from 'zod';
import type { CommandSpec, EventSpec } from './common';

export type CommandMap = Record<string, CommandSpec<z.ZodType, z.ZodType>>;
export type EventMap = Record<string, EventSpec<z.ZodType>>;

/**
 * A capability's shared descriptor: its name, what it is for, and its part of the contract. One per
 * capability, in `src-shared/capabilities/<id>/index.ts`; the contract is the union of all of them
 * (src-shared/capabilities/index.ts lists them). Command and event names start with a prefix the capability
 * owns (`tftp.*`); contract-surface.test.ts checks that no two capabilities claim the same name.
 */
export interface SharedCapability<Id extends string = string, C extends CommandMap = CommandMap, E extends EventMap = EventMap> {
  id: Id;
  /** One plain sentence: what this capability does for the user. */
  summary: string;
  commands: C;
  events: E;
}

export function defineCapability<const Id extends string, C extends CommandMap, E extends EventMap>(d: SharedCapability<Id, C, E>): SharedCapability<Id, C, E> {
  return d;
}

/** The intersection of a union: merges the command (or event) maps of every capability into one type. */
export type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** Merge maps, refusing a name two capabilities both claim (a programming mistake, caught at start-up and by tests). */
export function mergeMaps<T extends object>(maps: ReadonlyArray<{ id: string; map: object }>): T {
  const out: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const { id, map } of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`contract name ${name} is claimed by both ${owner[name]} and ${id}`);
      out[name] = spec;
      owner[name] = id;
    }
  }
  return out as T;
}
