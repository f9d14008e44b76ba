import { memo, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { currentStep } from '../playbook/store';
import type { RbError } from '../../../src-shared/contract';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { LedGuide } from './LedGuide';
import { profileText, saidText, sayText, stepDoNow, stepText, useT } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';

const LOOK_FOR: Record<string, MessageId> = {
  preinit: 'failsafe.led.lookFor.preinit',
  failsafe: 'failsafe.led.lookFor.failsafe',
  regular: 'failsafe.led.lookFor.regular',
};

/** The one thing to do now, in large words, with the question the run is waiting on. */
/** Memoised: the guide renders it again only when the run it shows changed (decision 0176). */
export const StepPanel = memo(function StepPanel({ run }: { run: RunSnapshot }) {
  const api = useApi();
  const t = useT();
  const step = currentStep(run);
  const prompt = run.prompt;
  // the typed text belongs to one question: a new question starts empty without an effect racing the typing
  const [typed, setTyped] = useState<{ promptId: string; value: string }>({ promptId: '', value: '' });
  const input = typed.promptId === prompt?.id ? typed.value : '';
  const setInput = (value: string): void => setTyped({ promptId: prompt?.id ?? '', value });
  const [error, setError] = useState<RbError | undefined>();
  const [busy, setBusy] = useState(false);
  const firstButton = useRef<HTMLButtonElement>(null);
  const deviceId = run.options.deviceId;
  const profile = typeof deviceId === 'string' ? findDeviceProfile(deviceId) : undefined;

  useEffect(() => {
    if (!prompt?.input) firstButton.current?.focus();
  }, [prompt?.id, prompt?.input]);

  if (!step || run.state !== 'running') return null;
  const index = run.steps.indexOf(step);

  const answer = async (choice: string) => {
    if (!prompt) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.invoke('playbook.respond', { runId: run.runId, promptId: prompt.id, choice, ...(prompt.input && choice !== 'cancel' ? { input } : {}) });
    } catch (err) {
      setError(asRbError(err));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    await api.invoke('playbook.stop', {}).catch(() => undefined);
  };
  const led = step.hint?.kind === 'led' ? step.hint.pattern : undefined;
  const inputShort = prompt?.input ? input.length < prompt.input.minLength : false;

  return (
    <section className="card fs-now" aria-labelledby="fs-now-title" data-testid="fs-now" data-step={step.id}>
      <p className="fs-progress">
        {t('failsafe.step.progress', { n: index + 1, total: run.steps.length, title: stepText(t, run.playbookId, step.id, 'title', step.title) })}
      </p>
      <p className="fs-do-now" id="fs-now-title" data-testid="fs-do-now" aria-live="polite">
        {stepDoNow(t, run.playbookId, step)}
      </p>
      <p>{stepText(t, run.playbookId, step.id, 'explain', step.explain)}</p>
      {led && led !== 'off' && <LedGuide pattern={led} lookFor={LOOK_FOR[led] ? t(LOOK_FOR[led]) : ''} />}
      {profile && (step.id === 'watch' || step.id === 'press' || step.id === 'outcome') && (
        <p className="note" data-testid="fs-device-note">
          {profile.vendor} {profile.model}: {profileText(t, profile.failsafe.button)}. {profileText(t, profile.failsafe.when)}.{profile.failsafe.note ? ` ${profileText(t, profile.failsafe.note)}` : ''}
        </p>
      )}
      {step.state === 'failed' && step.error && <ErrorCard error={step.error} />}
      {prompt && (
        <div className="fs-prompt" data-testid="fs-prompt" data-prompt-step={prompt.stepId}>
          {(prompt.stepId === step.id && step.state === 'failed') || prompt.text === step.doNow ? null : <p className="fs-question">{sayText(t, prompt.text, prompt.msg)}</p>}
          {prompt.detail && prompt.detail !== step.explain && !(step.state === 'failed' && step.error?.fix === prompt.detail) && <p className="fs-detail">{sayText(t, prompt.detail, prompt.detailMsg)}</p>}
          {prompt.input && (
            <label className="fs-input">
              {sayText(t, prompt.input.label, prompt.input.labelMsg)}
              <input
                type={prompt.input.secret ? 'password' : 'text'}
                value={input}
                autoComplete="new-password"
                onChange={(e) => setInput(e.target.value)}
                data-testid="fs-prompt-input"
                autoFocus
                minLength={prompt.input.minLength}
              />
              {inputShort && <span className="fs-hint">{t('failsafe.step.minLength', { n: prompt.input.minLength })}</span>}
            </label>
          )}
          <div className={prompt.choices.some((c) => c.detail) ? 'fs-choices list' : 'fs-choices'}>
            {prompt.choices.map((c, i) => (
              <div key={c.id} className="fs-choice">
                <button
                  ref={i === 0 ? firstButton : undefined}
                  type="button"
                  className={`btn ${c.destructive ? 'danger' : c.primary ? 'primary' : ''}`}
                  disabled={busy || (inputShort && c.id !== 'cancel')}
                  onClick={() => answer(c.id)}
                  data-testid={`fs-choice-${c.id}`}
                  aria-describedby={c.detail ? `fs-choice-d-${c.id}` : undefined}
                >
                  {sayText(t, c.label, c.labelMsg)}
                </button>
                {c.detail && (
                  <p className="fs-choice-detail" id={`fs-choice-d-${c.id}`}>
                    {sayText(t, c.detail, c.detailMsg)}
                  </p>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
      {error && <ErrorCard error={error} />}
      <div className="fs-stop">
        <button type="button" className="btn small" onClick={stop} data-testid="fs-stop">
          {t('failsafe.step.stop')}
        </button>
      </div>
    </section>
  );
});
