import type { InspectionReport, StructureWire } from '../../../src-shared/capabilities/firmware/contract';
import { bytes } from '../../format';
import { useT } from '../../i18n';
import { useImageWords } from './words';

const hex = (n: number) => '0x' + n.toString(16).toUpperCase().padStart(8, '0');

function fieldText(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? Object.entries(x).map(([k, y]) => `${k}=${String(y)}`).join(' ') : String(x))).join('; ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

function Node({ s }: { s: StructureWire }) {
  const t = useT();
  const say = useImageWords();
  const state = s.valid === false ? 'bad' : s.valid === true ? 'ok' : 'none';
  // tar members: only the CONTROL text is worth showing (name and size are in the row)
  const fields = Object.entries(s.fields).filter(([k]) => (s.type === 'tar-member' ? k === 'text' : k !== 'text' && k !== 'members'));
  const hasBody = fields.length > 0 || s.checks.length > 0 || s.warnings.length > 0 || s.children.length > 0;
  const label = (
    <>
      <span className="mono fw-off">{hex(s.offset)}</span>
      <span className={`fw-state ${state}`} aria-label={t(state === 'ok' ? 'firmware.tree.ok' : state === 'bad' ? 'firmware.tree.bad' : 'firmware.tree.none')}>
        {state === 'ok' ? '✓' : state === 'bad' ? '✗' : '·'}
      </span>
      {s.type === 'tar-member' ? (
        <span className="fw-type" data-i18n-data="file name in the image">
          {String(s.fields.name)}
        </span>
      ) : (
        <span className="fw-type">{say(s.descriptionMsg, s.description)}</span>
      )}
      <span className="fw-len">{bytes(s.length)}</span>
    </>
  );
  if (!hasBody)
    return (
      <li className="fw-node leaf" data-type={s.type} data-offset={s.offset}>
        <div className="fw-row">{label}</div>
      </li>
    );
  return (
    <li className="fw-node" data-type={s.type} data-offset={s.offset}>
      <details open={s.type !== 'tar-member' || s.children.length > 0}>
        <summary className="fw-row">{label}</summary>
        {s.checks.length > 0 && (
          <ul className="fw-checks">
            {s.checks.map((c, i) => (
              <li key={i} className={c.ok ? 'ok' : 'bad'}>
                {c.ok ? '✓' : '✗'} <span data-i18n-data="technical name">{c.name}</span>
                {!c.ok && c.expected !== undefined && (
                  <span className="mono">
                    {' '}
                    {t('firmware.tree.expectedGot', { expected: c.expected, actual: String(c.actual) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {s.warnings.map((w, i) => (
          <p key={`${i}-${w}`} className="note fw-note">
            {say(s.warningsMsg?.[i], w)}
          </p>
        ))}
        {fields.length > 0 && (
          <table className="fw-fields" data-i18n-data="header fields as read from the image">
            <tbody>
              {fields.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td className="mono wrap">{fieldText(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.children.length > 0 && <Tree list={s.children} />}
      </details>
    </li>
  );
}

function Tree({ list }: { list: StructureWire[] }) {
  return (
    <ul className="fw-tree">
      {list.map((s) => (
        <Node key={`${s.type}-${s.offset}`} s={s} />
      ))}
    </ul>
  );
}

/** The expert view: every structure with its offset, length, checks and header fields. */
export function StructureTree({ report }: { report: InspectionReport }) {
  const t = useT();
  const l = report.layout;
  return (
    <section className="card" aria-labelledby="fw-tree-title">
      <details data-testid="fw-expert">
        <summary>
          <h2 id="fw-tree-title">{t('firmware.tree.title')}</h2>
        </summary>
        <p className="fw-layout">
          {t('firmware.tree.layout', {
            recognised: bytes(l.recognised),
            padding: bytes(l.padding),
            unknown: bytes(l.unknown),
            trailing: l.trailing ? bytes(l.trailing.length) : 'none',
            kind: l.trailing?.kind ?? 'data',
            offset: l.trailing ? hex(l.trailing.offset) : '',
            ms: report.elapsedMs,
          })}
        </p>
        <Tree list={report.tree} />
        {report.metadata && (
          <details className="fw-meta">
            <summary>{t('firmware.tree.metadata')}</summary>
            <pre data-i18n-data="metadata from the image">{JSON.stringify(report.metadata, null, 2)}</pre>
          </details>
        )}
      </details>
    </section>
  );
}
