import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime } from '../../format';
import { useApp } from '../../app/store';
import type { RbError } from '../../../src-shared/contract';
import type { NmrpImageCheck, NmrpRun, NmrpStage, NmrpStageName } from '../../../src-shared/capabilities/nmrp/contract';
import { NMRP_REGIONS } from '../../../src-shared/capabilities/nmrp/codec';
import { latest, useNmrp, writingSince } from './store';

/** The stages a seller sees, in order, with their plain names. */
const STEPS: { id: NmrpStageName[]; title: string }[] = [
  { id: ['checking-image'], title: 'Check the firmware file' },
  { id: ['preparing-network', 'waiting-for-cable'], title: 'Prepare this computer' },
  { id: ['advertising', 'router-found'], title: 'Find the router' },
  { id: ['configured', 'upload-requested'], title: 'The router asks for the firmware' },
  { id: ['uploading', 'uploaded'], title: 'Send the firmware' },
  { id: ['writing'], title: 'The router writes it' },
  { id: ['done'], title: 'Finished' },
];

function mmss(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.min(100, Math.floor((value / max) * 100)) : 0;
  return (
    <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label} data-testid="nmrp-progress">
      <div style={{ width: `${pct}%` }} />
      <span>
        {label}: {pct}%
      </span>
    </div>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** What the router's power light does, in words as well as the animated dot (colour is never the only signal). */
function PowerLed({ phase }: { phase: 'waiting' | 'writing' | 'done' }) {
  const words =
    phase === 'waiting'
      ? 'When you switch it on, the power light comes on and, on most models, blinks while the router looks for this computer.'
      : phase === 'writing'
        ? 'While it writes, the power light blinks (about once a second on most models). Do not switch it off.'
        : 'Finished: on most models the power light keeps blinking, faster or in another colour, until you switch the router off.';
  return (
    <div className="fs-led" data-testid="nmrp-led">
      <span className="fs-led-dot" style={{ animationDuration: phase === 'done' ? '0.5s' : '1s' }} aria-hidden="true" />
      <p>{words}</p>
    </div>
  );
}

function Guide() {
  return (
    <section className="card" aria-labelledby="nmrp-guide-title">
      <h2 id="nmrp-guide-title">Before you start</h2>
      <ol className="nmrp-guide">
        <li>
          <strong>Switch the router off.</strong> No button is needed: the router looks for this computer every time it starts, for about a second.
        </li>
        <li>
          <strong>Connect a cable</strong> from this computer straight to one of the router&apos;s <strong>LAN ports (1–4, usually yellow)</strong> — not the
          Internet port, and no switch in between.
        </li>
        <li>
          Press <strong>Start</strong>. When the screen says <strong>&quot;Switch the router on now&quot;</strong>, switch it on.
        </li>
        <li>The router takes the firmware, writes it (a few minutes) and then waits. Switch it off and on again when the screen says so.</li>
      </ol>
      <PowerLed phase="waiting" />
      <p className="fs-hint">
        This is Netgear&apos;s NMRP (a rescue mode built into the router&apos;s bootloader, the small program that starts it). It needs permission to
        send raw network frames; if this computer asks for your password, that is why.
      </p>
    </section>
  );
}

function ImageCard({ check, confirmed, setConfirmed }: { check: NmrpImageCheck; confirmed: boolean; setConfirmed: (b: boolean) => void }) {
  if (check.fault) return <ErrorCard error={check.fault} />;
  return (
    <div className="nmrp-image" data-testid="nmrp-image" data-kind={check.kind}>
      <p className="fs-result ok">{check.say}</p>
      <p>
        {check.fileName}, {bytes(check.size)}
        {check.version ? `, version ${check.version}` : ''}
        {check.region ? `, ${check.region}` : ''}.
      </p>
      {check.warnings.map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="nmrp-confirm" />
        The label under my router says <strong>&nbsp;{check.board ?? 'the same model'}</strong>
      </label>
    </div>
  );
}

function SetupPanel() {
  const api = useApi();
  const interfaces = useApp((s) => s.interfaces);
  const untested = useNmrp((s) => s.run.untested);
  const check = useNmrp((s) => s.check);
  const setCheck = useNmrp((s) => s.setCheck);
  const [file, setFile] = useState(check?.file ?? '');
  const [iface, setIface] = useState('');
  const [region, setRegion] = useState('');
  const [timeout, setTimeoutS] = useState('10');
  const [routerIp, setRouterIp] = useState('10.164.183.253/24');
  const [hostIp, setHostIp] = useState('10.164.183.252');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState<string | undefined>();
  const [cables, setCables] = useState<{ name: string; carrier: boolean | null; virtual: boolean }[] | undefined>();
  // the network assistant's list says which connections are wired and which have a cable in
  useEffect(() => {
    let live = true;
    // .catch also covers a reply this screen cannot read: the list then falls back to the app's interface list
    api
      .invoke('net.list', {})
      .then((l) => {
        if (live) setCables(l.interfaces.filter((i) => i.wired && !i.loopback).map((i) => ({ name: i.name, carrier: i.carrier, virtual: i.virtual })));
      })
      .catch(() => {
        if (live) setCables(undefined);
      });
    return () => {
      live = false;
    };
  }, [api]);
  const wired = cables ?? interfaces.filter((i) => !i.internal).map((i) => ({ name: i.name, carrier: null, virtual: false }));
  const findCable = async () => {
    setFinding(true);
    setError(undefined);
    try {
      const { interface: name } = await api.invoke('net.which-cable', { timeoutMs: 60_000 });
      setIface(name);
      setFound(name);
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setFinding(false);
    }
  };

  const doCheck = async () => {
    setBusy(true);
    setError(undefined);
    setConfirmed(false);
    try {
      setCheck(await api.invoke('nmrp.check', { file: file.trim() }));
    } catch (err) {
      setCheck(undefined);
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const run = await api.invoke('nmrp.start', {
        interface: iface.trim(),
        file: file.trim(),
        timeoutS: Number(timeout),
        routerIp: routerIp.trim(),
        hostIp: hostIp.trim(),
        boardConfirmed: confirmed,
        ...(region ? { region: region as keyof typeof NMRP_REGIONS } : {}),
      });
      useNmrp.getState().replace(run);
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };
  const ready = !!check && !check.fault && confirmed && iface.trim() !== '' && check.file === file.trim();

  return (
    <section className="card" aria-labelledby="nmrp-setup-title">
      <h2 id="nmrp-setup-title">Recover a Netgear router</h2>
      <p className="lead">Puts Netgear&apos;s factory firmware (or OpenWrt&apos;s &quot;factory&quot; image) back on a router that no longer starts. It takes about 5 minutes.</p>
      {untested && (
        <p className="note" data-testid="nmrp-untested-setup">
          {untested}
        </p>
      )}
      <form
        className="controls"
        onSubmit={(e) => {
          e.preventDefault();
          void doCheck();
        }}
      >
        <label style={{ flex: '1 1 24em' }}>
          Firmware file (.chk or .img)
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder="/home/me/firmware/R7800-V1.0.2.94.img" data-testid="nmrp-file" />
        </label>
        <button type="submit" className="btn" disabled={busy || !file.trim()} data-testid="nmrp-check">
          Check the file
        </button>
      </form>
      {check && check.file === file.trim() && <ImageCard check={check} confirmed={confirmed} setConfirmed={setConfirmed} />}
      <div className="controls" style={{ marginTop: 16 }}>
        <label>
          Cable to the router (wired connection)
          <input list="nmrp-ifaces" value={iface} onChange={(e) => setIface(e.target.value)} placeholder="eth0" data-testid="nmrp-interface" />
          <datalist id="nmrp-ifaces">
            {wired.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name}
                {i.carrier === true ? ' — cable in' : i.carrier === false ? ' — no cable' : ''}
                {i.virtual ? ' (virtual)' : ''}
              </option>
            ))}
          </datalist>
        </label>
        <button type="button" className="btn" disabled={finding} onClick={() => void findCable()} data-testid="nmrp-find-cable">
          {finding ? 'Waiting: plug the cable in and switch the router on…' : 'Find it for me'}
        </button>
        <label>
          Region (only if Netgear support says so)
          <select value={region} onChange={(e) => setRegion(e.target.value)} data-testid="nmrp-region">
            <option value="">Keep the router&apos;s own</option>
            {Object.keys(NMRP_REGIONS).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {found && found === iface && (
        <p className="note" data-testid="nmrp-found">
          The router is on the connection {found}. Switch the router off again now; you switch it on after pressing Start.
        </p>
      )}
      <details className="more">
        <summary>More settings (technicians)</summary>
        <div className="controls">
          <label>
            Reply timeout (s; Orbi and RAX: 60)
            <input value={timeout} onChange={(e) => setTimeoutS(e.target.value)} inputMode="numeric" />
          </label>
          <label>
            Router address
            <input value={routerIp} onChange={(e) => setRouterIp(e.target.value)} />
          </label>
          <label>
            This computer&apos;s address
            <input value={hostIp} onChange={(e) => setHostIp(e.target.value)} />
          </label>
        </div>
      </details>
      <div className="fs-choices">
        <button type="button" className="btn primary big" disabled={busy || !ready} onClick={() => void start()} data-testid="nmrp-start">
          Start
        </button>
      </div>
      {!ready && <p className="fs-hint">{!check ? 'Check the firmware file first.' : !confirmed ? 'Compare the board name with the label under the router, then tick the box.' : !iface.trim() ? 'Choose the wired connection the router is plugged into.' : ''}</p>}
      {error && <ErrorCard error={error} />}
    </section>
  );
}

/** The OS's own password prompt for the raw-frame permission (pkexec setcap on Linux, /dev/bpf* on macOS). */
function GrantButton() {
  const api = useApi();
  const [said, setSaid] = useState<string | undefined>();
  const [error, setError] = useState<RbError | undefined>();
  return (
    <div className="fs-choices" data-testid="nmrp-grant">
      <button
        type="button"
        className="btn primary"
        onClick={() => {
          setError(undefined);
          api.invoke('nmrp.grant', {}).then(
            (g) => setSaid(g.say),
            (err: unknown) => setError(asRbError(err)),
          );
        }}
      >
        Allow (asks for your password)
      </button>
      {said && <p className="fs-result ok">{said}</p>}
      {error && <ErrorCard error={error} />}
    </div>
  );
}

/**
 * Optional, after the user switched the router off and on: does the new firmware answer? The network assistant's
 * check (ARP, ping, the web and SSH ports, a DHCP server on the cable) at the router's usual address.
 */
function BootCheck({ iface }: { iface: string | undefined }) {
  const api = useApi();
  const [target, setTarget] = useState('192.168.1.1');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | undefined>();
  const [error, setError] = useState<RbError | undefined>();
  const check = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const c = await api.invoke('net.check', { target: target.trim(), tcpPorts: [80, 22], ...(iface ? { interface: iface } : {}) });
      const p = c.probe;
      const web = p?.tcp['80'] === true;
      const answered = !!p && (p.icmp || web || p.tcp['22'] === true || !!p.arpMac);
      const lines = [
        answered ? `The router answers at ${c.target}${web ? ' and shows its web page' : ''}: the new firmware has started.` : `Nothing answers at ${c.target} yet.`,
        c.dhcp.state === 'present' ? `It gives out addresses (DHCP${c.dhcp.offered ? `, offered ${c.dhcp.offered}` : ''}): its firmware is running.` : '',
        ...c.findings.filter((f) => f.level === 'warn' || f.level === 'bad').map((f) => `${f.title} ${f.meaning}`),
      ].filter(Boolean);
      setResult({ ok: answered || c.dhcp.state === 'present', lines });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fs-prompt" data-testid="nmrp-boot-check">
      <p className="fs-question">After you switched it on again (give it 3 minutes): check that it starts?</p>
      <div className="controls">
        <label>
          The router&apos;s usual address
          <input value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <button type="button" className="btn" disabled={busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check that it started'}
        </button>
      </div>
      {result && (
        <div className={`fs-result ${result.ok ? 'ok' : 'bad'}`} data-testid="nmrp-boot-result" data-ok={String(result.ok)}>
          {result.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      )}
      {error && <ErrorCard error={error} />}
    </div>
  );
}

function stepState(run: NmrpRun, idx: number): 'done' | 'active' | 'failed' | 'todo' {
  const seen = run.stages.map((s) => STEPS.findIndex((st) => st.id.includes(s.stage)));
  const current = Math.max(-1, ...seen);
  if (run.state === 'done') return 'done';
  if (idx < current) return 'done';
  if (idx === current) return run.state === 'failed' || run.state === 'cancelled' ? 'failed' : 'active';
  return 'todo';
}

function Timeline({ run }: { run: NmrpRun }) {
  return (
    <ol className="fs-steps" data-testid="nmrp-steps">
      {STEPS.map((st, i) => {
        const state = stepState(run, i);
        const last = [...run.stages].reverse().find((s) => st.id.includes(s.stage));
        return (
          <li key={st.title} className={`fs-step ${state === 'todo' ? '' : state}`} data-state={state}>
            <div className="fs-step-head">
              <span className="fs-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'failed' ? '✗' : state === 'active' ? '…' : '·'}
              </span>
              <span className="fs-step-title">{st.title}</span>
              {last && <span className="fs-took">{clockTime(last.at, false)}</span>}
            </div>
            {last && state !== 'todo' && <p className="fs-evidence">{last.say}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function RunPanel({ run }: { run: NmrpRun }) {
  const api = useApi();
  const progress = useNmrp((s) => s.progress);
  const { stage, doNow } = latest(run);
  const since = writingSince(run);
  const running = run.state === 'running';
  const now = useNow(running);
  const [error, setError] = useState<RbError | undefined>();
  const uploading = stage?.stage === 'uploading' || (stage?.stage === 'upload-requested' && !!progress);
  const keepAlives = [...run.stages].reverse().find((s) => s.keepAlives !== undefined)?.keepAlives;
  const done = run.state === 'done';
  const lastStage: NmrpStage | undefined = run.stages.at(-1);
  const uploaded = run.stages.find((s) => s.stage === 'uploaded')?.upload;
  const left = progress && progress.bytesPerSecond > 0 ? (progress.total - progress.bytes) / progress.bytesPerSecond : undefined;

  return (
    <section className="card" aria-labelledby="nmrp-run-title" data-testid="nmrp-run" data-state={run.state}>
      <div className="card-head">
        <h2 id="nmrp-run-title">Netgear recovery{run.interface ? ` on ${run.interface}` : ''}</h2>
        {running && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              api.invoke('nmrp.cancel', {}).catch((err: unknown) => setError(asRbError(err)));
            }}
            data-testid="nmrp-cancel"
          >
            Stop
          </button>
        )}
      </div>
      <p className="fs-do-now" aria-live="assertive" data-testid="nmrp-do-now">
        {done ? (lastStage?.doNow ?? 'Switch the router off, wait 10 seconds and switch it on again.') : (doNow ?? stage?.say ?? 'Starting…')}
      </p>
      {done && (
        <p className="fs-result ok" data-testid="nmrp-done">
          Done. The router took {run.image?.fileName ?? 'the firmware'}
          {run.image?.board ? ` (for the ${run.image.board})` : ''}
          {uploaded?.sha256 ? `, ${bytes(uploaded.bytes)}, SHA-256 ${uploaded.sha256.slice(0, 16)}…` : ''} and wrote it. It is safe to switch it off now.
        </p>
      )}
      {run.fault && !done && <ErrorCard error={run.fault} />}
      {run.fault?.code === 'NMRP_NO_RAW_PRIVILEGE' && <GrantButton />}
      {run.untested && (
        <p className="note" data-testid="nmrp-untested">
          {run.untested}
        </p>
      )}
      {uploading && progress && (
        <>
          <Bar value={progress.bytes} max={progress.total} label="Sending the firmware" />
          <p className="fs-hint">
            {bytes(progress.bytes)} of {bytes(progress.total)} · {bytes(progress.bytesPerSecond)}/s{left !== undefined ? ` · about ${Math.ceil(left)} s left` : ''}
          </p>
        </>
      )}
      {since !== undefined && running && (
        <div data-testid="nmrp-writing">
          <p className="fs-question">
            Writing for {mmss(now - since)} — usually 2 to 5 minutes{keepAlives ? ` (the router said it is busy ${keepAlives} times)` : ''}.
          </p>
          <PowerLed phase="writing" />
        </div>
      )}
      {done && <PowerLed phase="done" />}
      {done && <BootCheck iface={run.interface} />}
      <details className="more">
        <summary>Details (NMRP messages)</summary>
        <ul className="fs-evidence" data-testid="nmrp-log">
          {run.stages.map((s, i) => (
            <li key={i}>
              <span className="mono">{clockTime(s.at)}</span> {s.stage}: {s.say}
              {s.routerMac ? ` (router ${s.routerMac})` : ''}
              {s.warning ? ` — ${s.warning}` : ''}
            </li>
          ))}
          {lastStage && (
            <li>
              Ignored: {lastStage.counters.malformed} broken and {lastStage.counters.ignored} other frames; {lastStage.counters.confAcks} settings answers,{' '}
              {lastStage.counters.keepAlives} keep-alives.
            </li>
          )}
        </ul>
      </details>
      {error && <ErrorCard error={error} />}
    </section>
  );
}

/**
 * Netgear recovery: before a run, the file check with the label confirmation beside the guide; during and after
 * one, the one thing to do now beside the steps (and the set-up again once it has ended).
 */
export function NmrpView() {
  const run = useNmrp((s) => s.run);
  if (run.state === 'idle')
    return (
      <div className="fs-guide">
        <SetupPanel />
        <Guide />
      </div>
    );
  return (
    <div className="fs-guide">
      <div>
        <RunPanel run={run} />
        {run.state !== 'running' && <SetupPanel />}
      </div>
      <section className="card" aria-labelledby="nmrp-steps-title">
        <h2 id="nmrp-steps-title">Steps</h2>
        <Timeline run={run} />
      </section>
    </div>
  );
}
