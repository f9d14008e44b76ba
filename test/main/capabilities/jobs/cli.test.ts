/**
 * The jobs commands through the CLI transport, in this process: `jobs list --json`, `jobs show ID --json`,
 * `jobs report ID --out FILE.html`, `jobs note`, `jobs rebuild`, usage mistakes — every --json line checked
 * against the contract (test-support/cli-lines.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../../src-main/cli/main';
import type { CliIo } from '../../../../src-main/cli/types';
import { parseCliOutput, resultOf } from '../../../../test-support/cli-lines';
import { recordRun } from '../../../../test-support/jobs-runs';

let base: string;
let data: string;
let runId: string;
const saved = process.env.RESCUE_BENCH_DATA_DIR;
beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-jobs-cli-'));
  data = path.join(base, 'data');
  process.env.RESCUE_BENCH_DATA_DIR = data;
  runId = await recordRun(data, { mac: 'c4:41:1e:aa:bb:01', board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM', backupDir: path.join(data, 'backups', 'b1') });
});
afterAll(() => {
  if (saved === undefined) delete process.env.RESCUE_BENCH_DATA_DIR;
  else process.env.RESCUE_BENCH_DATA_DIR = saved;
  fs.rmSync(base, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise(() => undefined) };
  return { code: await runCli(argv, io), out, err };
}

describe('rescue-bench jobs', () => {
  it('jobs list --json: the job, from this station', async () => {
    const r = await run(['jobs', 'list', '--json']);
    expect(r.code).toBe(0);
    const result = resultOf<'jobs list'>(parseCliOutput(r.out));
    expect(result).toMatchObject({ ok: true, value: { source: 'this-station', jobs: [{ id: runId, mac: 'c4:41:1e:aa:bb:01', backups: 1, state: 'done' }] } });
  }, 90_000); // the first command loads the command registry and compiles SQLite's WebAssembly: slow on a loaded machine

  it('jobs show ID --json: steps, backup manifest, and "seen before"', async () => {
    const r = await run(['jobs', 'show', runId, '--json']);
    expect(r.code).toBe(0);
    const result = resultOf<'jobs show'>(parseCliOutput(r.out));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.job.steps).toHaveLength(4);
    expect(result.value.job.backups[0]!.manifest!.files).toHaveLength(3);
    expect(result.value.history.text).toBe('First time this router (MAC c4:41:1e:aa:bb:01) is on the bench.');
  });

  it('jobs note, then jobs list --find by ticket, in plain words', async () => {
    expect((await run(['jobs', 'note', runId, '--customer', 'Ada', '--ticket', 'T-9'])).out).toEqual([`Saved on job ${runId}.`]);
    const r = await run(['jobs', 'list', '--find', 't-9']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(new RegExp(`^${runId}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  finished .* — Linksys WRT3200ACM · c4:41:1e:aa:bb:01 — Ada #T-9 — backup taken$`));
    // the same line in German with --lang de: the state and "backup taken" from the catalogue
    const de = await run(['jobs', 'list', '--find', 't-9', '--lang', 'de']);
    expect(de.out.join('\n')).toMatch(new RegExp(`^${runId}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  fertig .* — Ada #T-9 — Sicherung gemacht$`));
  });

  it("jobs show ID: each step's state in the person's language (decision 0151), the state's own name in English", async () => {
    const en = await run(['jobs', 'show', runId]);
    expect(en.code).toBe(0);
    expect(en.out.join('\n')).toMatch(/^ {2}1\. .+: done \(/m);
    const de = await run(['jobs', 'show', runId, '--lang', 'de']);
    expect(de.out.join('\n')).toMatch(/^ {2}1\. .+: erledigt \(/m);
    expect(de.out.join('\n')).not.toMatch(/: done \(/);
    // and its labels (decision 0152): the router's words and the hashes as they were
    expect(de.out.join('\n')).toMatch(new RegExp(`^Auftrag ${runId}, Station `, 'm'));
    expect(de.out.join('\n')).toMatch(/^Router: Linksys WRT3200ACM, Board linksys,wrt3200acm, MAC c4:41:1e:aa:bb:01$/m);
    expect(de.out.join('\n')).toMatch(/^Sicherung \(\w+\) .+: 3 Dateien in ihrem Manifest$/m);
    expect(en.out.join('\n')).toMatch(/^Router: Linksys WRT3200ACM, board linksys,wrt3200acm, MAC c4:41:1e:aa:bb:01$/m);
    expect(en.out.join('\n')).toMatch(/^Backup \(\w+\) .+: 3 files in its manifest$/m);
  });

  it('jobs report ID --out FILE.html writes the page', async () => {
    const file = path.join(base, 'report.html');
    const r = await run(['jobs', 'report', runId, '--out', file, '--json']);
    expect(r.code).toBe(0);
    expect(resultOf<'jobs report'>(parseCliOutput(r.out))).toMatchObject({ ok: true, value: { path: file, format: 'html', running: false } });
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('<h1>Back up and reflash (test stand-in)</h1>');
    expect(html).toContain('Ada');
  });

  it('jobs report --lang es writes the page in Spanish, the evidence as recorded', async () => {
    const en = path.join(base, 'report-en.html');
    const es = path.join(base, 'report-es.html');
    expect((await run(['jobs', 'report', runId, '--out', en])).code).toBe(0);
    const r = await run(['jobs', 'report', runId, '--out', es, '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain(`Se guardó el informe en ${es}`);
    const html = fs.readFileSync(es, 'utf8');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h2>El router</h2>');
    expect(html).toContain('Resultado: terminado.');
    const evidence = (h: string) => [...h.matchAll(/<ul class="ev">.*?<\/ul>/gs)].map((m) => m[0]);
    expect(evidence(html).length).toBeGreaterThan(0);
    expect(evidence(html)).toEqual(evidence(fs.readFileSync(en, 'utf8')));
    // LANG alone picks it too
    const viaEnv = path.join(base, 'report-env.html');
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, stopped: new Promise(() => undefined) };
    expect(await runCli(['jobs', 'report', runId, '--out', viaEnv], io, undefined, { LANG: 'es_ES.UTF-8' })).toBe(0);
    expect(fs.readFileSync(viaEnv, 'utf8')).toContain('<html lang="es">');
  });

  it('usage mistakes: exit 2 with the reason', async () => {
    const r = await run(['jobs', 'report', runId, '--out', path.join(base, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('must end in .html or .pdf');
    expect((await run(['jobs', 'show'])).code).toBe(2);
    const missing = await run(['jobs', 'show', 'nope', '--json']);
    expect(missing.code).toBe(1);
    expect(resultOf<'jobs show'>(parseCliOutput(missing.out))).toMatchObject({ ok: false, error: { code: 'NO_SUCH_JOB' } });
  });

  it('jobs rebuild: the history again from the journals, the note kept', async () => {
    const r = await run(['jobs', 'rebuild']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['The job history was made again from 1 journal.']);
    expect((await run(['jobs', 'list', '--find', 'ada'])).out.join('\n')).toContain(runId);
  });

  it('jobs settings: station, history file and shop server in plain words; --lang de in German (decision 0163)', async () => {
    const en = await run(['jobs', 'settings']);
    expect(en.code).toBe(0);
    expect(en.out.join('\n')).toMatch(/^Station: \S+\nJob history file: .*jobs\S* \(schema \d+\)\nNo shop server is set: jobs are kept on this computer only\.$/);
    const de = await run(['jobs', 'settings', '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.out.join('\n')).toMatch(/^Station: \S+\nDatei mit dem Auftragsverlauf: .*jobs\S* \(Schema \d+\)\nKein Werkstatt-Server eingestellt: Aufträge bleiben nur auf diesem Computer\.$/);
  });

  it('jobs list with a shop server that does not answer: the "this station only" note in the language asked for (decision 0170)', async () => {
    // a closed port on loopback: the connection is refused at once, nothing leaves this computer
    expect((await run(['jobs', 'settings', '--shop-server', 'postgres://bench:secret@127.0.0.1:1/shop'])).code).toBe(0);
    try {
      const en = await run(['jobs', 'list']);
      expect(en.code).toBe(0);
      const first = en.out.join('\n').split('\n')[0];
      // the job recorded above waits to be sent (the settings change queued it): the same words the service wrote
      expect(first).toBe("Showing this station's jobs only. The shop server does not answer. 1 job waits to be sent; they are kept on this computer and sent when it answers again.");
      const json = resultOf<'jobs list'>(parseCliOutput((await run(['jobs', 'list', '--json'])).out));
      if (!json.ok) throw new Error(json.error.message);
      expect(json.value.note).toBe(first);
      expect(json.value.shop).toMatchObject({ configured: true, reachable: false });
      const de = await run(['jobs', 'list', '--lang', 'de']);
      expect(de.code).toBe(0);
      expect(de.out.join('\n').split('\n')[0]).toBe(
        'Es werden nur die Aufträge dieses Arbeitsplatzes gezeigt. Der Werkstatt-Server antwortet nicht. 1 Auftrag wartet auf das Senden; sie bleiben auf diesem Computer und werden gesendet, sobald er wieder antwortet.',
      );
      expect(de.out.join('\n')).not.toMatch(/Showing|shop server/);
    } finally {
      expect((await run(['jobs', 'settings', '--no-shop-server'])).code).toBe(0);
    }
  });

  it('jobs show --lang de: "seen before" in German, made from the earlier jobs like the screen (decision 0163)', async () => {
    const de = await run(['jobs', 'show', runId, '--lang', 'de']);
    expect(de.code).toBe(0);
    expect(de.out.join('\n')).toMatch(/^Dieser Router \(MAC c4:41:1e:aa:bb:01\) ist zum ersten Mal hier\.$/m);
    expect(de.out.join('\n')).not.toMatch(/First time this router/);
    const en = await run(['jobs', 'show', runId]);
    expect(en.out.join('\n')).toMatch(/^First time this router \(MAC c4:41:1e:aa:bb:01\) is on the bench\.$/m);
  });
});
