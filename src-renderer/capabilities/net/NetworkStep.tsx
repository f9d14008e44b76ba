import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import type { NetCheck, NetInterface, NetLeaseInfo } from '../../../src-shared/capabilities/net/contract';
import { useNet } from './store';
import { Findings } from './Findings';
import { cableCandidates, linkText, speedText } from './words';
import { useT } from '../../i18n';

export interface NetworkStepProps {
  /** The router's address in recovery mode, e.g. "192.168.0.86". */
  target: string;
  /** The address this computer must have, with its prefix, e.g. "192.168.0.66/24". */
  need: string;
  /** Plain words for the permission prompt; a default explains the address. */
  reason?: string;
  /**
   * How the address is set. Default: `net.address.add` (a lease that lives until `net.address.remove` or the app
   * ends). A playbook passes its own (its run's NetService lease), so the address ends with the run.
   */
  setAddress?: (iface: string) => Promise<void>;
  /** Called once the cable is found, the address is set and the checks show nothing in the way. */
  onReady?: (r: { interface: string; check: NetCheck; lease?: NetLeaseInfo }) => void;
}

type Stage = 'cable' | 'address' | 'checks';

/**
 * The first step of every recovery, for a seller: plug the cable → which connection it is → the address this
 * computer needs, set with one button that asks the OS for permission → the checks, each with its meaning.
 * The playbook view shows it; the Network section shows it too (technicians can try a router's numbers).
 */
