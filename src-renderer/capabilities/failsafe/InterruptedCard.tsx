import { useApi } from '../../api/context';
import { usePlaybook } from '../playbook/store';
import type { InterruptedRun } from '../../../src-shared/capabilities/playbook';
import { useT } from '../../i18n';

/** A run that never finished (window closed, crash): say where it stopped and offer to continue. */
export function InterruptedCard({ it }: { it: InterruptedRun }) {
  const api = useApi();
  const t = useT();
  const resume = usePlaybook((s) => s.resume);
  const dismiss = usePlaybook((s) => s.dismiss);
  return (
    <section className="card note fs-interrupted" data-testid="fs-interrupted" role="status">
      <h2>{t('failsafe.interrupted.title', { title: it.title })}</h2>
      <p>{it.explanation}</p>
      <div className="controls">
        {it.resumable && (
          <button type="button" className="btn primary" onClick={() => void resume(api, it.runId)} data-testid="fs-resume">
            {t('failsafe.interrupted.resume')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => void dismiss(api, it.runId)}>
          {t('failsafe.interrupted.forget')}
        </button>
      </div>
    </section>
  );
}
