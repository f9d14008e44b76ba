import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localizeError } from '../../../src-shared/i18n/errors';
import { sayIn } from '../../../src-shared/i18n/said';
import { day } from '../../../src-shared/capabilities/jobs';
import { seenWords, shopWords } from '../../../src-shared/capabilities/jobs/words';
import { english, type Translate } from '../../../src-shared/i18n/translate';
import type { Job, JobSummary, JobsStatus } from '../../../src-shared/capabilities/jobs/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { runOnContract } from '../../cli/transport';
import type { LooseMainCapability } from '../../core/capability';
import { said } from '../../../src-shared/i18n/said';

/** Only the journals (playbook) and the jobs: listing the history must not load ssh2, serialport or ws (decision 0041). */
const jobsOnly = async (): Promise<readonly LooseMainCapability[]> => [(await import('../playbook')).playbookMain, (await import('./index')).jobsMain];

function time(at: number): string {
  return new Date(at).toTimeString().slice(0, 5);
}

function listText(t: Translate, jobs: JobSummary[], note?: string): string {
  if (jobs.length === 0) return [note, t('jobs.cli.none')].filter(Boolean).join('\n');
  const rows = jobs.map((j) => {
    const who = [j.model ?? j.board, j.mac, j.serial && `SN ${j.serial}`].filter(Boolean).join(' · ') || t('jobs.cli.list.notIdentified');
    const cust = [j.customer, j.ticket && `#${j.ticket}`].filter(Boolean).join(' ');
    return `${j.id}  ${day(j.startedAt)} ${time(j.startedAt)}  ${t(`jobs.state.${j.state}`).padEnd(12)}  ${j.title} — ${who}${cust ? ` — ${cust}` : ''}${j.backups ? ` — ${t('jobs.backupTaken')}` : ''}`;
  });
  return [...(note ? [note] : []), ...rows].join('\n');
}

function showText(t: Translate, j: Job): string {
  const out = [`${j.title} — ${t(`jobs.state.${j.state}`)}`, t('jobs.cli.show.job', { id: j.id, station: j.station, day: day(j.startedAt), time: time(j.startedAt) })];
  const r = j.router;
  if (r.model || r.board || r.mac || r.serial) out.push(t('jobs.cli.show.router', { what: [r.model, r.board && t('jobs.cli.show.board', { board: r.board }), r.mac && `MAC ${r.mac}`, r.serial && t('jobs.cli.show.serial', { serial: r.serial })].filter(Boolean).join(', ') }));
  if (j.note.customer || j.note.ticket || j.note.text) out.push(t('jobs.cli.show.customer', { what: [j.note.customer, j.note.ticket && t('jobs.cli.show.ticket', { ticket: j.note.ticket }), j.note.text].filter(Boolean).join(' — ') }));
  for (const [i, s] of j.steps.entries()) {
    out.push(`  ${i + 1}. ${s.title}: ${t('playbook.cli.state', { state: s.state })}${s.startedAt !== undefined ? ` (${new Date(s.startedAt).toTimeString().slice(0, 8)}${s.endedAt !== undefined ? `–${new Date(s.endedAt).toTimeString().slice(0, 8)}` : ''})` : ''}`);
    for (const e of s.evidence) out.push(`       ${new Date(e.at).toTimeString().slice(0, 8)} ${sayIn(t, e.msg, e.text)}`);
    if (s.error) out.push(`       ! ${localizeError(s.error, t).message}`);
  }
  for (const i of j.images) out.push(t('jobs.cli.show.image', { file: i.fileName, sha256: i.sha256 }));
  for (const b of j.backups) out.push(t('jobs.cli.show.backup', { kind: b.kind, location: b.location, files: b.manifest ? String(b.manifest.files.length) : 'none' }));
  if (j.outcome) out.push(j.outcome);
  return out.join('\n');
}

function statusText(t: Translate, s: JobsStatus): string {
  const d = s.database;
  return [
    t('jobs.cli.status.station', { station: s.station }),
    t('jobs.cli.status.file', { path: d.path, ok: d.ok ? 'yes' : 'no', schema: String(d.schemaVersion ?? ''), problem: d.error ? localizeError(d.error, t).message : t('jobs.cli.status.unreadable') }),
    shopWords(t, s.shop),
  ].join('\n');
}

export const jobsList: CliCommand = {
  words: ['jobs', 'list'],
  summary: 'jobs.cli.summary.list',
  usage: 'jobs list [--find TEXT] [--limit N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { find: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const limit = values.limit === undefined ? 200 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(said('jobs.cli.usage.limit'));
    return runOnContract(io, { command: 'jobs list', json: values.json, capabilities: jobsOnly }, async (t) => {
      const r = await t.invoke('jobs.list', { ...(values.find !== undefined ? { query: values.find } : {}), limit });
      const tr = io.t ?? english;
      // the note from the shop's state, as the screen says it (decision 0170); the English note where none came
      const note = r.note === undefined ? undefined : r.shop ? tr('jobs.stationOnly', { shop: shopWords(tr, r.shop) }) : r.note;
      return { ok: true, value: r, text: listText(tr, r.jobs, note) };
    });
  },
};

