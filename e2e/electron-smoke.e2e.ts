/**
 * The real Electron app, driven by Playwright's _electron. Runs wherever an Electron binary is installed
 * (a developer's machine after `npm ci` with network access, or a packaged build via ELECTRON_PATH);
 * prints why it skips otherwise (this CI has no Electron binary: it is downloaded at first launch).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron } from 'playwright-core';
import { reportSkip } from '../test-support/netns';
import { recordRun } from '../test-support/jobs-runs';

function electronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  if (process.env.ELECTRON_PATH) {
    return fs.existsSync(process.env.ELECTRON_PATH) ? { ok: true, path: process.env.ELECTRON_PATH } : { ok: false, reason: `ELECTRON_PATH=${process.env.ELECTRON_PATH} does not exist` };
  }
  // Do not require('electron') here: without a binary it starts a download, which this environment cannot do.
  const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const full = rel ? path.join(pkgDir, 'dist', rel) : '';
  if (full && fs.existsSync(full)) return { ok: true, path: full };
  return { ok: false, reason: 'no Electron binary on this machine: the electron package downloads it at first launch, which this environment cannot do (no internet). Run `npx electron --version` once where you have internet, or set ELECTRON_PATH to an Electron binary' };
}

const bin = electronBinary();
if (!bin.ok) reportSkip('Electron smoke test', bin.reason);
const built = fs.existsSync('dist/main/main.cjs') && fs.existsSync('dist/renderer/index.html');
if (bin.ok && !built) reportSkip('Electron smoke test', 'the app is not built (run `npm run build` first)');

describe.skipIf(!bin.ok || !built)('Electron app', () => {
  it('opens the hardened window, loads the UI from app:// and answers over IPC', async () => {
    const dataDir = fs.mkdtempSync('/tmp/rb-electron-');
    const runId = await recordRun(dataDir, { mac: 'c4:41:1e:aa:bb:01', model: 'Linksys WRT3200ACM' });
    const app = await electron.launch({ executablePath: (bin as { path: string }).path, args: ['.', '--no-sandbox'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir } });
    try {
      const win = await app.firstWindow();
      await win.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 30_000 });
      expect(win.url()).toMatch(/^app:\/\/rescue-bench\//);
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        // getLastWebPreferences exists at runtime but is not in electron.d.ts
        const p = (w.webContents as unknown as { getLastWebPreferences(): { contextIsolation?: boolean; nodeIntegration?: boolean; sandbox?: boolean } | null }).getLastWebPreferences();
        return { contextIsolation: p?.contextIsolation, nodeIntegration: p?.nodeIntegration, sandbox: p?.sandbox };
      });
      expect(prefs).toEqual({ contextIsolation: true, nodeIntegration: false, sandbox: true });
      expect(await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys((globalThis as unknown as { rescueBench: object }).rescueBench).sort())).toEqual(['invoke', 'on', 'transport']);
      await win.evaluate(() => (globalThis as unknown as { location: { assign(u: string): void } }).location.assign('https://navigation-test.invalid/'));
      await new Promise((r) => setTimeout(r, 500));
      expect(win.url()).toMatch(/^app:\/\/rescue-bench\//);

      // The job database under Electron: SQLite as WebAssembly opens in the app's data folder with no native
      // rebuild (decision 0103), and a report prints to PDF with Electron's own engine (platform/pdf.ts).
      type Bridge = { rescueBench: { invoke(name: string, payload: unknown): Promise<{ ok: boolean; value?: any; error?: any }> } };
      const status = await win.evaluate(() => (globalThis as unknown as Bridge).rescueBench.invoke('jobs.status', {}));
      expect(status).toMatchObject({ ok: true, value: { database: { ok: true } } });
      const pdf = await win.evaluate((id) => (globalThis as unknown as Bridge).rescueBench.invoke('jobs.report', { id, format: 'pdf' }), runId);
      expect(pdf).toMatchObject({ ok: true, value: { mime: 'application/pdf', running: false } });
      expect(Buffer.from(pdf.value.base64 as string, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await app.close();
    }
  });
});
