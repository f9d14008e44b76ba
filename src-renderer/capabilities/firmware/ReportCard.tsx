import { useEffect, useRef, useState } from 'react';
import type { InspectionReport } from '../../../src-shared/capabilities/firmware/contract';
import { compareChecksum } from '../../../src-shared/capabilities/firmware/checksum';
import { IMAGE_PART_WORDS } from '../../../src-shared/capabilities/firmware/identify';
import { bytes } from '../../format';
import { saidAmong, useT } from '../../i18n';
import { useImageWords } from './words';

const INTEGRITY_CLASS: Record<InspectionReport['identity']['integrity'], string> = { intact: 'ok', damaged: 'bad', 'partly-checked': 'warn', unchecked: 'warn' };

/** What the image is, in a seller's words, with the evidence (size, hashes) and a place to paste the maker's checksum. */
export function ReportCard({ report }: { report: InspectionReport }) {
  const t = useT();
  const say = useImageWords();
  const id = report.identity;
  const [expected, setExpected] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // A new report: move focus to its headline, so a screen reader reads it and the page scrolls to it.
  useEffect(() => heading.current?.focus(), [report.sha256, report.path]);
  const cmp = expected.trim() ? compareChecksum(expected, report) : undefined;
  return (
    <section className="card" aria-labelledby="fw-report-title" data-testid="fw-report" data-kind={id.kind} data-integrity={id.integrity}>
      <h2 id="fw-report-title" className="fw-headline" data-testid="fw-headline" ref={heading} tabIndex={-1}>
        {saidAmong(t, id.headline, id.said)}
      </h2>
      <p className={`fw-integrity ${INTEGRITY_CLASS[id.integrity]}`} data-testid="fw-integrity">
        {saidAmong(t, id.integrityText, id.said, [...IMAGE_PART_WORDS, ...(id.said ?? [])])}
      </p>
      <dl className="fw-facts">
        <dt>{t('firmware.report.file')}</dt>
        <dd className="mono wrap" data-i18n-data="file name">{report.fileName}</dd>
        <dt>{t('firmware.report.size')}</dt>
        <dd>
          {t('firmware.report.bytes', { size: bytes(report.size), count: report.size })}
        </dd>
        {id.version && (
          <>
            <dt>{t('firmware.report.version')}</dt>
            <dd data-i18n-data="version from the image">{id.version}</dd>
          </>
        )}
        {id.boards.length > 0 && (
          <>
            <dt>{t('firmware.report.madeFor')}</dt>
            <dd className="mono wrap" data-i18n-data="board names from the image">{id.boards.join(', ')}</dd>
          </>
        )}
        {id.slotLayout && (
          <>
            <dt>{t('firmware.report.layout')}</dt>
            <dd>{saidAmong(t, id.slotLayoutReason ?? '', id.said)}</dd>
          </>
        )}
        <dt data-i18n-data="technical name">SHA-256</dt>
        <dd className="mono wrap" data-testid="fw-sha256" data-i18n-data="checksum">
          {report.sha256}
        </dd>
        <dt data-i18n-data="technical name">MD5</dt>
        <dd className="mono wrap" data-i18n-data="checksum">{report.md5}</dd>
      </dl>
      <label className="fw-expected">
        {t('firmware.report.expected')}
        <input value={expected} onChange={(e) => setExpected(e.target.value)} placeholder={t('firmware.report.pasteHere')} data-testid="fw-expected" spellCheck={false} />
      </label>
      {cmp && (
        <p className={`fw-match ${cmp.match ? 'ok' : 'bad'}`} role="status" data-testid="fw-match" data-match={cmp.match ? 'yes' : 'no'}>
          {cmp.match ? '✓ ' : '✗ '}
          {cmp.message}
        </p>
      )}
      {report.warnings.length > 0 && (
        <ul className="fw-warnings">
          {report.warnings.map((w, i) => (
            <li key={`${i}-${w}`}>{say(report.warningsMsg?.[i], w)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
