/**
 * Jobs in the browser (issue 17): the history of real runs (journals written by the real playbook runner with
 * the stand-in playbook of test-support/jobs-runs.ts), one job's steps and "seen before", and its report
 * exported from the page and opened in Chromium at 1280×800 — as a file, with every request watched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';
import { recordRun } from '../test-support/jobs-runs';

const support = browserSupport();
reportSkipIfNeeded('jobs e2e', support);

const MAC = 'c4:41:1e:aa:bb:01';
const HOSTILE_MODEL = 'Linksys WRT3200ACM <img src=http://127.0.0.1:9/x.png>';

describe.skipIf(!support.ok)('jobs in the browser', () => {
  let bench: Bench;
  let out: string;
  let latest: string;
  beforeAll(async () => {
    bench = await startBench();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-e2e-jobs-'));
    const dir = bench.dataDir;
    await recordRun(dir, { mac: MAC, board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM', backupDir: path.join(dir, 'backups', 'first') });
    await new Promise((r) => setTimeout(r, 1100)); // run ids carry the second
    await recordRun(dir, { mac: '00:90:4c:12:34:56', board: 'tplink,archer-c7-v2', model: 'TP-Link Archer C7 v2', fail: 'The router did not ask for the firmware file.' });
    await new Promise((r) => setTimeout(r, 1100));
    latest = await recordRun(dir, {
      mac: MAC,
      board: 'linksys,wrt3200acm',
      model: HOSTILE_MODEL,
      image: { fileName: 'openwrt-23.05.5-mvebu-cortexa9-linksys_wrt3200acm-squashfs-sysupgrade.bin', bytes: Buffer.alloc(200_000, 3) },
      backupDir: path.join(dir, 'backups', 'second'),
    });
    await bench.services.jobs.note(latest, { customer: 'Ada Lovelace', ticket: 'T-1043' }, 'SN1234567');
  });
  afterAll(async () => {
    await bench?.close();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it('the history, one job with its steps and "seen before"', async () => {
    const page = await bench.openUi();
    await page.getByTestId('nav-jobs').click();
    const rows = page.getByTestId('jobs-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['done', 'failed', 'done']);
    await expect(rows.first().textContent()).resolves.toContain('Ada Lovelace · ticket T-1043 · backup taken');
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('jobs-history', page);

    await page.getByTestId('jobs-find').fill('00904c123456');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('jobs-find').fill('');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => rows.count()).toBe(3);

    await rows.first().click();
    const detail = page.getByTestId('job-detail');
    await detail.waitFor();
    await expect(detail.getAttribute('data-id')).resolves.toBe(latest);
    await expect(page.getByTestId('job-history').textContent()).resolves.toMatch(/^Seen before: \d{4}-\d\d-\d\d, backup taken/);
    expect(await page.getByTestId('job-steps').locator('li[data-state]').count()).toBe(4);
    // the router's own words are text on the page, never markup
    expect(await detail.locator('img').count()).toBe(0);
    await expect(detail.textContent()).resolves.toContain(HOSTILE_MODEL);
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('jobs-detail', page);
  });

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('jobs-row').first().click();
    await page.getByTestId('job-detail').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('jobs-detail-tablet', page);
    await ctx.close();
  });

  it("the report: exported from the page, opened from the file in Chromium at 1280×800, asking for nothing", async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('jobs-row').first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('job-export-html').click()]);
    expect(download.suggestedFilename()).toBe(`job-${latest}.html`);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).resolves.toContain(`Saved job-${latest}.html`);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('job-export-pdf').click()]);
    const pdfFile = path.join(out, pdf.suggestedFilename());
    await pdf.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');

    const report = await ctx.newPage();
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await report.goto(url);
    await expect(report.locator('h1').textContent()).resolves.toBe('Back up and reflash (test stand-in)');
    await expect(report.locator('.banner').textContent()).resolves.toBe('Outcome: finished.');
    const text = (await report.locator('main').textContent()) ?? '';
    expect(text).toContain(HOSTILE_MODEL);
    expect(text).toContain('c4:41:1e:aa:bb:01 (from the bootloader');
    expect(text).toContain('SN1234567');
    expect(text).toContain('Ada Lovelace');
    expect(text).toMatch(/SHA-256[\s\S]*[0-9a-f]{64}/);
    expect(await report.locator('img, script, link, iframe').count()).toBe(0);
    expect(requests).toEqual([url]);
    await bench.screenshot('jobs-report', report);

    // in German (the language shown on the page): <html lang="de">, German headings, the same evidence
    await page.getByTestId('language').selectOption('de');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    const [de] = await Promise.all([page.waitForEvent('download'), page.getByTestId('job-export-html').click()]);
    const deFile = path.join(out, `de-${de.suggestedFilename()}`);
    await de.saveAs(deFile);
    const deHtml = fs.readFileSync(deFile, 'utf8');
    expect(deHtml).toContain('<html lang="de">');
    expect(deHtml).toContain('<h2>Der Router</h2>');
    expect(deHtml).toContain('Ergebnis: fertig.');
    const evidence = (h: string) => [...h.matchAll(/<ul class="ev">.*?<\/ul>/gs)].map((m) => m[0]);
    expect(evidence(deHtml).length).toBeGreaterThan(0);
    expect(evidence(deHtml)).toEqual(evidence(fs.readFileSync(file, 'utf8')));
    await page.getByTestId('language').selectOption('en');
    await ctx.close();
  });
});
