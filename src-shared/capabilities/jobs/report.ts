/**
 * A job as one self-contained HTML page (pure): inline CSS, no scripts, no pictures or fonts from anywhere,
 * and a Content-Security-Policy that forbids every request, so the page opens the same on the customer's
 * computer years later. Every text that came from the router or the user is escaped: a router that calls
 * itself `<script>` shows that name, nothing more. The same page is printed to PDF by Chromium or Electron.
 */
import type { Job, JobStep } from './contract';
import { day, stateWords } from './extract';

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

const STEP_WORDS: Record<JobStep['state'], string> = { pending: 'not reached', active: 'in progress', done: 'done', failed: 'failed', skipped: 'skipped' };

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

function row(label: string, value: string | undefined, mono = false): string {
  if (value === undefined || value === '') return '';
  return `<tr><th scope="row">${escapeHtml(label)}</th><td${mono ? ' class="mono"' : ''}>${escapeHtml(value)}</td></tr>`;
}

const MAC_SOURCE: Record<string, string> = { uboot: "from the bootloader's ethaddr", nmrp: 'from the Netgear recovery', arp: "from this computer's address table (ARP)", router: 'as the router said it' };

/** The report page. `now` is when it is made (a running job says how far it got by then). */
export function jobReportHtml(job: Job, now: number = Date.now()): string {
  const e = escapeHtml;
  const end = job.endedAt ?? now;
  const banner =
    job.state === 'running'
      ? `This job is still running. This report shows what was done up to ${time(now)} on ${day(now)}; make a new report when it has finished.`
      : job.state === 'interrupted'
        ? `This job did not finish: Rescue Bench was closed at step ${job.steps.findIndex((s) => s.state === 'active') + 1 || '?'} of ${job.steps.length}.`
        : `Outcome: ${stateWords(job.state)}.`;
  const r = job.router;
  const identity = [
    row('Model', r.model),
    row('Board name', r.board, true),
    row('MAC address', r.mac ? `${r.mac}${r.macSource ? ` (${MAC_SOURCE[r.macSource]})` : ''}` : undefined, true),
    row('Serial number', r.serial, true),
    row('Address', r.address, true),
  ].join('');
  const note = [row('Customer', job.note.customer), row('Ticket', job.note.ticket), row('Note', job.note.text)].join('');
  const steps = job.steps
    .map((s) => {
      const when = s.startedAt !== undefined ? ` <span class="sub">${time(s.startedAt)}${s.endedAt !== undefined ? `–${time(s.endedAt)} (${duration(s.endedAt - s.startedAt)})` : ''}${s.attempts > 1 ? `, ${s.attempts} attempts` : ''}</span>` : '';
      const err = s.error ? `<div class="err"><strong>${e(s.error.message)}</strong>${s.error.meaning ? ` ${e(s.error.meaning)}` : ''}${s.error.fix ? `<br>${e(s.error.fix)}` : ''}</div>` : '';
      const ev = s.evidence.length ? `<ul class="ev">${s.evidence.map((x) => `<li><time>${time(x.at)}</time>${e(x.text)}</li>`).join('')}</ul>` : '';
      return `<li><span class="st st-${s.state}">${e(s.title)}</span> — ${STEP_WORDS[s.state]}${when}${err}${ev}</li>`;
    })
    .join('');
  const images = job.images.length
    ? `<table><thead><tr><th>File</th><td><strong>SHA-256</strong></td></tr></thead><tbody>${job.images.map((i) => `<tr><th scope="row" class="mono">${e(i.fileName)}${i.size ? ` (${e(i.size)})` : ''}</th><td class="mono">${e(i.sha256)}</td></tr>`).join('')}</tbody></table>`
    : '<p>No firmware image was used.</p>';
  const backups = job.backups.length
    ? job.backups
        .map((b) => {
          const head = `<p><strong>${b.kind === 'full' ? 'Full backup (every part of the router memory)' : 'Settings backup'}</strong> at ${time(b.at)}: <span class="mono">${e(b.location)}</span>${b.bytes !== undefined ? `, ${b.bytes} bytes` : ''}</p>`;
          const files = b.manifest
            ? `<table><tbody>${b.manifest.files.map((f) => `<tr><th scope="row" class="mono">${e(f.name)}${f.bytes !== undefined ? ` (${f.bytes} bytes)` : ''}</th><td class="mono">${f.sha256 ? e(f.sha256) : 'not copied'}</td></tr>`).join('')}</tbody></table>${b.manifest.complete ? '' : '<p>The backup is not complete: some parts could not be copied.</p>'}`
            : b.manifestNote
              ? `<p>${e(b.manifestNote)}</p>`
              : '';
          return head + files;
        })
        .join('')
    : '<p>No backup was taken during this job.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Job report — ${job.title} — ${day(job.startedAt)}`)}</title>
<style>${CSS}</style></head>
<body><main>
<h1>${e(job.title)}</h1>
<p class="sub">Job ${e(job.id)} · ${day(job.startedAt)} ${time(job.startedAt)} (${zone(job.startedAt)}) · station ${e(job.station)} · time spent ${duration(end - job.startedAt)}</p>
<div class="banner ${job.state}" role="status">${e(banner)}</div>
${job.outcome ? `<p>${e(job.outcome)}</p>` : ''}
<h2>The router</h2>
${identity ? `<table><tbody>${identity}</tbody></table>` : '<p>The run did not learn which router it was.</p>'}
${note ? `<h2>Customer and ticket</h2><table><tbody>${note}</tbody></table>` : ''}
<h2>What was done</h2>
<ol>${steps}</ol>
<h2>Firmware images</h2>
${images}
<h2>Backups</h2>
${backups}
<footer>Made by Rescue Bench on ${day(now)} at ${time(now)}. Times are this computer's clock (${zone(now)}). The evidence lines are what the router and this computer recorded while the job ran.</footer>
</main></body></html>
`;
}
