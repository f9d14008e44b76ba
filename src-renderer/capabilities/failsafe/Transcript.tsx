import { memo } from 'react';
import { usePlaybook } from '../playbook/store';
import { clockTime } from '../../format';
import { evidenceText, useT } from '../../i18n';

const MARK = { sent: '>', received: '<', note: '#' } as const;

/**
 * Everything sent to the router and everything it answered, in order (passwords are hidden at the source).
 * Memoised: it has no props, so a run event that re-renders the guide (the PRESS-NOW cue) does not make its lines
 * again; new lines still arrive through the store (decision 0157).
 */
export const Transcript = memo(function Transcript() {
  const t = useT();
  const lines = usePlaybook((s) => s.transcript);
  if (lines.length === 0) return null;
  return (
    <section className="card">
      <details className="fs-transcript" data-testid="fs-transcript">
        <summary>
          <h2>{t('failsafe.transcript.title', { count: lines.length })}</h2>
        </summary>
        <pre aria-label={t('failsafe.transcript.label')} tabIndex={0}>
          {lines.map((l, i) => (
            <span key={`${l.at}-${i}`} className={`fs-tr fs-tr-${l.dir}`}>
              {`${clockTime(l.at)} ${MARK[l.dir]} ${evidenceText(t, l)}\n`}
            </span>
          ))}
        </pre>
      </details>
    </section>
  );
});
