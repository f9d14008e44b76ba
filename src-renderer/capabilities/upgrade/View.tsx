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
import { saidAmong, saidMessage, sayText, useT, type T } from '../../i18n';
import { sayIn, type MessageId } from '../../../src-shared/i18n';
import { place } from '../../i18n/place';
import { usePractice } from '../practice/store';

const OURS = new Set([FLASH_PLAYBOOK_ID, STOCK_PLAYBOOK_ID]);

function elapsed(t: T, s: number): string {
  const r = Math.round(s);
  return r < 60 ? t('upgrade.elapsed.s', { s: r }) : t('upgrade.elapsed.min', { m: Math.floor(r / 60), s: String(r % 60).padStart(2, '0') });
}

type WaitPhase = NonNullable<UpgradeProgress['phase']>;
const PHASES: Array<{ id: WaitPhase; label: MessageId }> = [
  { id: 'writing', label: 'upgrade.phase.writing' },
  { id: 'restarting', label: 'upgrade.phase.restarting' },
  { id: 'starting', label: 'upgrade.phase.starting' },
  { id: 'back', label: 'upgrade.phase.back' },
];

/** What the router has shown so far while Rescue Bench waits (ping, ARP and its ports, looked at once a second). */
function WaitPhases({ phase }: { phase: WaitPhase }) {
  const t = useT();
  const at = PHASES.findIndex((x) => x.id === phase);
  return (
    <ol className="up-phases" aria-label={t('upgrade.phases')} data-testid="up-wait-phases">
      {PHASES.map((x, i) => (
        <li key={x.id} className={i < at ? 'done' : i === at ? 'now' : ''} aria-current={i === at ? 'step' : undefined}>
          {i < at ? '✓ ' : ''}
          {t(x.label)}
        </li>
      ))}
    </ol>
  );
}

/** The copy's words from the workstation ("Copying <file> into the router's memory"), in the language shown. */
function copyText(t: T, text: string): string {
  const m = /^Copying (.+) into the router's memory$/.exec(text);
  return m ? t('upgrade.copy.copying', { file: m[1]! }) : `${text}.`;
}

/** The bar under "do this now": percent, speed and time left for the copy; elapsed time while the router writes. */
function ProgressCard({ p }: { p: UpgradeProgress }) {
  const t = useT();
  if (p.stage === 'upload') {
    const pct = p.total ? Math.min(100, Math.floor((100 * p.done) / p.total)) : 0;
    return (
      <section className="card" data-testid="up-progress" data-stage="upload">
        <div className="fw-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('upgrade.copy.label')}>
          <div style={{ width: `${pct}%` }} />
          <span>
            {t('upgrade.copy.bar', { pct, done: bytes(p.done), total: bytes(p.total) })}
            {p.rate ? t('upgrade.copy.rate', { rate: bytes(Math.round(p.rate)) }) : ''}
            {p.etaS !== undefined ? t('upgrade.copy.left', { time: elapsed(t, p.etaS) }) : ''}
          </span>
        </div>
        <p className="fs-hint">
          {p.msg ? sayIn(t, p.msg, p.text) : copyText(t, p.text)} {t('upgrade.copy.hint')}
        </p>
      </section>
    );
  }
  if (p.stage === 'settings-backup')
    // the archive's size is not known before it ends (decision 0156): a moving bar and the bytes so far
    return (
      <section className="card" data-testid="up-progress" data-stage="settings-backup" data-done={p.done}>
        <progress aria-label={t('upgrade.settings.label')} />
        <p>{p.rate ? t('upgrade.settings.bar', { done: bytes(p.done), rate: bytes(Math.round(p.rate)) }) : t('upgrade.settings.barNoRate', { done: bytes(p.done) })}</p>
        <p className="fs-hint">{t('upgrade.settings.hint')}</p>
      </section>
    );
  if (p.stage === 'wait')
    return (
      <section className="card up-wait" data-testid="up-progress" data-stage="wait" aria-live="polite">
        <p className="up-elapsed">{elapsed(t, p.done)}</p>
        <p className="up-wait-text">{sayText(t, p.text, p.msg)}</p>
        {p.phase && <WaitPhases phase={p.phase} />}
        <p className="fs-hint">{t('upgrade.wait.hint', { time: elapsed(t, p.total) })}</p>
      </section>
    );
  return null;
}

