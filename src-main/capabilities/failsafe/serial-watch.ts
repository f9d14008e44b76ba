/**
 * What the serial path into failsafe reports to the playbook (the port itself belongs to the serial service; see
 * serialViaService in rescue.ts): the preinit prompt, the automatic `f` + Enter, and "- failsafe -".
 */
export type SerialEventKind = 'serial-prompt' | 'serial-sent-f' | 'serial-failsafe';
export interface SerialEvent {
  kind: SerialEventKind;
  at: number;
  text: string;
}
