import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { bytes, clockTime } from '../../format';
import { currentStep, usePlaybook } from '../playbook/store';
import { useFirmware } from '../firmware/store';
import { NetworkStep } from '../net';
import { FLOW_DEFAULTS, RECOVER_PLAYBOOKS, URESCUE_FORCE_WARNING, VENDOR_FLOWS, VENDOR_NAMES, type RecoverProgress, type VendorFlow } from '../../../src-shared/capabilities/recover';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import type { RbError } from '../../../src-shared/contract';
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

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** Pick the maker, the model and the file; check it; start. */
function PickCard({ locked }: { locked: boolean }) {
  const api = useApi();
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
      <h2 id="rc-pick-title">Which router?</h2>
      {practice && pr.target && (
        <p className="note practice-note" data-testid="rc-practice">
          <span className="practice-badge">PRACTICE</span> This guide will talk to the practice router on this computer, not to a real router.{' '}
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
              Use the practice TP-Link file
            </button>
          )}
        </p>
      )}
      <p className="note">Many routers have a rescue mode of their own, built in by the maker, that takes a new firmware file even when the router no longer starts. Choose the maker on the label of the router.</p>
      <div className="rc-makers" role="radiogroup" aria-label="Maker">
        {VENDOR_FLOWS.map((f) => (
          <button key={f} type="button" role="radio" aria-checked={flow === f} className={`btn rc-maker ${flow === f ? 'primary' : ''}`} disabled={locked} onClick={() => st.choose(f)} data-testid={`rc-maker-${f}`}>
            {VENDOR_NAMES[f]}
          </button>
        ))}
      </div>
      {flow && (
        <>
          <label className="rc-field">
            Model
            <select value={model} disabled={locked} onChange={(e) => st.setModel(e.target.value)} data-testid="rc-model">
              <option value="">Not in the list ({VENDOR_NAMES[flow]}'s usual settings: router at {FLOW_DEFAULTS[flow].router})</option>
              {models.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.vendor} {p.model}
                </option>
              ))}
            </select>
          </label>
          <label className="rc-field">
            Firmware file on this computer
            <input type="text" value={file} disabled={locked} onChange={(e) => st.setFile(e.target.value)} placeholder="/home/you/Downloads/firmware.bin" data-testid="rc-file" spellCheck={false} />
          </label>
          {checked?.path && checked.path !== file && !locked && (
            <button type="button" className="btn small" onClick={() => st.setFile(checked.path)} data-testid="rc-use-checked">
              Use {checked.fileName} from Firmware check
            </button>
          )}
          <details className="rc-tech">
            <summary>Technician settings</summary>
            <label className="rc-field">
              How long the router writes (seconds; empty: {models.find((m) => m.id === model)?.recovery.writeSeconds ?? 'the usual'})
              <input type="number" min={0} max={3600} value={writeSeconds} disabled={locked} onChange={(e) => st.setTuning({ writeSeconds: e.target.value })} data-testid="rc-write-seconds" />
            </label>
            <label className="rc-field">
              How long to wait for the router to answer afterwards (seconds; empty: 180)
              <input type="number" min={0} max={3600} value={verifyTimeoutS} disabled={locked} onChange={(e) => st.setTuning({ verifyTimeoutS: e.target.value })} data-testid="rc-verify-timeout" />
            </label>
          </details>
          <div className="rc-actions">
            <button type="button" className="btn" disabled={locked || !file.trim() || busy !== 'idle'} onClick={() => void st.check(api)} data-testid="rc-check">
              {busy === 'checking' ? 'Checking…' : 'Check the file'}
            </button>
            <button type="button" className="btn primary" disabled={locked || !plan || !!plan.image.refuse || busy !== 'idle'} onClick={() => void st.start(api, practice)} data-testid="rc-start">
              {busy === 'starting' ? 'Starting…' : 'Start the recovery'}
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
  const plan = useRecover((s) => s.plan)!;
  const im = plan.image;
  return (
    <div className="rc-plan" data-testid="rc-plan" data-refused={im.refuse ? 'yes' : 'no'}>
      <p>
        <strong>{im.refuse ? 'This file cannot be used.' : 'The router gets:'}</strong> {bytes(im.servedBytes)}
        {im.cutBytes ? ` (the first ${bytes(im.cutBytes)} cut)` : ' (the file unchanged)'}.
      </p>
      <p data-testid="rc-cut">{im.cutReason}</p>
      <ul className="rc-checks">
        {im.checks.map((c) => (
          <li key={c.name} className={c.ok ? 'ok' : 'bad'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✕'}</span> <strong>{c.name}:</strong> {c.text}
          </li>
        ))}
      </ul>
      {plan.names.length > 0 && <p className="note">Offered as {plan.names.map((n) => `"${n}"`).join(', ')}, and to any other name the router asks for.</p>}
      <p className="rc-sha">
        SHA-256 of what the router gets: <span className="mono wrap">{plan.sha256}</span>
      </p>
      {im.refuse && <ErrorCard error={im.refuse} />}
    </div>
  );
}