/** Both firmware slots of a Linksys router as a small partition map: which one runs, which one starts next. */
function SlotMap({ report }: { report: StockReport }) {
  const t = useT();
  return (
    <div className="up-slots" data-testid="up-slots">
      {report.slots.map((s) => (
        <div key={s.slot} className={`up-slot${s.running ? ' running' : ''}`} data-testid={`up-slot-${s.slot}`}>
          <h3>
            {t('upgrade.slot.title', { slot: s.slot })} {s.running && <span className="tag">{t('upgrade.slot.running')}</span>} {s.bootsNext && <span className="tag">{t('upgrade.slot.next')}</span>}
          </h3>
          <p className="mono">
            {s.kernel ? `${s.kernel.name} (mtd${s.kernel.index}) ${bytes(s.kernel.size)}` : t('upgrade.slot.noKernel')}
            <br />
            {s.rootfs ? `${s.rootfs.name} (mtd${s.rootfs.index}) ${bytes(s.rootfs.size)}` : ''}
          </p>
          {report.plan.steps
            .filter((st) => st.slot === s.slot)
            .map((st) => (
              <p key={st.id} className="up-slot-plan">
                {t('upgrade.slot.gets', { file: st.image.fileName })}
              </p>
            ))}
        </div>
      ))}
    </div>
  );
}

function PlanCard({ report }: { report: StockReport }) {
  const t = useT();
  const p = report.plan;
  return (
    <section className="card" data-testid="up-plan" data-ok={String(p.ok)}>
      <h2>{t('upgrade.plan.title', { model: p.model })}</h2>
      <p>
        {saidMessage(t, p.layoutEvidence, p.layoutEvidenceMsg)}. {report.release ? t('upgrade.plan.runs', { release: report.release }) : ''}
      </p>
      <SlotMap report={report} />
      {/* what the reading of the router warned about (decision 0184): ours from their ids, a router's own line as it came */}
      {report.warnings.map((w) => (
        <p key={w} className="note" data-testid="up-report-warning">
          {saidAmong(t, w, report.warningsMsg)}
        </p>
      ))}
      {p.ok ? (
        <ol className="up-plan-steps">
          {p.steps.map((s) => (
            <li key={s.id}>
              <strong>{saidMessage(t, s.title, s.titleMsg)}</strong> {t('upgrade.plan.step', { slot: s.slot })} {saidMessage(t, s.why, s.whyMsg)}
              <br />
              <span className="fs-hint">{saidMessage(t, s.image.hash.text, s.image.hash.textMsg)}</span>
            </li>
          ))}
        </ol>
      ) : (
        p.refusal && <ErrorCard error={p.refusal} title={t('upgrade.plan.notYet')} />
      )}
      {p.userReported && (
        <p className="note" data-testid="up-user-reported">
          <strong>{t('upgrade.plan.userReported')}</strong> {saidMessage(t, p.userReported, p.userReportedMsg)}
        </p>
      )}
      {p.warnings.map((w) => (
        <p key={w} className="note">
          {saidAmong(t, w, p.warningsMsg)}
        </p>
      ))}
    </section>
  );
}

/** The bar belongs to its step: the copy's bar is gone once the router checks the image. */
function progressStepActive(run: RunSnapshot, p: UpgradeProgress): boolean {
  const active = run.steps.find((s) => s.state === 'active')?.id;
  if (active === 'intermediate') return p.stage !== 'settings-backup';
  // the settings are saved in the backup step, or in the router's check once it says they cannot be kept (-n, -F)
  return (p.stage === 'settings-backup' && (active === 'backup' || active === 'test')) || (p.stage === 'upload' && active === 'upload') || (p.stage === 'wait' && active === 'wait');
}

/**
 * After a failed Linksys flash: the recovery action (make U-Boot start the slot that still holds the old firmware),
 * offered only once the router answered a read of its boot settings, with "slot N" typed as confirmation.
 */
function BootSlotCard({ target, slot }: { target: SessionTarget; slot: 1 | 2 }) {
  const api = useApi();
  const t = useT();
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
          {t('upgrade.bootSlot.done', { slot, bootPart: st.done.env.boot_part ?? '', bootcmd: st.done.env.bootcmd ?? '' })}
        </p>
        <p>{t('upgrade.bootSlot.restart', { slot })}</p>
      </section>
    );
  const want = `slot ${slot}`;
  const now = c.before.boot_part ?? t('upgrade.bootSlot.unknown');
  return (
    <section className="card" data-testid="up-slot" aria-labelledby="up-slot-title">
      <h2 id="up-slot-title">{t('upgrade.bootSlot.title')}</h2>
      <p>
        {t('upgrade.bootSlot.state', { now, slot })}{' '}
        {c.changes.length
          ? t('upgrade.bootSlot.change', { slot, now, changes: c.changes.map((x) => `${x.name}: ${x.from || t('upgrade.bootSlot.none')} → ${x.to}`).join(', ') })
          : t('upgrade.bootSlot.already', { slot })}
      </p>
      {c.changes.length > 0 && (
        <div className="controls">
          <label>
            <span>{place(t, 'upgrade.bootSlot.type', {}, { word: <b>{want}</b> })}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="up-slot-confirm" />
          </label>
          <button type="button" className="btn primary" disabled={st.busy || typed.trim() !== want} onClick={() => void useUpgrade.getState().setSlot(api, target, slot, typed.trim())} data-testid="up-slot-btn">
            {t('upgrade.bootSlot.go', { slot })}
          </button>
        </div>
      )}
      {st.error && <ErrorCard error={st.error} />}
    </section>
  );
}

