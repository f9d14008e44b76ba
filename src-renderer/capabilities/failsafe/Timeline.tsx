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

/** Every step with its state, the time it took and its evidence (ux-voice §5: show the evidence). */
export function Timeline({ run }: { run: RunSnapshot }) {
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
          <li key={s.id} className={`fs-step ${s.state}`} data-testid="fs-step" data-step={s.id} data-state={s.state} aria-current={s.state === 'active' ? 'step' : undefined}>
            <div className="fs-step-head">
              <span className="fs-mark" aria-hidden="true">
                {STATE_MARK[s.state]}
              </span>
              <span className="fs-step-title">
                {i + 1}. {stepText(t, run.playbookId, s.id, 'title', s.title)}
              </span>
              <span className={`tag fs-state ${s.state}`}>{t(STATE_WORDS[s.state])}</span>
              {took(s, t) && <span className="fs-took">{took(s, t)}</span>}
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
        ))}
      </ol>
    </section>
  );
}
