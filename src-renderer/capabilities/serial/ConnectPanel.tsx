import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { PortDatalist } from '../../components/PortDatalist';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { useSerial } from './store';
import { AUTOBAUD_RATES } from '../../../src-shared/capabilities/serial/contract';
import type { RbError } from '../../../src-shared/contract';

export const BAUD_CHOICES = [...AUTOBAUD_RATES].sort((a, b) => a - b);

/** Pick a port and its settings, then open it. Several can be open at once (one tab each). */
export function ConnectPanel() {
  const api = useApi();
  const ports = useSerial((s) => s.ports);
  const note = useSerial((s) => s.portsNote);
  const profiles = useSerial((s) => s.profiles);
  const [path, setPath] = useState('');
  const [baud, setBaud] = useState(115200);
  const [dataBits, setDataBits] = useState<5 | 6 | 7 | 8>(8);
  const [parity, setParity] = useState<'none' | 'even' | 'odd' | 'mark' | 'space'>('none');
  const [stopBits, setStopBits] = useState<1 | 1.5 | 2>(1);
  const [flow, setFlow] = useState<'none' | 'rtscts' | 'xonxoff'>('none');
  const [profile, setProfile] = useState('generic');
  const [autoStop, setAutoStop] = useState(true);
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  // Once the person has put the cursor in the port field, a port list arriving late must not change it.
  const touched = useRef(false);

  const refresh = async (): Promise<void> => {
    try {
      const ports = await useSerial.getState().refreshPorts(api);
      // only fill in a port when the person has not typed one meanwhile
      const first = ports[0]?.path;
      if (first && !touched.current) setPath((p) => p || first);
    } catch (err) {
      setError(asRbError(err));
    }
  };
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const open = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await useSerial.getState().open(api, { path: path.trim(), settings: { baud, dataBits, parity, stopBits, flow }, profile, autoStop });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="console-connect-title">
      <h2 id="console-connect-title">Connect a serial cable</h2>
      <p className="lead">
        Connect the router's serial pins (TX, RX and ground) to a USB serial adapter at 3.3 V. Pick the adapter below and open it, then switch the router on:
        its bootloader (U-Boot, the small program that starts the router) talks here first.
      </p>
      <form
        className="controls console-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label className="console-wide">
          Serial port
          <input list="console-port-list" value={path} onFocus={() => (touched.current = true)} onChange={(e) => { touched.current = true; setPath(e.target.value); }} placeholder="/dev/ttyUSB0 or COM3" spellCheck={false} required data-testid="console-path" />
          <PortDatalist id="console-port-list" ports={ports} />
        </label>
        <label>
          Speed (baud)
          <select value={baud} onChange={(e) => setBaud(Number(e.target.value))} data-testid="console-baud">
            {BAUD_CHOICES.map((b) => (
              <option key={b} value={b}>
                {b}
                {b === 115200 ? ' (most routers)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Router type
          <select value={profile} onChange={(e) => setProfile(e.target.value)} data-testid="console-profile">
            {(profiles.length ? profiles : [{ id: 'generic', label: 'Any router' }]).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox" title="When U-Boot counts down, press a key (or type the router's stop word) for you, so it waits for commands">
          <input type="checkbox" checked={autoStop} onChange={(e) => setAutoStop(e.target.checked)} data-testid="console-autostop" /> Stop U-Boot's countdown for me
        </label>
        <button type="submit" className="btn primary" disabled={busy || !path.trim()} data-testid="console-open">
          {busy ? 'Opening…' : 'Open console'}
        </button>
        <button type="button" className="btn" onClick={() => void refresh()}>
          Refresh list
        </button>
      </form>
      <details className="advanced">
        <summary>More settings (data bits, parity, stop bits, flow control)</summary>
        <div className="controls">
          <label>
            Data bits
            <select value={dataBits} onChange={(e) => setDataBits(Number(e.target.value) as 5 | 6 | 7 | 8)}>
              {[8, 7, 6, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            Parity
            <select value={parity} onChange={(e) => setParity(e.target.value as typeof parity)}>
              {['none', 'even', 'odd', 'mark', 'space'].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            Stop bits
            <select value={stopBits} onChange={(e) => setStopBits(Number(e.target.value) as 1 | 1.5 | 2)}>
              {[1, 1.5, 2].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label>
            Flow control
            <select value={flow} onChange={(e) => setFlow(e.target.value as typeof flow)}>
              <option value="none">none (routers)</option>
              <option value="rtscts">RTS/CTS (hardware)</option>
              <option value="xonxoff">XON/XOFF (software)</option>
            </select>
          </label>
        </div>
      </details>
      {ports.length === 0 && !note && <p className="empty">No serial adapter found. Plug one in and choose "Refresh list", or type its name.</p>}
      {note && <p className="note">{note}</p>}
      {error && <ErrorCard error={error} />}
    </section>
  );
}