/** The physical cues: which button, how long, what the lights do (from the device profile). */
function CuesCard({ flow, profile }: { flow: VendorFlow; profile: DeviceProfile | undefined }) {
  const c = profile?.recovery.cues;
  return (
    <section className="card rc-cues" aria-labelledby="rc-cues-title" data-testid="rc-cues">
      <h2 id="rc-cues-title">{profile ? `${profile.vendor} ${profile.model}: how to start its recovery mode` : `${VENDOR_NAMES[flow]}: how to start the recovery mode`}</h2>
      <ol className="rc-cue-list">
        <li>
          <strong>Button:</strong> {c?.button ?? 'the Reset button (often in a small hole: use a straightened paper clip)'}.
        </li>
        <li>
          <strong>How long:</strong> hold it while you switch the router on, for about <span className="rc-big">{c?.holdSeconds ?? 10} seconds</span>. {c?.holdUntil ?? 'Let go when a light starts blinking slowly.'}
        </li>
        <li data-testid="rc-led">
          <span className="rc-led-dot" aria-hidden="true" />
          <strong>Lights:</strong> {c?.ledInRecovery ?? 'most routers blink a light slowly once their recovery mode is on.'}
        </li>
        {c?.ledWhileWriting && (
          <li>
            <strong>While it writes:</strong> {c.ledWhileWriting}
          </li>
        )}
      </ol>
      {flow === 'ubiquiti' && <p className="note">{URESCUE_FORCE_WARNING}</p>}
      {profile?.unverified.some((u) => u.startsWith('recovery.cues')) && <p className="note">These light signals come from user reports and are not confirmed for every unit: trust what Rescue Bench reports from the router.</p>}
    </section>
  );
}

function TransferBar({ p }: { p: RecoverProgress }) {
  const pct = p.total ? Math.min(100, Math.floor((p.bytes / p.total) * 100)) : 0;
  const left = p.bytesPerSecond > 0 && p.total > p.bytes ? Math.ceil((p.total - p.bytes) / p.bytesPerSecond) : 0;
  return (
    <div className="rc-transfer" data-testid="rc-transfer" data-bytes={p.bytes} data-total={p.total}>
      <progress max={100} value={pct} aria-label="Sending the file" />
      <span>
        {pct} % · {bytes(p.bytes)} of {bytes(p.total)} · {(p.bytesPerSecond / 1048576).toFixed(2)} MiB/s{left ? ` · about ${mmss(left)} left` : ''}
        {p.requested ? ` · the router asked for "${p.requested}"` : ''}
      </span>
    </div>
  );
}

function WritingTimer({ p }: { p: RecoverProgress }) {
  const now = useNow(true);
  const total = p.expectedSeconds ?? 180;
  const gone = Math.max(0, (now - p.since) / 1000);
  const left = Math.max(0, total - gone);
  return (
    <div className="rc-writing" data-testid="rc-writing" role="timer" aria-live="off">
      <p className="rc-big">{left > 0 ? `About ${mmss(left)} left` : 'Almost done…'}</p>
      <progress max={total} value={Math.min(total, gone)} aria-label="The router writes the firmware" />
      <p>The router is writing the new firmware into its memory. Do not switch it off, even if the lights go out for a while. {mmss(gone)} so far.</p>
    </div>
  );
}

