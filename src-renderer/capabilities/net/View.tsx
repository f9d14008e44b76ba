import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { clockTime } from '../../format';
import type { RbError } from '../../../src-shared/contract';
import type { NetCheck } from '../../../src-shared/capabilities/net/contract';
import { useNet } from './store';
import { Findings } from './Findings';
import { NetworkStep } from './NetworkStep';
import { cableCandidates, kindText, linkText } from './words';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The technician's view: every connection, which one the router is on, a check for any router address, the addresses set. */
export function NetView() {
  const api = useApi();
  const interfaces = useNet((s) => s.interfaces);
  const networkManager = useNet((s) => s.networkManager);
  const note = useNet((s) => s.platformNote);
  const leases = useNet((s) => s.leases);
  const linkLog = useNet((s) => s.linkLog);
  const [error, setError] = useState<RbError | undefined>();
  const [target, setTarget] = useState('192.168.0.1');
  const [need, setNeed] = useState('');
  const [iface, setIface] = useState('');
  const [check, setCheck] = useState<NetCheck | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [cable, setCable] = useState<string | undefined>();
  const [stepFor, setStepFor] = useState<{ target: string; need: string } | undefined>();

  const refresh = useCallback(async () => {
    try {
      const r = await api.invoke('net.list', {});
      useNet.getState().setInterfaces(r.interfaces, r.networkManager, r.note);
    } catch (e) {
      setError(asRbError(e));
    }
  }, [api]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // A link change may come with addresses (DHCP) a moment later: read the table again.
  const lastLink = linkLog[0]?.at;
  useEffect(() => {
    if (lastLink === undefined) return;
    const t = setTimeout(() => void refresh(), 1500);
    return () => clearTimeout(t);
  }, [lastLink, refresh]);

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(asRbError(e));
    } finally {
      setBusy(undefined);
    }
  };
  const needOk = need === '' || /^[\d.]+\/\d{1,2}$/.test(need);
  const targetOk = IPV4.test(target);

  return (
    <div className="net-view">
      <section className="card" aria-labelledby="net-if-title">
        <div className="card-head">
          <h2 id="net-if-title">This computer’s connections</h2>
          <div className="controls">
            <button type="button" className="btn" onClick={() => void run('cable', async () => setCable((await api.invoke('net.which-cable', { timeoutMs: 60_000 })).interface))} disabled={busy !== undefined} data-testid="net-which-cable">
              {busy === 'cable' ? 'Plug the cable in now…' : 'Which one is the router’s cable?'}
            </button>
            <button type="button" className="btn" onClick={() => void refresh()}>
              Refresh
            </button>
          </div>
        </div>
        {cable && (
          <p className="status" data-testid="net-cable-found">
            The router’s cable is in {cable}.
          </p>
        )}
        <div className="flash-table-wrap">
          <table className="events" data-testid="net-interfaces">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Link</th>
                <th>Addresses</th>
                <th>Looked after by</th>
              </tr>
            </thead>
            <tbody>
              {interfaces.map((i) => (
                <tr key={i.name} data-if={i.name} className={cable === i.name ? 'flagged' : undefined}>
                  <td className="mono">
                    {i.name}
                    <div className="muted">{i.mac}</div>
                  </td>
                  <td>{kindText(i)}</td>
                  <td>{linkText(i)}</td>
                  <td className="mono">
                    {i.addresses.length === 0 ? <span className="muted">none</span> : i.addresses.map((a) => <div key={a}>{a}{i.dynamic.includes(a) ? <span className="tag">DHCP</span> : null}{leases.some((l) => l.interface === i.name && l.address === a && l.added) ? <span className="tag ok">Rescue Bench</span> : null}</div>)}
                  </td>
                  <td>{i.managedBy ? `${i.managedBy} (${i.managerState})` : <span className="muted">nobody</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          {networkManager === 'running' ? 'NetworkManager runs on this computer: while Rescue Bench sets an address it asks NetworkManager to leave that connection alone, and gives it back afterwards.' : networkManager === 'absent' ? 'No NetworkManager on this computer.' : ''}
          {note ? ` ${note}` : ''}
        </p>
      </section>

      <section className="card" aria-labelledby="net-check-title">
        <h2 id="net-check-title">Check a router’s network</h2>
        <form
          className="controls"
          onSubmit={(e) => {
            e.preventDefault();
            void run('check', async () => setCheck(await api.invoke('net.check', { target, ...(need ? { need } : {}), ...(iface ? { interface: iface } : {}) })));
          }}
        >
          <label>
            Router’s address
            <input value={target} onChange={(e) => setTarget(e.target.value.trim())} aria-invalid={!targetOk} data-testid="net-target" />
          </label>
          <label>
            This computer needs (optional)
            <input value={need} placeholder="192.168.0.66/24" onChange={(e) => setNeed(e.target.value.trim())} aria-invalid={!needOk} data-testid="net-need" />
          </label>
          <label>
            Connection
            <select value={iface} onChange={(e) => setIface(e.target.value)} data-testid="net-iface">
              <option value="">Find it</option>
              {cableCandidates(interfaces).map((i) => (
                <option key={i.name} value={i.name}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn primary" disabled={!targetOk || !needOk || busy !== undefined} data-testid="net-check">
            {busy === 'check' ? 'Checking…' : 'Check'}
          </button>
          {need && (
            <button type="button" className="btn" disabled={!targetOk || !needOk} onClick={() => setStepFor({ target, need })} data-testid="net-show-step">
              Show the seller’s step
            </button>
          )}
        </form>
        {check && (
          <div data-testid="net-check-result" data-ready={check.ready}>
            <p className="status">
              {check.target} in {check.subnet}
              {check.interface ? `, looked at ${check.interface}` : ''}: {check.ready ? 'nothing stands in the way.' : 'see the points marked ! or ✗.'}
              {check.probe ? ` ARP ${check.probe.arpMac ?? '—'} · ping ${check.probe.icmp ? 'yes' : 'no'} · TCP ${Object.entries(check.probe.tcp).map(([p, open]) => `${p} ${open ? 'open' : check.probe!.tcpRefused.includes(Number(p)) ? 'refused' : 'silent'}`).join(', ')}` : ''} · DHCP {check.dhcp.state}
              {check.dhcp.how !== 'none' ? ` (${check.dhcp.how})` : ''} · {clockTime(check.at, true)}
            </p>
            <Findings findings={check.findings} />
          </div>
        )}
      </section>

      {stepFor && <NetworkStep key={`${stepFor.target} ${stepFor.need}`} target={stepFor.target} need={stepFor.need} />}

      <section className="card" aria-labelledby="net-leases-title">
        <h2 id="net-leases-title">Addresses Rescue Bench set</h2>
        {leases.length === 0 ? (
          <p className="empty">None. Rescue Bench removes each address it sets when the recovery ends, or when you remove it here.</p>
        ) : (
          <ul className="net-leases" data-testid="net-leases">
            {leases.map((l) => (
              <li key={`${l.interface} ${l.address}`} data-state={l.state}>
                <span className="mono">
                  {l.address} on {l.interface}
                </span>{' '}
                <span className={`tag${l.state === 'lost' ? ' warn' : ' ok'}`}>{l.state === 'lost' ? 'lost' : 'active'}</span>
                {l.readded > 0 && <span className="tag">put back {l.readded}×</span>}
                {l.arp.map((a) => (
                  <span key={a.ip} className="tag">
                    {a.ip} → {a.mac}
                  </span>
                ))}{' '}
                {l.added ? (
                  <button type="button" className="btn small" onClick={() => void run('remove', async () => void (await api.invoke('net.address.remove', { interface: l.interface, address: l.address })))}>
                    Remove
                  </button>
                ) : (
                  <span className="muted">(was there before; stays)</span>
                )}
                {l.error && <ErrorCard error={l.error} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      {linkLog.length > 0 && (
        <section className="card" aria-labelledby="net-log-title">
          <h2 id="net-log-title">Link changes</h2>
          <ul className="net-log mono" data-testid="net-link-log">
            {linkLog.slice(0, 12).map((e) => (
              <li key={`${e.at}-${e.interface}`}>
                {clockTime(e.at, true)} {e.interface}: {e.up ? (e.carrier ? 'link' : 'no link') : 'switched off'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <ErrorCard error={error} />}
    </div>
  );
}
