/**
 * A job as one self-contained HTML page (pure): inline CSS, no scripts, no pictures or fonts from anywhere,
 * and a Content-Security-Policy that forbids every request, so the page opens the same on the customer's
 * computer years later. Every text that came from the router or the user is escaped: a router that calls
 * itself `<script>` shows that name, nothing more. Our own words are in the language asked for (decision 0136):
 * the catalogue's `jobs.report.*`, dates and numbers by Intl, `<html lang>` naming it; what the router, the image and
 * the person said (names, hashes, notes, the router's own lines) is the same bytes in every language; our evidence lines
 * are said from their ids (decision 0188). The same page is printed to PDF by Chromium or Electron.
 */
import type { Job } from './contract';
import { english, intlTag, knownId, localizeError, sayIn, type Locale, type Translate } from '../../i18n';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

function time(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function zone(at: number): string {
  const off = -new Date(at).getTimezoneOffset();
  const sign = off >= 0 ? '+' : '−';
  const a = Math.abs(off);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** "1 h 04 min", "3 min 12 s", "41 s". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}


/** The language a report is written in: the catalogue's words and Intl's dates and numbers. */
export interface ReportLanguage {
  locale: Locale;
  t: Translate;
}

const ENGLISH: ReportLanguage = { locale: 'en', t: english };

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;margin:0;background:#fff}
main{max-width:920px;margin:0 auto;padding:28px 32px 40px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #d8dee4;padding-bottom:4px}
.sub{color:#57606a;margin:0 0 16px}
.banner{padding:12px 16px;border-radius:6px;font-weight:600;margin:12px 0}
.running{background:#fff8c5;border:2px solid #bf8700}.done{background:#dafbe1;border:2px solid #1a7f37}
.failed,.interrupted{background:#ffebe9;border:2px solid #cf222e}.stopped{background:#eaeef2;border:2px solid #6e7781}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #d8dee4}
th{width:190px;color:#57606a;font-weight:600}
.mono,code{font-family:ui-monospace,"SFMono-Regular",Consolas,monospace;font-size:13px;word-break:break-all}
ol{padding-left:22px}li{margin:0 0 12px}.st{font-weight:600}.st-failed{color:#cf222e}.st-done{color:#1a7f37}
.ev{margin:4px 0 0;padding:0;list-style:none;color:#333}.ev li{margin:2px 0}.ev time{color:#57606a;margin-right:6px}
.err{border-left:4px solid #cf222e;padding:4px 10px;margin:6px 0;background:#fff5f5}
footer{margin-top:32px;color:#57606a;font-size:13px}
@media print{main{padding:0}h2{break-after:avoid}li{break-inside:avoid}}
`;

/** A catalogue text where its English is what the job recorded (a playbook's own title), else what was recorded. */
function ours(t: Translate, id: string, given: string): string {
  const k = knownId(id);
  return k && english(k) === given ? t(k) : given;
}

/**
 * The report page. `now` is when it is made (a running job says how far it got by then); `lang` is the language
 * of our words (English when not given). Evidence lines, names, hashes and notes are the same bytes in every language.
 */
export function jobReportHtml(job: Job, now: number = Date.now(), lang: ReportLanguage = ENGLISH): string {
  const e = escapeHtml;
  const { t } = lang;
  const tag = intlTag(lang.locale);
  const dayFmt = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric' });
  const day = (at: number) => dayFmt.format(new Date(at));
  /** A sentence of ours with a piece of data in it (a path in monospace): formatted whole, so each language orders it. */
  const withData = (text: string, mark: string, html: string) => text.split(mark).join(html);
  const row = (label: string, value: string | undefined, mono = false): string => {
    if (value === undefined || value === '') return '';
    return `<tr><th scope="row">${e(label)}</th><td${mono ? ' class="mono"' : ''}>${e(value)}</td></tr>`;
  };
  const bytes = (n: number) => t('jobs.report.bytes', { count: n });
  const end = job.endedAt ?? now;
  const banner =
    job.state === 'running'
      ? t('jobs.report.running', { time: time(now), day: day(now) })
      : job.state === 'interrupted'
        ? t('jobs.report.interrupted', { step: job.steps.findIndex((s) => s.state === 'active') + 1 || '?', count: job.steps.length })
        : t('jobs.report.outcome', { state: t(`jobs.state.${job.state}`) });
  const r = job.router;
  const identity = [
    row(t('jobs.report.model'), r.model),
    row(t('jobs.report.board'), r.board, true),
    r.mac
      ? `<tr><th scope="row">${e(t('jobs.report.mac'))}</th><td><span class="mono">${e(r.mac)}</span>${r.macSource ? ` (${e(t('jobs.report.macFrom', { source: r.macSource }))})` : ''}</td></tr>`
      : '',
    row(t('jobs.report.serial'), r.serial, true),
    row(t('jobs.report.address'), r.address, true),
  ].join('');
  const note = [row(t('jobs.note.customer'), job.note.customer), row(t('jobs.note.ticket'), job.note.ticket), row(t('jobs.report.note'), job.note.text)].join('');
  const steps = job.steps
    .map((s) => {
      const span = s.startedAt !== undefined ? `${time(s.startedAt)}${s.endedAt !== undefined ? `–${time(s.endedAt)} (${duration(s.endedAt - s.startedAt)})` : ''}` : '';
      const when = span ? ` <span class="sub">${s.attempts > 1 ? e(t('jobs.report.attempts', { span, count: s.attempts })) : span}</span>` : '';
      const err = s.error ? localizeError(s.error, t) : undefined;
      const errHtml = err ? `<div class="err"><strong>${e(err.message)}</strong>${err.meaning ? ` ${e(err.meaning)}` : ''}${err.fix ? `<br>${e(err.fix)}` : ''}</div>` : '';
      const ev = s.evidence.length ? `<ul class="ev">${s.evidence.map((x) => `<li><time>${time(x.at)}</time>${e(sayIn(t, x.msg, x.text))}</li>`).join('')}</ul>` : '';
      return `<li><span class="st st-${s.state}">${e(ours(t, `playbook.${job.playbookId}.${s.id}.title`, s.title))}</span> — ${e(t(`jobs.step.${s.state}`))}${when}${errHtml}${ev}</li>`;
    })
    .join('');
  const images = job.images.length
    ? `<table><thead><tr><th>${e(t('jobs.report.file'))}</th><td><strong>SHA-256</strong></td></tr></thead><tbody>${job.images.map((i) => `<tr><th scope="row" class="mono">${e(i.fileName)}${i.size ? ` (${e(i.size)})` : ''}</th><td class="mono">${e(i.sha256)}</td></tr>`).join('')}</tbody></table>`
    : `<p>${e(t('jobs.report.noImage'))}</p>`;
  const LOC = '\u0001';
  const KIND = '\u0002';
  const backups = job.backups.length
    ? job.backups
        .map((b) => {
          const kind = t(b.kind === 'full' ? 'jobs.report.backupFull' : 'jobs.backup.settings');
          const said = t('jobs.report.backupAt', { kind: KIND, time: time(b.at), location: LOC, size: b.bytes !== undefined ? bytes(b.bytes) : 'none' });
          const head = `<p>${withData(withData(e(said), LOC, `<span class="mono">${e(b.location)}</span>`), KIND, `<strong>${e(kind)}</strong>`)}</p>`;
          const files = b.manifest
            ? `<table><tbody>${b.manifest.files.map((f) => `<tr><th scope="row" class="mono">${e(f.name)}${f.bytes !== undefined ? ` (${e(bytes(f.bytes))})` : ''}</th><td class="mono">${f.sha256 ? e(f.sha256) : e(t('jobs.report.notCopied'))}</td></tr>`).join('')}</tbody></table>${b.manifest.complete ? '' : `<p>${e(t('jobs.report.incomplete'))}</p>`}`
            : b.manifestNote
              ? `<p>${e(b.manifestNote)}</p>`
              : '';
          return head + files;
        })
        .join('')
    : `<p>${e(t('jobs.report.noBackup'))}</p>`;
  const title = ours(t, `playbook.${job.playbookId}.title`, job.title);
  return `<!doctype html>
<html lang="${e(tag)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('jobs.report.pageTitle', { title, day: day(job.startedAt) }))}</title>
<style>${CSS}</style></head>
<body><main>
<h1>${e(title)}</h1>
<p class="sub">${e(t('jobs.report.sub', { id: job.id, day: day(job.startedAt), time: time(job.startedAt), zone: zone(job.startedAt), station: job.station, spent: duration(end - job.startedAt) }))}</p>
<div class="banner ${job.state}" role="status">${e(banner)}</div>
${job.outcome ? `<p>${e(job.outcome)}</p>` : ''}
<h2>${e(t('jobs.report.router'))}</h2>
${identity ? `<table><tbody>${identity}</tbody></table>` : `<p>${e(t('jobs.report.notIdentified'))}</p>`}
${note ? `<h2>${e(t('jobs.note.label'))}</h2><table><tbody>${note}</tbody></table>` : ''}
<h2>${e(t('jobs.whatWasDone'))}</h2>
<ol>${steps}</ol>
<h2>${e(t('jobs.images'))}</h2>
${images}
<h2>${e(t('jobs.backups'))}</h2>
${backups}
<footer>${e(t('jobs.report.footer', { day: day(now), time: time(now), zone: zone(now) }))}</footer>
</main></body></html>
`;
}