export function UpgradeView() {
  const api = useApi();
  const t = useT();
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
          <p className="fs-result ok">{sayText(t, verified.text, verified.msg)}</p>
          <p>{t('upgrade.done.unplug')}</p>
          {verified.hostKeyNote && <p className="fs-hint">{sayText(t, verified.hostKeyNote, verified.hostKeyNoteMsg)}</p>}
          {outcome?.settingsBackup && <p className="fs-hint">{t('upgrade.done.settings', { file: outcome.settingsBackup })}</p>}
        </section>
      )}
      {!running && (
        <section className="card" aria-labelledby="up-start-title" data-testid="up-start">
          <h2 id="up-start-title">{mode === 'flash' ? t('upgrade.start.flash') : t('upgrade.start.stock')}</h2>
          <div className="controls" role="radiogroup" aria-label={t('upgrade.mode')}>
            <label className="up-mode">
              <input type="radio" name="up-mode" checked={mode === 'flash'} onChange={() => setMode('flash')} data-testid="up-mode-flash" /> {t('upgrade.mode.flash')}
            </label>
            <label className="up-mode">
              <input type="radio" name="up-mode" checked={mode === 'return-to-stock'} onChange={() => setMode('return-to-stock')} data-testid="up-mode-stock" /> {t('upgrade.mode.stock')}
            </label>
          </div>
          {onPractice && (
            <p className="note practice-note" data-testid="up-practice">
              <span className="practice-badge">{t('upgrade.practice.badge')}</span> {t('upgrade.practice.note')}{' '}
              {practice?.images && (
                <button type="button" className="btn small" onClick={() => setFile(mode === 'return-to-stock' ? practice.images!.vendor : practice.images!.openwrt)} data-testid="up-practice-file">
                  {mode === 'return-to-stock' ? t('upgrade.practice.stockFile') : t('upgrade.practice.openwrtFile')}
                </button>
              )}
            </p>
          )}
          <p>
            {mode === 'flash' ? t('upgrade.lead.flash') : t('upgrade.lead.stock')}
          </p>
          <div className="controls">
            <label>
              {t('upgrade.host')}
              <input value={host} onChange={(e) => setHost(e.target.value)} data-testid="up-host" />
            </label>
            <label>
              {t('upgrade.method')}
              <select value={method} onChange={(e) => setMethod(e.target.value as SessionTarget['method'])} data-testid="up-method">
                <option value="auto">{t('device.method.auto')}</option>
                <option value="ssh">{t('device.method.ssh')}</option>
                <option value="telnet">{t('device.method.telnet')}</option>
              </select>
            </label>
            <label>
              {t('upgrade.password')}
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="up-password" />
            </label>
          </div>
          <div className="controls">
            <label className="grow">
              {mode === 'flash' ? t('upgrade.file.flash') : t('upgrade.file.stock', { example: 'FW_WRT32X_1.0.180404.58.img' })}
              <input value={file} placeholder={checked?.path ?? t('upgrade.file.placeholder')} onChange={(e) => setFile(e.target.value)} data-testid="up-file" />
            </label>
            {mode === 'return-to-stock' && (
              <>
                <label className="grow">
                  {t('upgrade.intermediate')}
                  <input value={intermediate} onChange={(e) => setIntermediate(e.target.value)} data-testid="up-intermediate" />
                </label>
                <label className="grow">
                  {t('upgrade.sha256')}
                  <input value={sha} onChange={(e) => setSha(e.target.value)} data-testid="up-sha256" />
                </label>
              </>
            )}
          </div>
          {!file.trim() && checked && <p className="fs-hint">{t('upgrade.checked', { file: checked.fileName })}</p>}
          <div className="controls">
            {mode === 'return-to-stock' && (
              <button type="button" className="btn" disabled={busy || !image || !host.trim()} onClick={() => void useUpgrade.getState().planStock(api, { target, file: image, ...(sha.trim() ? { sha256: sha.trim() } : {}), ...(intermediate.trim() ? { intermediate: intermediate.trim() } : {}) })} data-testid="up-plan-btn">
                {t('upgrade.showPlan')}
              </button>
            )}
            <button type="button" className="btn primary big" disabled={busy || !image || !host.trim() || (mode === 'return-to-stock' && !plan?.plan.ok)} onClick={() => void useUpgrade.getState().start(api, req())} data-testid="up-start-btn">
              {mode === 'flash' ? t('upgrade.go.flash') : t('upgrade.go.stock')}
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
            {run.state !== 'running' && !verified && run.summary && <p className={`fs-result ${run.state === 'done' ? 'ok' : 'bad'}`}>{sayText(t, run.summary, run.summaryMsg)}</p>}
            {run.state !== 'running' && run.state !== 'done' && !verified && plan?.plan.runningSlot && <BootSlotCard target={target} slot={plan.plan.runningSlot} />}
          </div>
          <Timeline run={run} />
        </div>
      )}
    </div>
  );
}
