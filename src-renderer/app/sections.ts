import type { Section } from './capability';
import { rendererCapabilityList, type SectionId } from '../capabilities';

/** The sections in navigation order: each capability that has one brings it in its descriptor. */
export const SECTIONS: Section<SectionId>[] = rendererCapabilityList.flatMap((c) => (c.section ? [c.section as Section<SectionId>] : []));
