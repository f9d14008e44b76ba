import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime, decimal, rate } from '../../format';
import { useApp } from '../../app/store';
import type { RbError } from '../../../src-shared/contract';
import type { NmrpGrant, NmrpImageCheck, NmrpRun, NmrpStage, NmrpStageName } from '../../../src-shared/capabilities/nmrp/contract';
import { NMRP_REGIONS } from '../../../src-shared/capabilities/nmrp/codec';
import { latest, useNmrp, writingSince } from './store';
import { useT, type T } from '../../i18n';
import { localizeError, type MessageId } from '../../../src-shared/i18n';
import { stageDoNow, stageSay, stageWarning } from './words';
import { sayIn } from '../../../src-shared/i18n/said';

/** The stages a seller sees, in order, with their plain names. */
const STEPS: { id: NmrpStageName[]; title: MessageId }[] = [
  { id: ['checking-image'], title: 'nmrp.step.check' },
  { id: ['preparing-network', 'waiting-for-cable'], title: 'nmrp.step.prepare' },
  { id: ['advertising', 'router-found'], title: 'nmrp.step.find' },
  { id: ['configured', 'upload-requested'], title: 'nmrp.step.asks' },
  { id: ['uploading', 'uploaded'], title: 'nmrp.step.send' },
  { id: ['writing'], title: 'nmrp.step.write' },
  { id: ['done'], title: 'nmrp.step.done' },
];

/** What the file is, in the language shown, made from the check's facts. */
function imageWords(t: T, c: NmrpImageCheck): string {
  if (c.kind === 'dni-img' && c.board) return t('nmrp.image.dni', { board: c.board, model: c.model ?? 'none' });
  if (c.kind === 'netgear-chk') return c.board ? t('nmrp.image.chk', { board: c.board, model: c.model ?? 'none' }) : t('nmrp.image.chkUnknown');
  return sayIn(t, c.sayMsg, c.say);
}

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
        {label}: {decimal(pct)} %
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
  const t = useT();
  const words = t(phase === 'waiting' ? 'nmrp.led.waiting' : phase === 'writing' ? 'nmrp.led.writing' : 'nmrp.led.done');
  return (
    <div className="fs-led" data-testid="nmrp-led">
      <span className="fs-led-dot" style={{ animationDuration: phase === 'done' ? '0.5s' : '1s' }} aria-hidden="true" />
      <p>{words}</p>
    </div>
  );
}

function Guide() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="nmrp-guide-title">
      <h2 id="nmrp-guide-title">{t('nmrp.guide.title')}</h2>
      <ol className="nmrp-guide">
        <li>
          <strong>{t('nmrp.guide.off')}</strong> {t('nmrp.guide.offWhy')}
        </li>
        <li>
          <strong>{t('nmrp.guide.cable')}</strong> {t('nmrp.guide.cableWhy')}
        </li>
        <li>
          <strong>{t('nmrp.guide.start')}</strong> {t('nmrp.guide.startWhy')}
        </li>
        <li>{t('nmrp.guide.wait')}</li>
      </ol>
      <PowerLed phase="waiting" />
      <p className="fs-hint">{t('nmrp.guide.permission')}</p>
    </section>
  );
}

function ImageCard({ check, confirmed, setConfirmed }: { check: NmrpImageCheck; confirmed: boolean; setConfirmed: (b: boolean) => void }) {
  const t = useT();
  if (check.fault) return <ErrorCard error={check.fault} />;
  return (
    <div className="nmrp-image" data-testid="nmrp-image" data-kind={check.kind}>
      <p className="fs-result ok">{imageWords(t, check)}</p>
      <p>{t('nmrp.image.facts', { file: check.fileName, size: bytes(check.size), version: check.version ?? 'none', region: check.region ?? 'none' })}</p>
      {check.warnings.map((w, i) => (
        <p key={w} className="note">
          {sayIn(t, check.warningsMsg?.[i], w)}
        </p>
      ))}
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="nmrp-confirm" />
        {t('nmrp.image.label')} <strong>&nbsp;{check.board ?? t('nmrp.image.sameModel')}</strong>
      </label>
    </div>
  );
}

