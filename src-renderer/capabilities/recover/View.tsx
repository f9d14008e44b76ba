import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime, decimal } from '../../format';
import { evidenceText, profileText, saidText, sayText, stepDoNow, stepText, useT, type T } from '../../i18n';
import { english, knownId } from '../../../src-shared/i18n';
import { currentStep, usePlaybook } from '../playbook/store';
import { useFirmware } from '../firmware/store';
import { NetworkStep } from '../net';
import { FLOW_DEFAULTS, RECOVER_PLAYBOOKS, URESCUE_FORCE_WARNING, VENDOR_FLOWS, VENDOR_NAMES, type RecoverProgress, type VendorFlow } from '../../../src-shared/capabilities/recover';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import type { RbError } from '../../../src-shared/contract';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { DEVICE_PROFILES, findDeviceProfile, type DeviceProfile } from '../../../src-shared/profiles/profiles';
import { useRecover } from './store';
import { usePractice } from '../practice/store';
import { PRACTICE_MODELS, PRACTICE_SCENARIOS } from '../../../src-shared/capabilities/practice';

const isRecoverRun = (r: RunSnapshot | undefined): r is RunSnapshot => !!r && r.playbookId.startsWith('recover-');
const modelsOf = (flow: VendorFlow): DeviceProfile[] => DEVICE_PROFILES.filter((p) => p.recovery.flow === flow);

/** A clock that ticks once a second while `on` (for timers). */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [on]);
  return now;
}

/** A playbook's own title in the language shown, when the catalogue has it with the run's words (`playbook.<id>.title`). */
function playbookTitle(t: T, run: RunSnapshot): string {
  const id = knownId(`playbook.${run.playbookId}.title`);
  return id && english(id) === run.title ? t(id) : run.title;
}

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** Pick the maker, the model and the file; check it; start. */
function PickCard({ locked }: { locked: boolean }) {
  const api = useApi();
  const t = useT();
  const { flow, model, file, plan, error, busy, writeSeconds, verifyTimeoutS } = useRecover();
  const st = useRecover.getState();
  const checked = useFirmware((s) => s.report);
  const models = flow ? modelsOf(flow) : [];
  // the practice router with a maker's recovery: the guide goes to it on this computer, with the practice file
  const pr = usePractice((s) => s.state);
  const prModel = pr.ready && pr.scenario ? PRACTICE_MODELS[PRACTICE_SCENARIOS.find((x) => x.id === pr.scenario)!.model] : undefined;
  const practice = prModel?.vendorRecovery && pr.target ? { practice: { routerAddress: pr.target.routerAddress, afterPort: pr.target.webPort }, tftpPort: pr.target.tftpPort, writeSeconds: 10 } : undefined;
  return (
    <section className="card rc-pick" aria-labelledby="rc-pick-title" data-testid="rc-pick">
      <h2 id="rc-pick-title">{t('recover.pick.title')}</h2>
      {practice && pr.target && (
        <p className="note practice-note" data-testid="rc-practice">
          <span className="practice-badge">{t('app.practice.badge')}</span> {t('recover.pick.practice')}{' '}
          {pr.target.images && !locked && (
            <button
              type="button"
              className="btn small"
              onClick={() => {
                st.choose('tplink');
                st.setModel(prModel!.profileId);
                st.setFile(pr.target!.images!.tplink);
              }}
              data-testid="rc-practice-file"
            >
              {t('recover.pick.practiceFile')}
            </button>
          )}
        </p>
      )}
      <p className="note">{t('recover.pick.lead')}</p>
      <div className="rc-makers" role="radiogroup" aria-label={t('recover.pick.maker')}>
        {VENDOR_FLOWS.map((f) => (
          <button key={f} type="button" role="radio" aria-checked={flow === f} className={`btn rc-maker ${flow === f ? 'primary' : ''}`} disabled={locked} onClick={() => st.choose(f)} data-testid={`rc-maker-${f}`}>
            {VENDOR_NAMES[f]}
          </button>
        ))}
      </div>
      {flow && (
        <>
          <label className="rc-field">
            {t('recover.pick.model')}
            <select value={model} disabled={locked} onChange={(e) => st.setModel(e.target.value)} data-testid="rc-model">
              <option value="">{t('recover.pick.notListed', { maker: VENDOR_NAMES[flow], router: FLOW_DEFAULTS[flow].router })}</option>
              {models.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.vendor} {p.model}
                </option>
              ))}
            </select>
          </label>
          <label className="rc-field">
            {t('recover.pick.file')}
            <input type="text" value={file} disabled={locked} onChange={(e) => st.setFile(e.target.value)} placeholder={t('recover.pick.fileExample')} data-testid="rc-file" spellCheck={false} />
          </label>
          {checked?.path && checked.path !== file && !locked && (
            <button type="button" className="btn small" onClick={() => st.setFile(checked.path)} data-testid="rc-use-checked">
              {t('recover.pick.useChecked', { file: checked.fileName })}
            </button>
          )}
          <details className="rc-tech">
            <summary>{t('recover.pick.tech')}</summary>
            <label className="rc-field">
              {t('recover.pick.writeSeconds', { usual: models.find((m) => m.id === model)?.recovery.writeSeconds ?? 'none' })}
              <input type="number" min={0} max={3600} value={writeSeconds} disabled={locked} onChange={(e) => st.setTuning({ writeSeconds: e.target.value })} data-testid="rc-write-seconds" />
            </label>
            <label className="rc-field">
              {t('recover.pick.verifyTimeout')}
              <input type="number" min={0} max={3600} value={verifyTimeoutS} disabled={locked} onChange={(e) => st.setTuning({ verifyTimeoutS: e.target.value })} data-testid="rc-verify-timeout" />
            </label>
          </details>
          <div className="rc-actions">
            <button type="button" className="btn" disabled={locked || !file.trim() || busy !== 'idle'} onClick={() => void st.check(api)} data-testid="rc-check">
              {t(busy === 'checking' ? 'recover.pick.checking' : 'recover.pick.check')}
            </button>
            <button type="button" className="btn primary" disabled={locked || !plan || !!plan.image.refuse || busy !== 'idle'} onClick={() => void st.start(api, practice)} data-testid="rc-start">
              {t(busy === 'starting' ? 'recover.pick.starting' : 'recover.pick.start')}
            </button>
          </div>
          {plan && <PlanCard />}
          {error && <ErrorCard error={error} />}
        </>
      )}
    </section>
  );
}

