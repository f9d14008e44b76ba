import { useEffect, useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes } from '../../format';
import { usePlaybook } from '../playbook/store';
import { useFirmware } from '../firmware/store';
import { InterruptedCard, StepPanel, Timeline } from '../failsafe';
import { FLASH_PLAYBOOK_ID, STOCK_PLAYBOOK_ID, type StockReport, type UpgradeProgress, type UpgradeStart } from '../../../src-shared/capabilities/upgrade';
import type { SessionTarget } from '../../../src-shared/capabilities/device';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { useUpgrade } from './store';
import { usePractice } from '../practice/store';

const OURS = new Set([FLASH_PLAYBOOK_ID, STOCK_PLAYBOOK_ID]);

function elapsed(s: number): string {
  const t = Math.round(s);
  return t < 60 ? `${t} s` : `${Math.floor(t / 60)} min ${String(t % 60).padStart(2, '0')} s`;
}

type WaitPhase = NonNullable<UpgradeProgress['phase']>;
const PHASES: Array<{ id: WaitPhase; label: string }> = [
  { id: 'writing', label: 'Writing the firmware' },
  { id: 'restarting', label: 'Restarting: nothing answers' },
  { id: 'starting', label: 'Starting: it answers ping' },
  { id: 'back', label: 'Its login or web page answers' },
];

/** What the router has shown so far while Rescue Bench waits (ping, ARP and its ports, looked at once a second). */
function WaitPhases({ phase }: { phase: WaitPhase }) {
  const at = PHASES.findIndex((x) => x.id === phase);
  return (
    <ol className="up-phases" aria-label="What the router shows" data-testid="up-wait-phases">
      {PHASES.map((x, i) => (
        <li key={x.id} className={i < at ? 'done' : i === at ? 'now' : ''} aria-current={i === at ? 'step' : undefined}>
          {i < at ? '✓ ' : ''}
          {x.label}
        </li>
      ))}
    </ol>
  );
}

/** The bar under "do this now": percent, speed and time left for the copy; elapsed time while the router writes. */
function ProgressCard({ p }: { p: UpgradeProgress }) {
  if (p.stage === 'upload') {
    const pct = p.total ? Math.min(100, Math.floor((100 * p.done) / p.total)) : 0;
    return (
      <section className="card" data-testid="up-progress" data-stage="upload">
        <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Copy to the router">
          <div style={{ width: `${pct}%` }} />
          <span>
            Copy to the router: {pct}% · {bytes(p.done)} of {bytes(p.total)}
            {p.rate ? ` · ${bytes(Math.round(p.rate))}/s` : ''}
            {p.etaS !== undefined ? ` · about ${elapsed(p.etaS)} left` : ''}
          </span>
        </div>
        <p className="fs-hint">{p.text}. Nothing is written to the router's flash until the router has checked the copy.</p>
      </section>
    );
  }
  if (p.stage === 'wait')
    return (
      <section className="card up-wait" data-testid="up-progress" data-stage="wait" aria-live="polite">
        <p className="up-elapsed">{elapsed(p.done)}</p>
        <p className="up-wait-text">{p.text}</p>
        {p.phase && <WaitPhases phase={p.phase} />}
        <p className="fs-hint">It can take up to {elapsed(p.total)}. It is safe to unplug only after Rescue Bench says "Done".</p>
      </section>
    );
  return null;
}

/** Both firmware slots of a Linksys router as a small partition map: which one runs, which one starts next. */
function SlotMap({ report }: { report: StockReport }) {
  return (
    <div className="up-slots" data-testid="up-slots">
      {report.slots.map((s) => (
        <div key={s.slot} className={`up-slot${s.running ? ' running' : ''}`} data-testid={`up-slot-${s.slot}`}>
          <h3>
            Slot {s.slot} {s.running && <span className="tag">running now</span>} {s.bootsNext && <span className="tag">starts next</span>}
          </h3>
          <p className="mono">
            {s.kernel ? `${s.kernel.name} (mtd${s.kernel.index}) ${bytes(s.kernel.size)}` : 'no kernel partition'}
            <br />
            {s.rootfs ? `${s.rootfs.name} (mtd${s.rootfs.index}) ${bytes(s.rootfs.size)}` : ''}
          </p>
          {report.plan.steps
            .filter((st) => st.slot === s.slot)
            .map((st) => (
              <p key={st.id} className="up-slot-plan">
                Gets: {st.image.fileName}
              </p>
            ))}
        </div>
      ))}
    </div>
  );
}