export const jobsShow: CliCommand = {
  words: ['jobs', 'show'],
  summary: 'jobs.cli.summary.show',
  usage: 'jobs show ID [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError(said('jobs.cli.usage.oneId'));
    return runOnContract(io, { command: 'jobs show', json: values.json, capabilities: jobsOnly }, async (t) => {
      const job = await t.invoke('jobs.show', { id: positionals[0]! });
      const history = await t.invoke('jobs.history', { id: job.id });
      return { ok: true, value: { job, history }, text: `${showText(io.t ?? english, job)}\n${seenWords(io.t ?? english, job, history.seenBefore)}` };
    });
  },
};

export const jobsReport: CliCommand = {
  words: ['jobs', 'report'],
  summary: 'jobs.cli.summary.report',
  usage: 'jobs report ID --out FILE.html|FILE.pdf [--lang de|es|en] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (positionals.length !== 1) throw new UsageError(said('jobs.cli.usage.oneId'));
    if (!values.out) throw new UsageError(said('jobs.cli.usage.out'));
    const ext = path.extname(values.out).toLowerCase();
    const format = ext === '.html' || ext === '.htm' ? ('html' as const) : ext === '.pdf' ? ('pdf' as const) : undefined;
    if (!format) throw new UsageError(said('jobs.cli.usage.outKind', { file: values.out }));
    const out = path.resolve(values.out);
    return runOnContract(io, { command: 'jobs report', json: values.json, capabilities: jobsOnly }, async (t) => {
      const r = await t.invoke('jobs.report', { id: positionals[0]!, format, lang: io.locale ?? 'en' });
      const data = Buffer.from(r.base64, 'base64');
      fs.writeFileSync(out, data);
      const value = { path: out, format, bytes: data.length, running: r.running };
      return { ok: true, value, text: (io.t ?? english)(r.running ? 'jobs.cli.savedRunning' : 'jobs.cli.saved', { file: out, bytes: String(data.length) }) };
    });
  },
};

export const jobsRebuild: CliCommand = {
  words: ['jobs', 'rebuild'],
  summary: 'jobs.cli.summary.rebuild',
  usage: 'jobs rebuild [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
    return runOnContract(io, { command: 'jobs rebuild', json: values.json, capabilities: jobsOnly }, async (t) => {
      const r = await t.invoke('jobs.rebuild', {});
      return { ok: true, value: r, text: r.text };
    });
  },
};

export const jobsNote: CliCommand = {
  words: ['jobs', 'note'],
  summary: 'jobs.cli.summary.note',
  usage: 'jobs note ID [--customer NAME] [--ticket T] [--serial SN] [--text NOTE] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { customer: { type: 'string' }, ticket: { type: 'string' }, serial: { type: 'string' }, text: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(said('jobs.cli.usage.oneId'));
    const note: { customer?: string; ticket?: string; text?: string } = {};
    if (values.customer !== undefined) note.customer = values.customer;
    if (values.ticket !== undefined) note.ticket = values.ticket;
    if (values.text !== undefined) note.text = values.text;
    if (Object.keys(note).length === 0 && values.serial === undefined) throw new UsageError(said('jobs.cli.usage.noteWhat'));
    return runOnContract(io, { command: 'jobs note', json: values.json, capabilities: jobsOnly }, async (t) => {
      const job = await t.invoke('jobs.note', { id: positionals[0]!, note, ...(values.serial !== undefined ? { serial: values.serial } : {}) });
      return { ok: true, value: job, text: (io.t ?? english)('jobs.cli.noted', { id: job.id }) };
    });
  },
};

export const jobsSettings: CliCommand = {
  words: ['jobs', 'settings'],
  summary: 'jobs.cli.summary.settings',
  usage: 'jobs settings [--shop-server postgres://USER:PASSWORD@HOST:5432/DB | --no-shop-server] [--station NAME] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { 'shop-server': { type: 'string' }, 'no-shop-server': { type: 'boolean', default: false }, station: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    if (values['shop-server'] !== undefined && values['no-shop-server']) throw new UsageError(said('jobs.cli.usage.shopBoth'));
    const change: { shopServer?: string | null; station?: string } = {};
    if (values['shop-server'] !== undefined) change.shopServer = values['shop-server'];
    if (values['no-shop-server']) change.shopServer = null;
    if (values.station !== undefined) change.station = values.station;
    return runOnContract(io, { command: 'jobs settings', json: values.json, capabilities: jobsOnly }, async (t) => {
      const s = Object.keys(change).length ? await t.invoke('jobs.settings', change) : await t.invoke('jobs.status', {});
      return { ok: true, value: s, text: statusText(io.t ?? english, s) };
    });
  },
};
