/** The serial ports this computer lists, as suggestions for a port field (`<input list={id}>`). */
export function PortDatalist({ id, ports }: { id: string; ports: ReadonlyArray<{ path: string; label: string }> }) {
  return (
    <datalist id={id}>
      {ports.map((p) => (
        <option key={p.path} value={p.path}>
          {p.label}
        </option>
      ))}
    </datalist>
  );
}