function PlanCard() {
  const t = useT();
  const plan = useRecover((s) => s.plan)!;
  const im = plan.image;
  return (
    <div className="rc-plan" data-testid="rc-plan" data-refused={im.refuse ? 'yes' : 'no'}>
      <p>
        <strong>{t(im.refuse ? 'recover.plan.refused' : 'recover.plan.gets')}</strong> {bytes(im.servedBytes)}
        {im.cutBytes ? t('recover.plan.cut', { size: bytes(im.cutBytes) }) : t('recover.plan.unchanged')}.
      </p>
      <p data-testid="rc-cut">{sayText(t, im.cutReason, im.cutReasonMsg)}</p>
      <ul className="rc-checks">
        {im.checks.map((c) => (
          <li key={c.name} className={c.ok ? 'ok' : 'bad'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✕'}</span> <strong>{checkName(t, c)}:</strong> {sayText(t, c.text, c.msg)}
          </li>
        ))}
      </ul>
      {plan.names.length > 0 && <p className="note">{t('recover.plan.offeredAs', { names: plan.names.map((n) => `"${n}"`).join(', ') })}</p>}
      <p className="rc-sha">
        {t('recover.plan.sha')} <span className="mono wrap" data-i18n-data="checksum">{plan.sha256}</span>
      </p>
      {im.refuse && <ErrorCard error={im.refuse} />}
    </div>
  );
}

/** The physical cues: which button, how long, what the lights do (from the device profile). */
function CuesCard({ flow, profile }: { flow: VendorFlow; profile: DeviceProfile | undefined }) {
  const t = useT();
  const profileWords = (s: string): string => profileText(t, s);
  const c = profile?.recovery.cues;
  return (
    <section className="card rc-cues" aria-labelledby="rc-cues-title" data-testid="rc-cues">
      <h2 id="rc-cues-title">{profile ? t('recover.cues.titleModel', { router: `${profile.vendor} ${profile.model}` }) : t('recover.cues.titleMaker', { maker: VENDOR_NAMES[flow] })}</h2>
      <ol className="rc-cue-list">
        <li>
          <strong>{t('recover.cues.button')}</strong> {c?.button ? profileWords(c.button) : t('recover.cues.buttonDefault')}.
        </li>
        <li>
          <strong>{t('recover.cues.howLong')}</strong> {t('recover.cues.hold')} <span className="rc-big">{t('recover.cues.seconds', { count: c?.holdSeconds ?? 10 })}</span>. {c?.holdUntil ? profileWords(c.holdUntil) : t('recover.cues.holdUntil')}
        </li>
        <li data-testid="rc-led">
          <span className="rc-led-dot" aria-hidden="true" />
          <strong>{t('recover.cues.lights')}</strong> {c?.ledInRecovery ? profileWords(c.ledInRecovery) : t('recover.cues.ledDefault')}
        </li>
        {c?.ledWhileWriting && (
          <li>
            <strong>{t('recover.cues.whileWriting')}</strong> {profileWords(c.ledWhileWriting)}
          </li>
        )}
      </ol>
      {flow === 'ubiquiti' && <p className="note">{saidText(t, URESCUE_FORCE_WARNING)}</p>}
      {profile?.unverified.some((u) => u.startsWith('recovery.cues')) && <p className="note">{t('recover.cues.unconfirmed')}</p>}
    </section>
  );
}

function TransferBar({ p }: { p: RecoverProgress }) {
  const t = useT();
  const pct = p.total ? Math.min(100, Math.floor((p.bytes / p.total) * 100)) : 0;
  const left = p.bytesPerSecond > 0 && p.total > p.bytes ? Math.ceil((p.total - p.bytes) / p.bytesPerSecond) : 0;
  return (
    <div className="rc-transfer" data-testid="rc-transfer" data-bytes={p.bytes} data-total={p.total}>
      <progress max={100} value={pct} aria-label={t('recover.transfer.label')} />
      <span>
        {t('recover.transfer.numbers', { percent: pct, done: bytes(p.bytes), total: bytes(p.total), rate: `${decimal(p.bytesPerSecond / 1048576, 2)} MiB/s` })}
        {left ? t('recover.transfer.left', { time: mmss(left) }) : ''}
        {p.requested ? t('recover.transfer.asked', { name: p.requested }) : ''}
      </span>
    </div>
  );
}

function WritingTimer({ p }: { p: RecoverProgress }) {
  const t = useT();
  const now = useNow(true);
  const total = p.expectedSeconds ?? 180;
  const gone = Math.max(0, (now - p.since) / 1000);
  const left = Math.max(0, total - gone);
  return (
    <div className="rc-writing" data-testid="rc-writing" role="timer" aria-live="off">
      <p className="rc-big">{left > 0 ? t('recover.writing.left', { time: mmss(left) }) : t('recover.writing.almost')}</p>
      <progress max={total} value={Math.min(total, gone)} aria-label={t('recover.writing.label')} />
      <p>{t('recover.writing.text', { time: mmss(gone) })}</p>
    </div>
  );
}

/** A plan check's name in the language shown (its key), or as it came. */
function checkName(t: T, c: { name: string; key?: string }): string {
  const id = c.key ? knownId(`recover.check.name.${c.key}`) : undefined;
  return id ? t(id) : c.name;
}

/** The check's last word on a finished recovery, or the run's own last words. */
function lastWords(t: T, run: RunSnapshot): string {
  const e = run.steps.find((s) => s.id === 'verify')?.evidence.at(-1);
  return e ? evidenceText(t, e) : run.summary ? sayText(t, run.summary, run.summaryMsg) : '';
}

/** The one thing to do now, the question the guide waits on, the transfer and the writing timer. */
function RunCard({ run }: { run: RunSnapshot }) {
  const api = useApi();
  const t = useT();
  const progress = useRecover((s) => (s.progress?.runId === run.runId ? s.progress : undefined));
  const step = currentStep(run);
  // the guide asks with its step's own words, or with words of its own (prompt.* in the catalogue)
  const said = (s: string, msg?: SaidMessage): string =>
    msg ? sayText(t, s, msg) : step && s === step.doNow ? stepText(t, run.playbookId, step.id, 'doNow', s) : step && s === step.explain ? stepText(t, run.playbookId, step.id, 'explain', s) : saidText(t, s);
  const prompt = run.prompt;
  const [error, setError] = useState<RbError | undefined>();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [prompt?.id]);
  const answer = async (choice: string) => {
    if (!prompt) return;
    setError(undefined);
    try {
      await api.invoke('playbook.respond', { runId: run.runId, promptId: prompt.id, choice });
    } catch (err) {
      setError(asRbError(err));
    }
  };
  if (run.state !== 'running' || !step) {
    const ok = run.state === 'done';
    const failed = [...run.steps].reverse().find((s) => s.state === 'failed' && s.error);
    return (
      <section className={`card rc-result ${ok ? 'ok' : 'bad'}`} data-testid="rc-result" data-state={run.state} aria-live="polite">
        <h2>{t(ok ? 'recover.result.done' : run.state === 'stopped' ? 'recover.result.stopped' : 'recover.result.failed')}</h2>
        {ok && <p>{lastWords(t, run)}</p>}
        {!ok && failed?.error && <ErrorCard error={failed.error} />}
        {!ok && !failed?.error && run.summary && <p>{sayText(t, run.summary, run.summaryMsg)}</p>}
      </section>
    );
  }
  const index = run.steps.indexOf(step);
  return (
    <section className="card fs-now rc-now" aria-labelledby="rc-now-title" data-testid="rc-now" data-step={step.id}>
      <p className="fs-progress">
        {t('recover.run.progress', { n: index + 1, total: run.steps.length, title: stepText(t, run.playbookId, step.id, 'title', step.title) })}
      </p>
      <p className="fs-do-now" id="rc-now-title" data-testid="rc-do-now" aria-live="polite">
        {prompt && prompt.stepId === step.id && step.state !== 'failed' ? said(prompt.text, prompt.msg) : stepDoNow(t, run.playbookId, step)}
      </p>
      <p>{prompt?.detail && step.state !== 'failed' ? said(prompt.detail, prompt.detailMsg) : stepText(t, run.playbookId, step.id, 'explain', step.explain)}</p>
      {progress?.phase === 'transfer' && (step.id === 'transfer') && <TransferBar p={progress} />}
      {progress?.phase === 'waiting' && step.id === 'transfer' && <p className="rc-waiting" data-testid="rc-waiting">{t('recover.waiting', { time: clockTime(progress.since, false) })}</p>}
      {progress?.phase === 'writing' && step.id === 'writing' && <WritingTimer p={progress} />}
      {step.state === 'failed' && step.error && <ErrorCard error={step.error} />}
      {prompt && (
        <div className="fs-choices" data-testid="rc-prompt">
          {prompt.choices.map((c, i) => (
            <button key={c.id} ref={i === 0 ? first : undefined} type="button" className={`btn ${c.primary ? 'primary' : ''}`} onClick={() => void answer(c.id)} data-testid={`rc-choice-${c.id}`}>
              {sayText(t, c.label, c.labelMsg)}
            </button>
          ))}
        </div>
      )}
      {error && <ErrorCard error={error} />}
      <div className="fs-stop">
        <button type="button" className="btn small" onClick={() => void api.invoke('playbook.stop', {}).catch(() => undefined)} data-testid="rc-stop">
          {t('recover.run.stop')}
        </button>
      </div>
    </section>
  );
}

