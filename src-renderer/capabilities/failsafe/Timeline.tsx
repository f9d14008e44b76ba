import { memo } from 'react';
import type { RunSnapshot, StepStatus } from '../../../src-shared/capabilities/playbook';
import { clockTime } from '../../format';
import { evidenceText, stepText, useT, type T } from '../../i18n';
import { localizeError, type MessageId } from '../../../src-shared/i18n';
import { decimal } from '../../format';

const STATE_WORDS: Record<StepStatus['state'], MessageId> = {
  pending: 'failsafe.state.pending',
  active: 'failsafe.state.active',
  done: 'failsafe.state.done',
  failed: 'failsafe.state.failed',
  skipped: 'failsafe.state.skipped',
};
const STATE_MARK: Record<StepStatus['state'], string> = { pending: '○', active: '▶', done: '✓', failed: '✕', skipped: '–' };

function took(s: StepStatus, t: T): string | undefined {
  if (s.startedAt === undefined || s.endedAt === undefined) return undefined;
  const ms = s.endedAt - s.startedAt;
  return ms < 1000
    ? t('common.ms', { value: decimal(ms) })
    : ms < 120_000
      ? t('common.seconds', { value: decimal(ms / 1000, 1) })
      : t('common.minutes', { value: decimal(Math.round(ms / 60_000)) });
}

/** Two renders of a step show the same words when its data is the same (a run event re-sends every step). */
function sameStep(a: StepRowProps, b: StepRowProps): boolean {
  return a.t === b.t && a.index === b.index && a.playbookId === b.playbookId && (a.step === b.step || JSON.stringify(a.step) === JSON.stringify(b.step));
}

interface StepRowProps {
  step: StepStatus;
  index: number;
  playbookId: string;
  t: T;
}

/**
 * One step of the timeline. Every playbook event carries the whole run, but usually one step changed: the others
 * are not made again (their words, times and evidence cost ~1 ms per event on the PRESS-NOW cue's path, decision
 * 0157).
 */
const StepRow = memo(function StepRow({ step: s, index: i, playbookId, t }: StepRowProps) {
  const time = took(s, t);
  return (
    <li className={`fs-step ${s.state}`} data-testid="fs-step" data-step={s.id} data-state={s.state} aria-current={s.state === 'active' ? 'step' : undefined}>
      <div className="fs-step-head">
        <span className="fs-mark" aria-hidden="true">
          {STATE_MARK[s.state]}
        </span>
        <span className="fs-step-title">
          {i + 1}. {stepText(t, playbookId, s.id, 'title', s.title)}
        </span>
        <span className={`tag fs-state ${s.state}`}>{t(STATE_WORDS[s.state])}</span>
        {time && <span className="fs-took">{time}</span>}
      </div>
      {s.attempts > 1 && <p className="fs-attempts">{t('failsafe.timeline.attempt', { n: s.attempts })}</p>}
      {s.evidence.length > 0 && (
        <ul className="fs-evidence">
          {s.evidence.slice(-8).map((e, k) => (
            <li key={`${e.at}-${k}`}>
              <span className="mono">{clockTime(e.at)}</span> {evidenceText(t, e)}
            </li>
          ))}
        </ul>
      )}
      {s.state === 'failed' && s.error && <p className="fs-step-error">{localizeError(s.error, t).message}</p>}
    </li>
  );
}, sameStep);

/**
 * Every step with its state, the time it took and its evidence (ux-voice §5: show the evidence). Memoised: the
 * guide renders it again only when the run it shows changed (decision 0176).
 */
export const Timeline = memo(function Timeline({ run }: { run: RunSnapshot }) {
  const t = useT();
  return (
    <section className="card fs-timeline" aria-labelledby="fs-tl-title" data-testid="fs-timeline" data-run-state={run.state}>
      <h2 id="fs-tl-title">{t('failsafe.timeline.title')}</h2>
      <p className="fs-tl-sub">
        {t('failsafe.timeline.started', { time: clockTime(run.startedAt) })}
        {run.endedAt ? t('failsafe.timeline.ended', { time: clockTime(run.endedAt) }) : ''}
      </p>
      <ol className="fs-steps">
        {run.steps.map((s, i) => (
          <StepRow key={s.id} step={s} index={i} playbookId={run.playbookId} t={t} />
        ))}
      </ol>
    </section>
  );
});
