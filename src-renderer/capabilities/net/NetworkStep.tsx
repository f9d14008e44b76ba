import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import type { NetCheck, NetInterface, NetLeaseInfo } from '../../../src-shared/capabilities/net/contract';
import { useNet } from './store';
import { Findings } from './Findings';
import { cableCandidates, linkText, speedText } from './words';

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
        Connect this computer to the router
      </h2>
      <ol className="net-step-list">
        <li className={`fs-step ${stage === 'cable' ? 'active' : 'done'}`}>
          {stage === 'cable' ? (
            <>
              <p className="fs-do-now">Plug the cable into a LAN port of the router and into this computer.</p>
              <p className="fs-detail">Use one of the numbered ports (often yellow), not the one marked WAN or Internet. Switch the router on if it is off.</p>
              <p className="status" aria-live="polite" data-testid="net-step-watch">
                {watching ? 'Waiting for the cable… Rescue Bench notices it by itself.' : 'Not watching for the cable.'}
              </p>
              <div className="controls">
                {!watching && (
                  <button type="button" className="btn primary" onClick={() => void watchForCable()}>
                    Watch for the cable again
                  </button>
                )}
                {candidates.length > 0 && (
                  <label>
                    It is plugged in already: choose the connection
                    <select value="" onChange={(e) => e.target.value && void choose(e.target.value)} data-testid="net-step-choose">
                      <option value="">Choose…</option>
                      {candidates.map((i) => (
                        <option key={i.name} value={i.name}>
                          {i.name} — {linkText(i)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            </>
          ) : (
            <p className="fs-step-title" data-testid="net-step-cable">
              ✓ The router’s cable is in <strong>{iface}</strong>
              {chosen ? (chosen.carrier ? ` (it has a link${chosen.speedMbps ? `, ${speedText(chosen.speedMbps)}` : ''})` : ' (no link yet: is the router on?)') : ''}.{' '}
              <button type="button" className="btn small" onClick={() => (setStage('cable'), setCheck(undefined), readySent.current = false)}>
                Not this one
              </button>
            </p>
          )}
        </li>
        {stage !== 'cable' && (
          <li className={`fs-step ${stage === 'address' ? 'active' : 'done'}`}>
            {stage === 'address' ? (
              <>
                <p className="fs-do-now">This computer needs the address {needIp}.</p>
                <p className="fs-detail">
                  The router in recovery mode only talks to {needIp}. Rescue Bench sets it on {iface} for the time of the recovery and removes it afterwards; your other connections stay as they are. Your computer asks for your password, because changing a network address needs an administrator.
                </p>
                <button type="button" className="btn primary big" onClick={() => void setAddress()} disabled={busy} data-testid="net-step-set">
                  {busy ? 'Waiting for permission…' : `Set the address ${needIp}`}
                </button>
              </>
            ) : (
              <p className="fs-step-title" data-testid="net-step-address">
                ✓ This computer has the address {needIp}
                {lease?.added ? ' (set by Rescue Bench, removed when the recovery ends)' : ''}.
              </p>
            )}
          </li>
        )}
        {stage === 'checks' && (
          <li className={`fs-step ${check?.ready ? 'done' : 'active'}`}>
            <p className="fs-step-title">{check?.ready ? 'Nothing stands in the way of the recovery.' : check ? 'Please look at the points marked with ! or ✗.' : 'Checking…'}</p>
            {check && <Findings findings={check.findings} testId="net-step-findings" />}
            <button type="button" className="btn" onClick={() => void runCheck(iface)} disabled={busy}>
              {busy ? 'Checking…' : 'Check again'}
            </button>
          </li>
        )}
      </ol>
      {error && <ErrorCard error={error} />}
    </section>
  );
}