function StepList({ run }: { run: RunSnapshot }) {
  const t = useT();
  const mark = { pending: '○', active: '▶', done: '✓', failed: '✕', skipped: '–' } as const;
  return (
    <section className="card fs-timeline" aria-labelledby="rc-tl-title" data-testid="rc-timeline" data-run-state={run.state}>
      <h2 id="rc-tl-title">{t('recover.timeline.title', { title: playbookTitle(t, run) })}</h2>
      <ol className="fs-steps">
        {run.steps.map((s, i) => (
          <li key={s.id} className={`fs-step ${s.state}`} data-testid="rc-step" data-step={s.id} data-state={s.state} aria-current={s.state === 'active' ? 'step' : undefined}>
            <div className="fs-step-head">
              <span className="fs-mark" aria-hidden="true">
                {mark[s.state]}
              </span>
              <span className="fs-step-title">
                {i + 1}. {stepText(t, run.playbookId, s.id, 'title', s.title)}
              </span>
            </div>
            {s.evidence.length > 0 && (
              <ul className="fs-evidence">
                {s.evidence.slice(-6).map((e, k) => (
                  <li key={`${e.at}-${k}`}>
                    <span className="mono">{clockTime(e.at)}</span> {evidenceText(t, e)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Before the start: the cable and this computer's address, with the network assistant (the guide checks again). */
function NetworkCard() {
  const t = useT();
  const plan = useRecover((s) => s.plan);
  if (!plan || plan.image.refuse) return null;
  return (
    <section className="card rc-network" aria-labelledby="rc-net-title" data-testid="rc-network">
      <h2 id="rc-net-title">{t('recover.network.title')}</h2>
      <p className="note">
        {t('recover.network.text', { router: plan.router, host: plan.host.split('/')[0] ?? plan.host })}
      </p>
      <NetworkStep key={`${plan.router}-${plan.host}`} target={plan.router} need={plan.host} />
    </section>
  );
}

/** Vendor recovery: pick, check, the guide with its physical cues, the transfer, the writing timer, the result. */
export function RecoverView() {
  const run = usePlaybook((s) => (isRecoverRun(s.run) ? s.run : undefined));
  const flow = useRecover((s) => s.flow);
  const model = useRecover((s) => s.model);
  const running = run?.state === 'running';
  const runFlow = run ? (Object.entries(RECOVER_PLAYBOOKS).find(([, d]) => d.id === run.playbookId)?.[0] as VendorFlow | undefined) : undefined;
  const shownFlow = running ? runFlow : flow;
  const profile = running && typeof run.options.deviceId === 'string' ? findDeviceProfile(run.options.deviceId) : model ? findDeviceProfile(model) : undefined;
  return (
    <div className="rc-view">
      {run && <RunCard run={run} />}
      {shownFlow && (!run || running) && <CuesCard flow={shownFlow} profile={profile} />}
      {run && <StepList run={run} />}
      <PickCard locked={running} />
      {!running && <NetworkCard />}
    </div>
  );
}
