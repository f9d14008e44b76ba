import type { RunSnapshot, StepStatus } from '../../../src-shared/capabilities/playbook';
import { clockTime } from '../../format';

const STATE_WORDS: Record<StepStatus['state'], string> = {
  pending: 'Not yet',
  active: 'Now',
  done: 'Done',
  failed: 'Did not work',
  skipped: 'Skipped',
};
const STATE_MARK: Record<StepStatus['state'], string> = { pending: '○', active: '▶', done: '✓', failed: '✕', skipped: '–' };

function took(s: StepStatus): string | undefined {
  if (s.startedAt === undefined || s.endedAt === undefined) return undefined;
  const ms = s.endedAt - s.startedAt;
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Every step with its state, the time it took and its evidence (ux-voice §5: show the evidence). */
export function Timeline({ run }: { run: RunSnapshot }) {
  return (
    <section className="card fs-timeline" aria-labelledby="fs-tl-title" data-testid="fs-timeline" data-run-state={run.state}>
      <h2 id="fs-tl-title">Timeline</h2>
      <p className="fs-tl-sub">
        Started {clockTime(run.startedAt)}
        {run.endedAt ? ` · ended ${clockTime(run.endedAt)}` : ''}
      </p>
      <ol className="fs-steps">
        {run.steps.map((s, i) => (
          <li key={s.id} className={`fs-step ${s.state}`} data-testid="fs-step" data-step={s.id} data-state={s.state} aria-current={s.state === 'active' ? 'step' : undefined}>
            <div className="fs-step-head">
              <span className="fs-mark" aria-hidden="true">
                {STATE_MARK[s.state]}
              </span>
              <span className="fs-step-title">
                {i + 1}. {s.title}
              </span>
              <span className={`tag fs-state ${s.state}`}>{STATE_WORDS[s.state]}</span>
              {took(s) && <span className="fs-took">{took(s)}</span>}
            </div>
            {s.attempts > 1 && <p className="fs-attempts">Attempt {s.attempts}</p>}
            {s.evidence.length > 0 && (
              <ul className="fs-evidence">
                {s.evidence.slice(-8).map((e, k) => (
                  <li key={`${e.at}-${k}`}>
                    <span className="mono">{clockTime(e.at)}</span> {e.text}
                  </li>
                ))}
              </ul>
            )}
            {s.state === 'failed' && s.error && <p className="fs-step-error">{s.error.message}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