function PlanCard({ report }: { report: StockReport }) {
  const p = report.plan;
  return (
    <section className="card" data-testid="up-plan" data-ok={String(p.ok)}>
      <h2>The plan for the {p.model}</h2>
      <p>
        {p.layoutEvidence}
        {report.release ? `. It runs ${report.release}` : ''}.
      </p>
      <SlotMap report={report} />
      {p.ok ? (
        <ol className="up-plan-steps">
          {p.steps.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> → slot {s.slot}. {s.why}
              <br />
              <span className="fs-hint">{s.image.hash.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        p.refusal && <ErrorCard error={p.refusal} title="Not possible yet" />
      )}
      {p.userReported && (
        <p className="note" data-testid="up-user-reported">
          <strong>User-reported path:</strong> {p.userReported}
        </p>
      )}
      {p.warnings.map((w) => (
        <p key={w} className="note">
          {w}
        </p>
      ))}
    </section>
  );
}

/** The bar belongs to its step: the copy's bar is gone once the router checks the image. */
function progressStepActive(run: RunSnapshot, p: UpgradeProgress): boolean {
  const active = run.steps.find((s) => s.state === 'active')?.id;
  if (active === 'intermediate') return p.stage !== 'settings-backup';
  return (p.stage === 'upload' && active === 'upload') || (p.stage === 'wait' && active === 'wait');
}

/**
 * After a failed Linksys flash: the recovery action (make U-Boot start the slot that still holds the old firmware),
 * offered only once the router answered a read of its boot settings, with "slot N" typed as confirmation.
 */
function BootSlotCard({ target, slot }: { target: SessionTarget; slot: 1 | 2 }) {
  const api = useApi();
  const st = useUpgrade((s) => s.slot);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    void useUpgrade.getState().checkSlot(api, target, slot);
    // once per failed run and slot; the target's object identity changes on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, slot, target.host]);
  if (!st || st.slot !== slot || !st.check) return null;
  const c = st.check;
  if (st.done)
    return (
      <section className="card" data-testid="up-slot-done" role="status">
        <p className="fs-result ok">
          Done: the router will start slot {slot} (boot_part={st.done.env.boot_part}, bootcmd={st.done.env.bootcmd}, read back from the router).
        </p>
        <p>Restart the router now (switch it off and on). It starts the firmware in slot {slot}.</p>
      </section>
    );
  const want = `slot ${slot}`;
  return (
    <section className="card" data-testid="up-slot" aria-labelledby="up-slot-title">
      <h2 id="up-slot-title">Start the other slot instead</h2>
      <p>
        The router still answers. It is set to start slot {c.before.boot_part ?? '?'}. Slot {slot} still holds the firmware it ran before.
        {c.changes.length
          ? ` Rescue Bench can set it to start slot ${slot} (${c.changes.map((x) => `${x.name}: ${x.from || 'none'} → ${x.to}`).join(', ')}): its next restart then starts that firmware instead of trying slot ${c.before.boot_part ?? 'the other slot'} again.`
          : ` It already starts slot ${slot}.`}
      </p>
      {c.changes.length > 0 && (
        <div className="controls">
          <label>
            <span>
              Type <b>{want}</b> to confirm
            </span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="up-slot-confirm" />
          </label>
          <button type="button" className="btn primary" disabled={st.busy || typed.trim() !== want} onClick={() => void useUpgrade.getState().setSlot(api, target, slot, typed.trim())} data-testid="up-slot-btn">
            Start slot {slot} next time
          </button>
        </div>
      )}
      {st.error && <ErrorCard error={st.error} />}
    </section>
  );
}

export function UpgradeView() {
  const api = useApi();
  const run = usePlaybook((s) => (s.run && OURS.has(s.run.playbookId) ? s.run : undefined));
  const interrupted = usePlaybook((s) => (s.interrupted && OURS.has(s.interrupted.snapshot.playbookId) ? s.interrupted : undefined));
  const progress = useUpgrade((s) => s.progress);
  const plan = useUpgrade((s) => s.plan);
  const outcome = useUpgrade((s) => s.outcome);
  const error = useUpgrade((s) => s.error);
  const busy = useUpgrade((s) => s.busy);
  const checked = useFirmware((s) => s.report);
  const [mode, setMode] = useState<UpgradeStart['mode']>('flash');
  const [host, setHost] = useState('192.168.1.1');
  const [method, setMethod] = useState<SessionTarget['method']>('auto');
  const [password, setPassword] = useState('');
  const [file, setFile] = useState('');
  const [intermediate, setIntermediate] = useState('');
  const [sha, setSha] = useState('');
  const image = file.trim() || checked?.path || '';
  const running = run?.state === 'running';
  // with the practice router running, the flow goes to it on this computer (decision 0091)
  const pr = usePractice((s) => s.state);
  const practice = pr.ready && pr.target ? pr.target : undefined;
  useEffect(() => {
    if (!practice) return;
    setHost(practice.routerAddress);
    setMethod('ssh');
    if (pr.scenario === 'factory-firmware') setMode('return-to-stock');
  }, [practice?.routerAddress, practice?.sshPort, pr.scenario]);

  useEffect(() => {
    if (run && run.state !== 'running') void useUpgrade.getState().refreshOutcome(api);
  }, [api, run?.state, run]);

  const onPractice = !!practice && host.trim() === practice.routerAddress;
  const target: SessionTarget = { host: host.trim(), method, user: 'root', hostKeyPolicy: 'remember', ...(password ? { password } : {}), ...(onPractice ? { port: practice!.sshPort } : {}) };
  const req = (): UpgradeStart => ({
    mode,
    target,
    file: image,
    keepSettings: mode === 'flash' ? 'auto' : 'no-keep',
    force: false,
    dryRun: false,
    returnTimeoutS: 420,
    ...(onPractice ? { webPort: practice!.webPort, practice: true } : {}),
    ...(mode === 'return-to-stock' && sha.trim() ? { sha256: sha.trim() } : {}),
    ...(mode === 'return-to-stock' && intermediate.trim() ? { intermediate: intermediate.trim() } : {}),
  });

  const verified = run?.state === 'done' && outcome?.verified && outcome.run?.runId === run.runId ? outcome.verified : undefined;
  return (
    <div className="up-view" data-testid="upgrade-view">
      {interrupted && !run && <InterruptedCard it={interrupted} />}
      {verified && (
        <section className="card" data-testid="up-done" role="status">
          <p className="fs-result ok">{verified.text}</p>
          <p>It is safe to unplug the router now.</p>
          {verified.hostKeyNote && <p className="fs-hint">{verified.hostKeyNote}</p>}
          {outcome?.settingsBackup && <p className="fs-hint">Your settings backup: {outcome.settingsBackup}</p>}
        </section>
      )}
      {!running && (
        <section className="card" aria-labelledby="up-start-title" data-testid="up-start">
          <h2 id="up-start-title">{mode === 'flash' ? 'Put new firmware on the router' : 'Return a Linksys router to its factory firmware'}</h2>
          <div className="controls" role="radiogroup" aria-label="What to do">
            <label className="up-mode">
              <input type="radio" name="up-mode" checked={mode === 'flash'} onChange={() => setMode('flash')} data-testid="up-mode-flash" /> New firmware (OpenWrt update)
            </label>
            <label className="up-mode">
              <input type="radio" name="up-mode" checked={mode === 'return-to-stock'} onChange={() => setMode('return-to-stock')} data-testid="up-mode-stock" /> Back to factory firmware (Linksys WRT)
            </label>
          </div>
          {onPractice && (
            <p className="note practice-note" data-testid="up-practice">
              <span className="practice-badge">PRACTICE</span> This will talk to the practice router on this computer, not to a real router.{' '}
              {practice?.images && (
                <button type="button" className="btn small" onClick={() => setFile(mode === 'return-to-stock' ? practice.images!.vendor : practice.images!.openwrt)} data-testid="up-practice-file">
                  {mode === 'return-to-stock' ? 'Use the practice Linksys file' : 'Use the practice OpenWrt file'}
                </button>
              )}
            </p>
          )}
          <p>
            {mode === 'flash'
              ? 'Rescue Bench checks the image first, copies it to the router, lets the router check it too, writes it and waits until the router runs it. About 5 minutes. Keep the cable plugged in.'
              : 'For selling a Linksys WRT32X (and family) that runs OpenWrt: Rescue Bench reads both firmware slots, checks the files, says the plan, and only then writes. About 5 to 10 minutes.'}
          </p>
          <div className="controls">
            <label>
              Router address
              <input value={host} onChange={(e) => setHost(e.target.value)} data-testid="up-host" />
            </label>
            <label>
              Connect with
              <select value={method} onChange={(e) => setMethod(e.target.value as SessionTarget['method'])} data-testid="up-method">
                <option value="auto">Automatic (SSH, then telnet)</option>
                <option value="ssh">SSH</option>
                <option value="telnet">Telnet (old rescue mode)</option>
              </select>
            </label>
            <label>
              Router password (empty if none)
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="up-password" />
            </label>
          </div>
          <div className="controls">
            <label className="grow">
              {mode === 'flash' ? 'Firmware image' : "The maker's firmware (e.g. FW_WRT32X_1.0.180404.58.img)"}
              <input value={file} placeholder={checked?.path ?? 'Path of the image on this computer'} onChange={(e) => setFile(e.target.value)} data-testid="up-file" />
            </label>
            {mode === 'return-to-stock' && (
              <>
                <label className="grow">
                  OpenWrt 19.07.9 factory image (needed from the newer 6 MB layout)
                  <input value={intermediate} onChange={(e) => setIntermediate(e.target.value)} data-testid="up-intermediate" />
                </label>
                <label className="grow">
                  SHA-256 from the maker's page (optional)
                  <input value={sha} onChange={(e) => setSha(e.target.value)} data-testid="up-sha256" />
                </label>
              </>
            )}
          </div>
          {!file.trim() && checked && <p className="fs-hint">Using the image checked on the Firmware check page: {checked.fileName}.</p>}
          <div className="controls">
            {mode === 'return-to-stock' && (
              <button type="button" className="btn" disabled={busy || !image || !host.trim()} onClick={() => void useUpgrade.getState().planStock(api, { target, file: image, ...(sha.trim() ? { sha256: sha.trim() } : {}), ...(intermediate.trim() ? { intermediate: intermediate.trim() } : {}) })} data-testid="up-plan-btn">
                Show the plan (changes nothing)
              </button>
            )}
            <button type="button" className="btn primary big" disabled={busy || !image || !host.trim() || (mode === 'return-to-stock' && !plan?.plan.ok)} onClick={() => void useUpgrade.getState().start(api, req())} data-testid="up-start-btn">
              {mode === 'flash' ? 'Start' : 'Return to factory firmware'}
            </button>
          </div>
        </section>
      )}
      {error && <ErrorCard error={error} />}
      {mode === 'return-to-stock' && plan && !running && !verified && <PlanCard report={plan} />}
      {run && (
        <div className="fs-guide">
          <div>
            {running && <StepPanel run={run} />}
            {running && progress && progress.runId === run.runId && progressStepActive(run, progress) && <ProgressCard p={progress} />}
            {run.state !== 'running' && !verified && run.summary && <p className={`fs-result ${run.state === 'done' ? 'ok' : 'bad'}`}>{run.summary}</p>}
            {run.state !== 'running' && run.state !== 'done' && !verified && plan?.plan.runningSlot && <BootSlotCard target={target} slot={plan.plan.runningSlot} />}
          </div>
          <Timeline run={run} />
        </div>
      )}
    </div>
  );
}
