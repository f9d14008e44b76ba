import type { SaidMessage } from '../../src-shared/contract/common';
import { sayText, useT } from '../i18n';

/** The serial ports this computer lists, as suggestions for a port field (`<input list={id}>`); the label in the language shown. */
export function PortDatalist({ id, ports }: { id: string; ports: ReadonlyArray<{ path: string; label: string; labelMsg?: SaidMessage | undefined }> }) {
  const t = useT();
  return (
    <datalist id={id}>
      {ports.map((p) => (
        <option key={p.path} value={p.path}>
          {sayText(t, p.label, p.labelMsg)}
        </option>
      ))}
    </datalist>
  );
}
