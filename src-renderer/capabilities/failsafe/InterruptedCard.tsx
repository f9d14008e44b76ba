import { useApi } from '../../api/context';
import { usePlaybook } from '../playbook/store';
import type { InterruptedRun } from '../../../src-shared/capabilities/playbook';

/** A run that never finished (window closed, crash): say where it stopped and offer to continue. */
export function InterruptedCard({ it }: { it: InterruptedRun }) {
  const api = useApi();
  const clear = usePlaybook((s) => s.clearInterrupted);
  return (
    <section className="card note fs-interrupted" data-testid="fs-interrupted" role="status">
      <h2>"{it.title}" did not finish</h2>
      <p>{it.explanation}</p>
      <div className="controls">
        {it.resumable && (
          <button type="button" className="btn primary" onClick={() => void api.invoke('playbook.resume', { runId: it.runId }).then(clear)} data-testid="fs-resume">
            Continue where it stopped
          </button>
        )}
        <button type="button" className="btn" onClick={() => void api.invoke('playbook.dismiss', { runId: it.runId }).then(clear)}>
          Forget it
        </button>
      </div>
    </section>
  );
}
