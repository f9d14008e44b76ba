import type { Section } from './capability';
import { rendererCapabilityList, type SectionId } from '../capabilities';
import type { MessageId } from '../../src-shared/i18n';

/** The sections in navigation order: each capability that has one brings it in its descriptor. */
export const SECTIONS: Section<SectionId>[] = rendererCapabilityList.flatMap((c) => (c.section ? [c.section as Section<SectionId>] : []));

/**
 * Each section's label and hint in the catalogue (the descriptor's English is the source text; a test keeps
 * the two the same). Keyed by section id, so a new section without words does not compile.
 */
export const SECTION_WORDS: Record<SectionId, { label: MessageId; hint: MessageId }> = {
  failsafe: { label: 'section.failsafe.label', hint: 'section.failsafe.hint' },
  console: { label: 'section.console.label', hint: 'section.console.hint' },
  tftp: { label: 'section.tftp.label', hint: 'section.tftp.hint' },
  flash: { label: 'section.flash.label', hint: 'section.flash.hint' },
  firmware: { label: 'section.firmware.label', hint: 'section.firmware.hint' },
  upgrade: { label: 'section.upgrade.label', hint: 'section.upgrade.hint' },
  recover: { label: 'section.recover.label', hint: 'section.recover.hint' },
  devices: { label: 'section.devices.label', hint: 'section.devices.hint' },
  net: { label: 'section.net.label', hint: 'section.net.hint' },
  nmrp: { label: 'section.nmrp.label', hint: 'section.nmrp.hint' },
  practice: { label: 'section.practice.label', hint: 'section.practice.hint' },
  jobs: { label: 'section.jobs.label', hint: 'section.jobs.hint' },
  station: { label: 'section.station.label', hint: 'section.station.hint' },
};