function SetupPanel() {
  const api = useApi();
  const t = useT();
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
      <h2 id="nmrp-setup-title">{t('nmrp.setup.title')}</h2>
      <p className="lead">{t('nmrp.setup.lead')}</p>
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
          {t('nmrp.setup.file')}
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('nmrp.setup.fileExample')} data-testid="nmrp-file" />
        </label>
        <button type="submit" className="btn" disabled={busy || !file.trim()} data-testid="nmrp-check">
          {t('nmrp.setup.check')}
        </button>
      </form>
      {check && check.file === file.trim() && <ImageCard check={check} confirmed={confirmed} setConfirmed={setConfirmed} />}
      <div className="controls" style={{ marginTop: 16 }}>
        <label>
          {t('nmrp.setup.cable')}
          <input list="nmrp-ifaces" value={iface} onChange={(e) => setIface(e.target.value)} placeholder={t('nmrp.setup.cableExample')} data-testid="nmrp-interface" />
          <datalist id="nmrp-ifaces">
            {wired.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name}
                {i.carrier === true ? t('nmrp.setup.cableIn') : i.carrier === false ? t('nmrp.setup.noCable') : ''}
                {i.virtual ? t('nmrp.setup.virtual') : ''}
              </option>
            ))}
          </datalist>
        </label>
        <button type="button" className="btn" disabled={finding} onClick={() => void findCable()} data-testid="nmrp-find-cable">
          {finding ? t('nmrp.setup.findWaiting') : t('nmrp.setup.find')}
        </button>
        <label>
          {t('nmrp.setup.region')}
          <select value={region} onChange={(e) => setRegion(e.target.value)} data-testid="nmrp-region">
            <option value="">{t('nmrp.setup.keepRegion')}</option>
            {Object.keys(NMRP_REGIONS).map((r) => (
              <option key={r} value={r} data-i18n-data="region code">
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {found && found === iface && (
        <p className="note" data-testid="nmrp-found">
          {t('nmrp.setup.found', { name: found })}
        </p>
      )}
      <details className="more">
        <summary>{t('nmrp.setup.more')}</summary>
        <div className="controls">
          <label>
            {t('nmrp.setup.timeout')}
            <input value={timeout} onChange={(e) => setTimeoutS(e.target.value)} inputMode="numeric" />
          </label>
          <label>
            {t('nmrp.setup.routerAddress')}
            <input value={routerIp} onChange={(e) => setRouterIp(e.target.value)} />
          </label>
          <label>
            {t('nmrp.setup.hostAddress')}
            <input value={hostIp} onChange={(e) => setHostIp(e.target.value)} />
          </label>
        </div>
      </details>
      <div className="fs-choices">
        <button type="button" className="btn primary big" disabled={busy || !ready} onClick={() => void start()} data-testid="nmrp-start">
          {t('nmrp.setup.start')}
        </button>
      </div>
      {!ready && <p className="fs-hint">{!check ? t('nmrp.setup.needCheck') : !confirmed ? t('nmrp.setup.needLabel') : !iface.trim() ? t('nmrp.setup.needCable') : ''}</p>}
      {error && <ErrorCard error={error} />}
    </section>
  );
}

/** The OS's own password prompt for the raw-frame permission (pkexec setcap on Linux, /dev/bpf* on macOS). */
function GrantButton() {
  const api = useApi();
  const t = useT();
  const [said, setSaid] = useState<NmrpGrant | undefined>();
  const [error, setError] = useState<RbError | undefined>();
  return (
    <div className="fs-choices" data-testid="nmrp-grant">
      <button
        type="button"
        className="btn primary"
        onClick={() => {
          setError(undefined);
          api.invoke('nmrp.grant', {}).then(
            (g) => setSaid(g),
            (err: unknown) => setError(asRbError(err)),
          );
        }}
      >
        {t('nmrp.grant.button')}
      </button>
      {said && <p className="fs-result ok">{sayIn(t, said.sayMsg, said.say)}</p>}
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
  const t = useT();
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
        answered ? t(web ? 'nmrp.boot.answersWeb' : 'nmrp.boot.answers', { address: c.target }) : t('nmrp.boot.silent', { address: c.target }),
        c.dhcp.state === 'present' ? (c.dhcp.offered ? t('nmrp.boot.dhcpOffered', { offered: c.dhcp.offered }) : t('nmrp.boot.dhcp')) : '',
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
      <p className="fs-question">{t('nmrp.boot.question')}</p>
      <div className="controls">
        <label>
          {t('nmrp.boot.address')}
          <input value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <button type="button" className="btn" disabled={busy} onClick={() => void check()}>
          {busy ? t('nmrp.boot.checking') : t('nmrp.boot.check')}
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
  const t = useT();
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
              <span className="fs-step-title">{t(st.title)}</span>
              {last && <span className="fs-took">{clockTime(last.at, false)}</span>}
            </div>
            {last && state !== 'todo' && <p className="fs-evidence">{stageSay(t, last)}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function RunPanel({ run }: { run: NmrpRun }) {
  const api = useApi();
  const t = useT();
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
        <h2 id="nmrp-run-title">{run.interface ? t('nmrp.run.titleOn', { name: run.interface }) : t('nmrp.run.title')}</h2>
        {running && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              api.invoke('nmrp.cancel', {}).catch((err: unknown) => setError(asRbError(err)));
            }}
            data-testid="nmrp-cancel"
          >
            {t('nmrp.run.stop')}
          </button>
        )}
      </div>
      <p className="fs-do-now" aria-live="assertive" data-testid="nmrp-do-now">
        {done
          ? lastStage?.doNow
            ? stageDoNow(t, lastStage)
            : t('nmrp.run.switchOffOn')
          : doNow
            ? stageDoNow(t, doNow)
            : stage
              ? stageSay(t, stage)
              : t('nmrp.run.starting')}
      </p>
      {done && (
        <p className="fs-result ok" data-testid="nmrp-done">
          {t('nmrp.run.done', {
            file: run.image?.fileName ?? t('nmrp.run.theFirmware'),
            board: run.image?.board ?? 'none',
            sha: uploaded?.sha256 ? uploaded.sha256.slice(0, 16) : 'none',
            size: uploaded ? bytes(uploaded.bytes) : '',
          })}
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
          <Bar value={progress.bytes} max={progress.total} label={t('nmrp.run.sending')} />
          <p className="fs-hint">
            {t('nmrp.run.progress', { done: bytes(progress.bytes), total: bytes(progress.total), rate: rate(progress.bytesPerSecond) })}
            {left !== undefined ? t('nmrp.run.left', { seconds: Math.ceil(left) }) : ''}
          </p>
        </>
      )}
      {since !== undefined && running && (
        <div data-testid="nmrp-writing">
          <p className="fs-question">
            {keepAlives ? t('nmrp.run.writingForBusy', { time: mmss(now - since), count: keepAlives }) : t('nmrp.run.writingFor', { time: mmss(now - since) })}
          </p>
          <PowerLed phase="writing" />
        </div>
      )}
      {done && <PowerLed phase="done" />}
      {done && <BootCheck iface={run.interface} />}
      <details className="more">
        <summary>{t('nmrp.run.details')}</summary>
        <ul className="fs-evidence" data-testid="nmrp-log">
          {run.stages.map((s, i) => (
            <li key={i}>
              <span className="mono">{clockTime(s.at)}</span> <span data-i18n-data="stage name">{s.stage}</span>: {stageSay(t, s)}
              {s.routerMac ? t('nmrp.run.router', { mac: s.routerMac }) : ''}
              {s.warning ? ` — ${stageWarning(t, s)}` : ''}
            </li>
          ))}
          {lastStage && (
            <li>
              {t('nmrp.run.ignored', {
                malformed: lastStage.counters.malformed,
                ignored: lastStage.counters.ignored,
                confAcks: lastStage.counters.confAcks,
                keepAlives: lastStage.counters.keepAlives,
              })}
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
  const t = useT();
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
        <h2 id="nmrp-steps-title">{t('nmrp.steps')}</h2>
        <Timeline run={run} />
      </section>
    </div>
  );
}