export function NetworkStep({ target, need, reason, setAddress: setAddressVia, onReady }: NetworkStepProps) {
  const api = useApi();
  const t = useT();
  const interfaces = useNet((s) => s.interfaces);
  const leases = useNet((s) => s.leases);
  const needIp = need.split('/')[0] ?? need;
  const [stage, setStage] = useState<Stage>('cable');
  const [iface, setIface] = useState<string | undefined>();
  const [watching, setWatching] = useState(false);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<NetCheck | undefined>();
  const [error, setError] = useState<RbError | undefined>();
  const readySent = useRef(false);
  const lease = leases.find((l) => l.interface === iface && l.address.split('/')[0] === needIp);

  const runCheck = useCallback(
    async (name: string | undefined) => {
      setBusy(true);
      setError(undefined);
      try {
        const c = await api.invoke('net.check', { target, need, ...(name ? { interface: name } : {}) });
        useNet.getState().setCheck(c);
        setCheck(c);
        return c;
      } catch (e) {
        setError(asRbError(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [api, target, need],
  );

  const choose = useCallback(
    async (name: string) => {
      setIface(name);
      const c = await runCheck(name);
      setStage(c?.hasNeed && c.needOn === name ? 'checks' : 'address');
    },
    [runCheck],
  );

  const watchForCable = useCallback(async () => {
    setWatching(true);
    setError(undefined);
    try {
      const r = await api.invoke('net.which-cable', { timeoutMs: 120_000 });
      await choose(r.interface);
    } catch (e) {
      setError(asRbError(e));
    } finally {
      setWatching(false);
    }
  }, [api, choose]);

  // Start: read the connections. Already in the router's network, or exactly one cable with a link: take it.
  useEffect(() => {
    let gone = false;
    void (async () => {
      try {
        const r = await api.invoke('net.list', {});
        if (gone) return;
        useNet.getState().setInterfaces(r.interfaces, r.networkManager, r.note);
        const has = r.interfaces.find((i) => i.addresses.some((a) => a.split('/')[0] === needIp));
        const linked = cableCandidates(r.interfaces).filter((i) => i.carrier === true);
        const physical = linked.filter((i) => !i.virtual);
        const pick = has?.name ?? (physical.length === 1 ? physical[0]!.name : linked.length === 1 ? linked[0]!.name : undefined);
        if (pick) await choose(pick);
        else void watchForCable();
      } catch (e) {
        if (!gone) setError(asRbError(e));
      }
    })();
    return () => {
      gone = true;
    };
    // Once per router: a new target starts the step again.
    // (choose and watchForCable change with target/need, which are the dependencies)
  }, [target, need]);

  useEffect(() => {
    if (check?.ready && iface && stage === 'checks' && !readySent.current) {
      readySent.current = true;
      onReady?.({ interface: iface, check, ...(lease ? { lease } : {}) });
    }
  }, [check, iface, stage, lease, onReady]);

  const setAddress = async () => {
    if (!iface) return;
    setBusy(true);
    setError(undefined);
    try {
      if (setAddressVia) await setAddressVia(iface);
      else await api.invoke('net.address.add', { interface: iface, address: need, keep: false, ...(reason ? { reason } : {}) });
      setBusy(false);
      setStage('checks');
      await runCheck(iface);
    } catch (e) {
      setError(asRbError(e));
    } finally {
      setBusy(false);
    }
  };

  const chosen: NetInterface | undefined = interfaces.find((i) => i.name === iface);
  const candidates = cableCandidates(interfaces);

  return (
    <section className="card net-step" aria-labelledby="net-step-title" data-testid="net-step" data-stage={stage}>
      <h2 id="net-step-title" className="sr-only">
        {t('net.step.title')}
      </h2>
      <ol className="net-step-list">
        <li className={`fs-step ${stage === 'cable' ? 'active' : 'done'}`}>
          {stage === 'cable' ? (
            <>
              <p className="fs-do-now">{t('net.step.plug')}</p>
              <p className="fs-detail">{t('net.step.plugDetail')}</p>
              <p className="status" aria-live="polite" data-testid="net-step-watch">
                {t(watching ? 'net.step.watching' : 'net.step.notWatching')}
              </p>
              <div className="controls">
                {!watching && (
                  <button type="button" className="btn primary" onClick={() => void watchForCable()}>
                    {t('net.step.watchAgain')}
                  </button>
                )}
                {candidates.length > 0 && (
                  <label>
                    {t('net.step.pluggedIn')}
                    <select value="" onChange={(e) => e.target.value && void choose(e.target.value)} data-testid="net-step-choose">
                      <option value="">{t('net.step.choose')}</option>
                      {candidates.map((i) => (
                        <option key={i.name} value={i.name}>
                          {i.name} — {linkText(t, i)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            </>
          ) : (
            <p className="fs-step-title" data-testid="net-step-cable">
              {t('net.step.cableIn')} <strong>{iface}</strong>
              {chosen ? (chosen.carrier ? t('net.step.hasLink', { speed: chosen.speedMbps ? speedText(t, chosen.speedMbps) : 'none' }) : t('net.step.noLink')) : ''}.{' '}
              <button type="button" className="btn small" onClick={() => (setStage('cable'), setCheck(undefined), readySent.current = false)}>
                {t('net.step.notThis')}
              </button>
            </p>
          )}
        </li>
        {stage !== 'cable' && (
          <li className={`fs-step ${stage === 'address' ? 'active' : 'done'}`}>
            {stage === 'address' ? (
              <>
                <p className="fs-do-now">{t('net.step.needs', { ip: needIp })}</p>
                <p className="fs-detail">{t('net.step.needsDetail', { ip: needIp, iface: iface ?? '' })}</p>
                <button type="button" className="btn primary big" onClick={() => void setAddress()} disabled={busy} data-testid="net-step-set">
                  {busy ? t('net.step.waitingPermission') : t('net.step.set', { ip: needIp })}
                </button>
              </>
            ) : (
              <p className="fs-step-title" data-testid="net-step-address">
                {t('net.step.has', { ip: needIp, added: lease?.added ? 'yes' : 'no' })}
              </p>
            )}
          </li>
        )}
        {stage === 'checks' && (
          <li className={`fs-step ${check?.ready ? 'done' : 'active'}`}>
            <p className="fs-step-title">{t(check?.ready ? 'net.step.ready' : check ? 'net.step.look' : 'net.step.checking')}</p>
            {check && <Findings findings={check.findings} testId="net-step-findings" />}
            <button type="button" className="btn" onClick={() => void runCheck(iface)} disabled={busy}>
              {t(busy ? 'net.step.checking' : 'net.step.checkAgain')}
            </button>
          </li>
        )}
      </ol>
      {error && <ErrorCard error={error} />}
    </section>
  );
}
