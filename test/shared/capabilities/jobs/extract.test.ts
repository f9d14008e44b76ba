import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startRecord, type JournalRecord, type PlaybookDef } from '../../../../src-shared/capabilities/playbook';
import { loadCatalog, said, translator } from '../../../../src-shared/i18n';
import { extractJob, identityFrom, imageFrom, backupFrom, jobReportHtml, escapeHtml, seenBeforeText, JobSchema } from '../../../../src-shared/capabilities/jobs';

const def: PlaybookDef = {
  id: 'p',
  title: 'Reflash',
  summary: '',
  steps: ['a', 'b'].map((id) => ({ id, kind: 'action' as const, title: `Step ${id}`, doNow: id, explain: '', preconditions: [], success: '', failure: '', onFailure: { kind: 'abort' as const }, run: id })),
};
const T = Date.UTC(2026, 10, 3, 13, 2, 11);
const SHA = 'ab'.repeat(32);

function journal(extra: JournalRecord[], end = true, options: Record<string, string | number | boolean> = { routerAddress: '192.168.1.1' }): JournalRecord[] {
  return [
    startRecord('20261103T130211-abcdef', def, options, T),
    { type: 'step', at: T + 1000, stepId: 'a', state: 'active' },
    ...extra,
    { type: 'step', at: T + 5000, stepId: 'a', state: 'done' },
    { type: 'step', at: T + 5001, stepId: 'b', state: 'active' },
    ...(end ? [{ type: 'step', at: T + 9000, stepId: 'b', state: 'done' } as JournalRecord, { type: 'end', at: T + 9001, state: 'done', summary: 'Done. The router runs OpenWrt.' } as JournalRecord] : []),
  ];
}

describe('a job from a journal', () => {
  it('reads the router, images, backups, steps with times and the outcome', () => {
    const job = extractJob(
      journal([
        { type: 'transcript', at: T + 1100, stepId: 'a', dir: 'received', text: 'bootdelay=2\nethaddr=C4:41:1E:AA:BB:01\n' },
        { type: 'transcript', at: T + 1200, stepId: 'a', dir: 'received', text: '{"model": "Linksys WRT3200ACM", "board_name": "linksys,wrt3200acm"}' },
        { type: 'evidence', at: T + 1300, stepId: 'a', text: `openwrt-23.05.5-sysupgrade.bin: 7.5 MiB, SHA-256 ${SHA}. An OpenWrt image.` },
        { type: 'evidence', at: T + 1400, stepId: 'a', text: 'Saved your settings (12345 bytes, sysupgrade -b) to /data/backups/x.tar.gz. They can be restored later with sysupgrade -r or the router\'s web page.' },
        { type: 'evidence', at: T + 1500, stepId: 'a', text: 'Full backup complete: /data/backups/full-1.' },
      ]),
      { station: 'bench-1', live: false },
    )!;
    expect(JobSchema.parse(job)).toEqual(job);
    expect(job.router).toEqual({ mac: 'c4:41:1e:aa:bb:01', macSource: 'uboot', board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM', address: '192.168.1.1' });
    expect(job.images).toEqual([{ fileName: 'openwrt-23.05.5-sysupgrade.bin', sha256: SHA, size: '7.5 MiB', at: T + 1300 }]);
    expect(job.backups.map((b) => [b.kind, b.location, b.bytes])).toEqual([
      ['settings', '/data/backups/x.tar.gz', 12345],
      ['full', '/data/backups/full-1', undefined],
    ]);
    expect(job.steps.map((s) => [s.id, s.state, s.startedAt, s.endedAt])).toEqual([
      ['a', 'done', T + 1000, T + 5000],
      ['b', 'done', T + 5001, T + 9000],
    ]);
    expect(job.state).toBe('done');
    expect(job.outcome).toBe('Done. The router runs OpenWrt.');
    expect(job.station).toBe('bench-1');
  });

  it('prefers the bootloader MAC over one this computer saw, and names where each came from', () => {
    expect(identityFrom(['10.0.0.1 lladdr 00:11:22:33:44:55 REACHABLE'])).toEqual({ mac: '00:11:22:33:44:55', macSource: 'arp' });
    expect(identityFrom(['NMRP: the router 00-11-22-33-44-66 asked'])).toMatchObject({ mac: '00:11:22:33:44:66', macSource: 'nmrp' });
    expect(identityFrom(['10.0.0.1 lladdr 00:11:22:33:44:55', 'ethaddr=00:aa:bb:cc:dd:ee'])).toMatchObject({ mac: '00:aa:bb:cc:dd:ee', macSource: 'uboot' });
    expect(identityFrom(['ff:ff:ff:ff:ff:ff broadcast'])).toEqual({});
    expect(identityFrom(['Serial number: ABC123456'])).toEqual({ serial: 'ABC123456' });
  });

  it('image and backup lines: only the upgrade flows\' own words count', () => {
    expect(imageFrom('nothing here', 1)).toBeUndefined();
    expect(imageFrom(`SHA-256 ${SHA}`, 1)).toEqual({ fileName: 'image', sha256: SHA, at: 1 });
    expect(backupFrom('Full backup to /x…', 1)).toBeUndefined();
  });

  it('a practice run never becomes a job (decision 0091)', () => {
    expect(extractJob(journal([], true, { practice: true }), { station: 's', live: false })).toBeUndefined();
  });

  it('a journal without an end is running while its run goes on, interrupted otherwise', () => {
    expect(extractJob(journal([], false), { station: 's', live: true })!.state).toBe('running');
    expect(extractJob(journal([], false), { station: 's', live: false })!.state).toBe('interrupted');
  });

  it('notes: the last word on each field wins, an empty one clears it', () => {
    const job = extractJob(journal([]), {
      station: 's',
      live: false,
      notes: [
        { type: 'note', at: T + 20_000, note: { customer: 'Ada', ticket: '7' }, serial: 'SN1' },
        { type: 'note', at: T + 30_000, note: { ticket: '' } },
      ],
    })!;
    expect(job.note).toEqual({ customer: 'Ada' });
    expect(job.router.serial).toBe('SN1');
    expect(job.updatedAt).toBe(T + 30_000);
  });

  it('never throws on what a router says (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 8 }), (lines) => {
        const id = identityFrom(lines);
        if (id.mac) expect(id.mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
        for (const l of lines) imageFrom(l, 0), backupFrom(l, 0);
      }),
    );
  });
});

