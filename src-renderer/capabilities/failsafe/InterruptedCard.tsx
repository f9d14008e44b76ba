import { useApi } from '../../api/context';
import { usePlaybook } from '../playbook/store';
import type { InterruptedRun } from '../../../src-shared/capabilities/playbook';

/** A run that never finished (window closed, crash): say where it stopped and offer to continue. */
export function InterruptedCard({ it }: { it: InterruptedRun }) {
  const api = useApi();
  const resume = usePlaybook((s) => s.resume);
  const dismiss = usePlaybook((s) => s.dismiss);
  return (
    <section className="card note fs-interrupted" data-testid="fs-interrupted" role="status">
      <h2>"{it.title}" did not finish</h2>
      <p>{it.explanation}</p>
      <div className="controls">
        {it.resumable && (
          <button type="button" className="btn primary" onClick={() => void resume(api, it.runId)} data-testid="fs-resume">
            Continue where it stopped
          </button>
        )}
        <button type="button" className="btn" onClick={() => void dismiss(api, it.runId)}>
          Forget it
        </button>
      </div>
    </section>
  );
}
