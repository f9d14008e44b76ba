import type { Section } from './capability';
import type { LooseRendererCapability } from './capability';
import { rendererCapabilities, type SectionId } from '../capabilities';

export type { Section, SectionId };

/** The sections in navigation order: each capability that has one brings it in its descriptor. */
export const SECTIONS: Section<SectionId>[] = (rendererCapabilities as readonly LooseRendererCapability[]).flatMap((c) => (c.section ? [c.section as Section<SectionId>] : []));
