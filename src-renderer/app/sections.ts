import type { SectionId } from './store';

export interface Section {
  id: SectionId;
  label: string;
  /** A plain explanation, shown under the label: jargon is explained the first time it appears. */
  hint: string;
}

export const SECTIONS: Section[] = [
  { id: 'failsafe', label: 'Rescue mode', hint: "OpenWrt's failsafe: get back into a locked router" },
  { id: 'console', label: 'Serial console', hint: 'Talk to the bootloader (U-Boot) through a cable' },
  { id: 'tftp', label: 'File server', hint: 'TFTP: how bootloaders fetch firmware' },
  { id: 'flash', label: 'Backup & restore', hint: "Copy the router's memory to this computer" },
  { id: 'firmware', label: 'Firmware check', hint: 'What an image is and whether it fits' },
  { id: 'devices', label: 'Routers', hint: 'Known router models and their quirks' },
];