describe('the job report page', () => {
  const hostile = '<script>alert("x")</script><img src=http://evil.example/x.png>';
  const job = extractJob(
    journal([
      { type: 'transcript', at: T + 1200, stepId: 'a', dir: 'received', text: JSON.stringify({ model: hostile, board_name: 'x,y' }) },
      { type: 'evidence', at: T + 1300, stepId: 'a', text: `The router said "${hostile}"` },
    ]),
    { station: '<b>bench</b>', live: false, notes: [{ type: 'note', at: T, note: { customer: 'O\'Brien & Sons <ltd>' } }] },
  )!;

  it('escapes every text from the router and the user, and asks for nothing from anywhere', () => {
    const html = jobReportHtml(job, T + 60_000);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bench');
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('O&#39;Brien &amp; Sons &lt;ltd&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    // no attribute that loads anything: src=, href=, url(
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|action)=|url\(|@import/i);
    expect(job.router.model).toBe(hostile);
  });

  it('a running job says so plainly at the top', () => {
    const running = extractJob(journal([], false), { station: 's', live: true })!;
    const html = jobReportHtml(running, T + 60_000);
    expect(html).toMatch(/class="banner running"[^>]*>This job is still running\. This report shows what was done up to/);
    expect(jobReportHtml(job, T + 60_000)).toContain('Outcome: finished.');
  });

  it('in German: <html lang="de">, German headings, the same evidence, names and hashes byte for byte', async () => {
    const full = extractJob(
      journal([
        { type: 'transcript', at: T + 1100, stepId: 'a', dir: 'received', text: 'ethaddr=C4:41:1E:AA:BB:01\n' },
        { type: 'evidence', at: T + 1300, stepId: 'a', text: `openwrt-23.05.5-sysupgrade.bin: 7.5 MiB, SHA-256 ${SHA}. An OpenWrt image.` },
        { type: 'evidence', at: T + 1400, stepId: 'a', text: 'Saved your settings (12345 bytes, sysupgrade -b) to /data/backups/x.tar.gz. They can be restored later with sysupgrade -r or the router\'s web page.' },
      ]),
      { station: 'bench-1', live: false },
    )!;
    const en = jobReportHtml(full, T + 60_000);
    const de = jobReportHtml(full, T + 60_000, { locale: 'de', t: translator('de', await loadCatalog('de')) });
    expect(en).toContain('<html lang="en">');
    expect(de).toContain('<html lang="de">');
    for (const h of ['Der Router', 'Was getan wurde', 'Firmware-Images', 'Sicherungen']) expect(de).toContain(`<h2>${h}</h2>`);
    expect(de).toContain('Ergebnis: fertig.');
    expect(de).toContain('aus dem ethaddr des Bootloaders');
    expect(de).toContain('12.345 Bytes'); // sizes with Intl: German groups thousands with a dot
    expect(en).toContain('12,345 bytes');
    expect(de).toContain('3. November 2026');
    expect(de).not.toMatch(/>(The router|What was done|Backups)</);
    // evidence lines, the image's name and hash, the backup's place: the same bytes in both
    const data = (h: string) => [...h.matchAll(/<ul class="ev">.*?<\/ul>|<[a-z]+[^>]*class="mono"[^>]*>.*?<\/[a-z]+>/gs)].map((m) => m[0]);
    expect(data(de).length).toBeGreaterThan(3);
    expect(data(de)).toEqual(data(en));
  });

  it('evidence lines that are ours are said in the report\'s language from their ids; the router\'s own lines stay as they came (decision 0188)', async () => {
    const saved = said('upgrade.said.ev.settingsSaved', { bytes: 12345, file: '/data/backups/x.tar.gz' });
    const full = extractJob(
      journal([
        { type: 'evidence', at: T + 1300, stepId: 'a', text: 'The router printed: "Commencing upgrade"' },
        { type: 'evidence', at: T + 1400, stepId: 'a', text: saved.text, msg: saved.msg },
      ]),
      { station: 'bench-1', live: false },
    )!;
    expect(full.steps[0]!.evidence.map((e) => e.msg)).toEqual([undefined, saved.msg]);
    // the job keeps the English too: the backup is found from it, as before
    expect(full.backups.map((b) => b.location)).toEqual(['/data/backups/x.tar.gz']);
    const de = jobReportHtml(full, T + 60_000, { locale: 'de', t: translator('de', await loadCatalog('de')) });
    expect(de).toContain('Ihre Einstellungen (12345 Bytes, sysupgrade -b) wurden in /data/backups/x.tar.gz gesichert.');
    expect(de).toContain('The router printed: &quot;Commencing upgrade&quot;');
    expect(de).not.toContain('Saved your settings');
  });

  it('"seen before" in words', () => {
    expect(seenBeforeText({ startedAt: new Date(2026, 10, 3, 12).getTime(), backups: 1, title: 'Reflash', state: 'done' })).toBe('Seen before: 2026-11-03, backup taken — Reflash, finished.');
  });
});
