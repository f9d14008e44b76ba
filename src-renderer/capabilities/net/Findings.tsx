import type { Finding } from '../../../src-shared/capabilities/net/contract';
import { FINDING_MARK } from './words';
import { saidMessage, useT } from '../../i18n';

/** The checks, each with its plain meaning; the level is said in words and a mark, never by colour alone. */
export function Findings({ findings, testId = 'net-findings' }: { findings: Finding[]; testId?: string }) {
  const t = useT();
  return (
    <ul className="net-findings" data-testid={testId}>
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} className={`net-finding ${f.level}`} data-id={f.id} data-level={f.level}>
          <span className="net-mark" aria-hidden="true">
            {FINDING_MARK[f.level].mark}
          </span>
          <div>
            <p className="net-finding-title">
              <span className="sr-only">{t(FINDING_MARK[f.level].label)}: </span>
              {saidMessage(t, f.title, f.titleMsg)}
            </p>
            <p className="net-finding-meaning">{saidMessage(t, f.meaning, f.meaningMsg)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