/** The one thing to do now, the question the guide waits on, the transfer and the writing timer. */
function RunCard({ run }: { run: RunSnapshot }) {
  const api = useApi();
  const progress = useRecover((s) => (s.progress?.runId === run.runId ? s.progress : undefined));
  const step = currentStep(run);
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
        <h2>{ok ? 'Done: the router works again.' : run.state === 'stopped' ? 'Stopped.' : 'The recovery did not finish.'}</h2>
        {ok && <p>{run.steps.find((s) => s.id === 'verify')?.evidence.at(-1)?.text ?? run.summary}</p>}
        {!ok && failed?.error && <ErrorCard error={failed.error} />}
        {!ok && !failed?.error && run.summary && <p>{run.summary}</p>}
      </section>
    );
  }
  const index = run.steps.indexOf(step);
  return (
    <section className="card fs-now rc-now" aria-labelledby="rc-now-title" data-testid="rc-now" data-step={step.id}>
      <p className="fs-progress">
        Step {index + 1} of {run.steps.length}: {step.title}
      </p>
      <p className="fs-do-now" id="rc-now-title" data-testid="rc-do-now" aria-live="polite">
        {prompt && prompt.stepId === step.id && step.state !== 'failed' ? prompt.text : step.doNow}
      </p>
      <p>{prompt?.detail && step.state !== 'failed' ? prompt.detail : step.explain}</p>
      {progress?.phase === 'transfer' && (step.id === 'transfer') && <TransferBar p={progress} />}
      {progress?.phase === 'waiting' && step.id === 'transfer' && <p className="rc-waiting" data-testid="rc-waiting">Waiting for the router to ask for the file (since {clockTime(progress.since, false)})…</p>}
      {progress?.phase === 'writing' && step.id === 'writing' && <WritingTimer p={progress} />}
      {step.state === 'failed' && step.error && <ErrorCard error={step.error} />}
      {prompt && (
        <div className="fs-choices" data-testid="rc-prompt">
          {prompt.choices.map((c, i) => (
            <button key={c.id} ref={i === 0 ? first : undefined} type="button" className={`btn ${c.primary ? 'primary' : ''}`} onClick={() => void answer(c.id)} data-testid={`rc-choice-${c.id}`}>
              {c.label}
            </button>
          ))}
        </div>
      )}
      {error && <ErrorCard error={error} />}
      <div className="fs-stop">
        <button type="button" className="btn small" onClick={() => void api.invoke('playbook.stop', {}).catch(() => undefined)} data-testid="rc-stop">
          Stop the guide
        </button>
      </div>
    </section>
  );
}

function StepList({ run }: { run: RunSnapshot }) {
  const mark = { pending: '○', active: '▶', done: '✓', failed: '✕', skipped: '–' } as const;
  return (
    <section className="card fs-timeline" aria-labelledby="rc-tl-title" data-testid="rc-timeline" data-run-state={run.state}>
      <h2 id="rc-tl-title">{run.title}: what happened</h2>
      <ol className="fs-steps">
        {run.steps.map((s, i) => (
          <li key={s.id} className={`fs-step ${s.state}`} data-testid="rc-step" data-step={s.id} data-state={s.state} aria-current={s.state === 'active' ? 'step' : undefined}>
            <div className="fs-step-head">
              <span className="fs-mark" aria-hidden="true">
                {mark[s.state]}
              </span>
              <span className="fs-step-title">
                {i + 1}. {s.title}
              </span>
            </div>
            {s.evidence.length > 0 && (
              <ul className="fs-evidence">
                {s.evidence.slice(-6).map((e, k) => (
                  <li key={`${e.at}-${k}`}>
                    <span className="mono">{clockTime(e.at)}</span> {e.text}
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
  const plan = useRecover((s) => s.plan);
  if (!plan || plan.image.refuse) return null;
  return (
    <section className="card rc-network" aria-labelledby="rc-net-title" data-testid="rc-network">
      <h2 id="rc-net-title">The cable and this computer's address</h2>
      <p className="note">
        In its recovery mode the router is at {plan.router} and needs this computer at {plan.host.split('/')[0]}. You can prepare that here now; the guide
        checks it again when it starts and sets the address itself if it is missing.
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
