import { usePlaybook } from '../playbook/store';
import { clockTime } from '../../format';

const MARK = { sent: '>', received: '<', note: '#' } as const;

/** Everything sent to the router and everything it answered, in order (passwords are hidden at the source). */
export function Transcript() {
  const lines = usePlaybook((s) => s.transcript);
  if (lines.length === 0) return null;
  return (
    <section className="card">
      <details className="fs-transcript" data-testid="fs-transcript">
        <summary>
          <h2>Transcript ({lines.length} lines)</h2>
        </summary>
        <pre aria-label="Transcript">
          {lines.map((l, i) => (
            <span key={`${l.at}-${i}`} className={`fs-tr fs-tr-${l.dir}`}>
              {`${clockTime(l.at)} ${MARK[l.dir]} ${l.text}\n`}
            </span>
          ))}
        </pre>
      </details>
    </section>
  );
}
