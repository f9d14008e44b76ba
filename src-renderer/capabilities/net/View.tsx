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
import { useT } from '../../i18n';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The technician's view: every connection, which one the router is on, a check for any router address, the addresses set. */
export function NetView() {
  const api = useApi();
  const t = useT();
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
    const timer = setTimeout(() => void refresh(), 1500);
    return () => clearTimeout(timer);
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
          <h2 id="net-if-title">{t('net.view.connections')}</h2>
          <div className="controls">
            <button type="button" className="btn" onClick={() => void run('cable', async () => setCable((await api.invoke('net.which-cable', { timeoutMs: 60_000 })).interface))} disabled={busy !== undefined} data-testid="net-which-cable">
              {t(busy === 'cable' ? 'net.view.plugNow' : 'net.view.whichCable')}
            </button>
            <button type="button" className="btn" onClick={() => void refresh()}>
              {t('net.view.refresh')}
            </button>
          </div>
        </div>
        {cable && (
          <p className="status" data-testid="net-cable-found">
            {t('net.view.cableFound', { iface: cable })}
          </p>
        )}
        <div className="flash-table-wrap">
          <table className="events" data-testid="net-interfaces">
            <thead>
              <tr>
                <th>{t('net.col.name')}</th>
                <th>{t('net.col.kind')}</th>
                <th>{t('net.col.link')}</th>
                <th>{t('net.col.addresses')}</th>
                <th>{t('net.col.manager')}</th>
              </tr>
            </thead>
            <tbody>
              {interfaces.map((i) => (
                <tr key={i.name} data-if={i.name} className={cable === i.name ? 'flagged' : undefined}>
                  <td className="mono" data-i18n-data="interface name and MAC">
                    {i.name}
                    <div className="muted">{i.mac}</div>
                  </td>
                  <td>{kindText(t, i)}</td>
                  <td>{linkText(t, i)}</td>
                  <td className="mono">
                    {i.addresses.length === 0 ? <span className="muted">{t('net.view.none')}</span> : i.addresses.map((a) => <div key={a}>{a}{i.dynamic.includes(a) ? <span className="tag" data-i18n-data="technical name">DHCP</span> : null}{leases.some((l) => l.interface === i.name && l.address === a && l.added) ? <span className="tag ok">Rescue Bench</span> : null}</div>)}
                  </td>
                  <td>{i.managedBy ? <span data-i18n-data="NetworkManager's own words">{`${i.managedBy} (${i.managerState})`}</span> : <span className="muted">{t('net.view.nobody')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">
          {networkManager === 'running' ? t('net.view.nmRunning') : networkManager === 'absent' ? t('net.view.nmAbsent') : ''}
          {note ? ` ${note}` : ''}
        </p>
      </section>

      <section className="card" aria-labelledby="net-check-title">
        <h2 id="net-check-title">{t('net.check.title')}</h2>
        <form
          className="controls"
          onSubmit={(e) => {
            e.preventDefault();
            void run('check', async () => setCheck(await api.invoke('net.check', { target, ...(need ? { need } : {}), ...(iface ? { interface: iface } : {}) })));
          }}
        >
          <label>
            {t('net.check.target')}
            <input value={target} onChange={(e) => setTarget(e.target.value.trim())} aria-invalid={!targetOk} data-testid="net-target" />
          </label>
          <label>
            {t('net.check.need')}
            <input value={need} placeholder="192.168.0.66/24" onChange={(e) => setNeed(e.target.value.trim())} aria-invalid={!needOk} data-testid="net-need" />
          </label>
          <label>
            {t('net.check.iface')}
            <select value={iface} onChange={(e) => setIface(e.target.value)} data-testid="net-iface">
              <option value="">{t('net.check.findIt')}</option>
              {cableCandidates(interfaces).map((i) => (
                <option key={i.name} value={i.name}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn primary" disabled={!targetOk || !needOk || busy !== undefined} data-testid="net-check">
            {t(busy === 'check' ? 'net.check.checking' : 'net.check.go')}
          </button>
          {need && (
            <button type="button" className="btn" disabled={!targetOk || !needOk} onClick={() => setStepFor({ target, need })} data-testid="net-show-step">
              {t('net.check.showStep')}
            </button>
          )}
        </form>
        {check && (
          <div data-testid="net-check-result" data-ready={check.ready}>
            <p className="status">
              {t('net.check.result', { target: check.target, subnet: check.subnet, iface: check.interface ?? 'none', ready: check.ready ? 'yes' : 'no' })}
              {check.probe
                ? ` ${t('net.check.probe', {
                    mac: check.probe.arpMac ?? '—',
                    ping: t('net.check.ping', { answered: check.probe.icmp ? 'yes' : 'no' }),
                    ports: Object.entries(check.probe.tcp)
                      .map(([p, open]) => t('net.check.port', { port: p, state: open ? 'open' : check.probe!.tcpRefused.includes(Number(p)) ? 'refused' : 'silent' }))
                      .join(', '),
                  })}`
                : ''}{' '}
              · {t('net.check.dhcp', { state: check.dhcp.state, how: check.dhcp.how })} · {clockTime(check.at, true)}
            </p>
            <Findings findings={check.findings} />
          </div>
        )}
      </section>

      {stepFor && <NetworkStep key={`${stepFor.target} ${stepFor.need}`} target={stepFor.target} need={stepFor.need} />}

      <section className="card" aria-labelledby="net-leases-title">
        <h2 id="net-leases-title">{t('net.leases.title')}</h2>
        {leases.length === 0 ? (
          <p className="empty">{t('net.leases.none')}</p>
        ) : (
          <ul className="net-leases" data-testid="net-leases">
            {leases.map((l) => (
              <li key={`${l.interface} ${l.address}`} data-state={l.state}>
                <span className="mono">
                  {t('net.leases.on', { address: l.address, iface: l.interface })}
                </span>{' '}
                <span className={`tag${l.state === 'lost' ? ' warn' : ' ok'}`}>{t(l.state === 'lost' ? 'net.leases.lost' : 'net.leases.active')}</span>
                {l.readded > 0 && <span className="tag">{t('net.leases.readded', { count: l.readded })}</span>}
                {l.arp.map((a) => (
                  <span key={a.ip} className="tag">
                    {a.ip} → {a.mac}
                  </span>
                ))}{' '}
                {l.added ? (
                  <button type="button" className="btn small" onClick={() => void run('remove', async () => void (await api.invoke('net.address.remove', { interface: l.interface, address: l.address })))}>
                    {t('net.leases.remove')}
                  </button>
                ) : (
                  <span className="muted">{t('net.leases.before')}</span>
                )}
                {l.error && <ErrorCard error={l.error} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      {linkLog.length > 0 && (
        <section className="card" aria-labelledby="net-log-title">
          <h2 id="net-log-title">{t('net.log.title')}</h2>
          <ul className="net-log mono" data-testid="net-link-log">
            {linkLog.slice(0, 12).map((e) => (
              <li key={`${e.at}-${e.interface}`}>
                {clockTime(e.at, true)} {e.interface}: {t(e.up ? (e.carrier ? 'net.log.link' : 'net.log.noLink') : 'net.log.off')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <ErrorCard error={error} />}
    </div>
  );
}
