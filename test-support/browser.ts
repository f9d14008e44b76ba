/**
 * End-to-end harness: a bench server with fresh services in this process, and Debian's Chromium driven by
 * playwright-core (no browser download). The UI under test is the same built renderer Electron loads.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../src-main/core/services';
import { createHandlers } from '../src-main/core/handlers';
import { startBenchServer, type BenchServer } from '../src-main/browser-server/server';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];

export function chromiumPath(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
}

export function browserSupport(): { ok: true } | { ok: false; reason: string } {
  if (!chromiumPath()) return { ok: false, reason: 'no Chromium found (install Debian package `chromium`, or set CHROMIUM_PATH)' };
  if (!fs.existsSync('dist/renderer/index.html')) return { ok: false, reason: 'the renderer is not built (run `npm run build:renderer`)' };
  return { ok: true };
}

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required'];

export interface Bench {
  browser: Browser;
  page: Page;
  server: BenchServer;
  services: Services;
  dataDir: string;
  /** Open the UI (with the token) and wait until it is connected. */
  openUi(page?: Page): Promise<Page>;
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

/** Open the UI at `url` (with its token) and wait until it is connected. */
export async function openUiAt(p: Page, url: string): Promise<Page> {
  await p.goto(url);
  await p.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
  return p;
}

/** What the page showed when a test failed: a temp file named in the output, never a docs screenshot. */
export async function failureScreenshot(p: Page | undefined, name: string): Promise<void> {
  if (!p) return;
  const file = path.join(os.tmpdir(), `rescue-bench-failure-${name.replace(/\W+/g, '-').slice(0, 40)}-${Date.now()}.png`);
  await p.screenshot({ path: file }).then(
    () => process.stderr.write(`[e2e] failure screenshot: ${file}\n`),
    () => undefined,
  );
  // the file stays on the machine that ran the test; CI keeps only the output, so the page's words go there too
  const words = await p
    .evaluate(() => {
      const main = document.querySelector('main');
      const cards = [...document.querySelectorAll('[data-testid="error-card"]')].map((c) => `${c.getAttribute('data-code')}: ${(c as HTMLElement).innerText}`);
      return { section: main?.querySelector('h1')?.textContent ?? '(no page)', cards, text: (main as HTMLElement | null)?.innerText ?? document.body.innerText };
    })
    .catch((e: unknown) => ({ section: `(page not readable: ${String(e)})`, cards: [] as string[], text: '' }));
  const squeeze = (t: string): string => t.replace(/\s+/g, ' ').trim().slice(0, 1500);
  process.stderr.write(`[e2e] failure page: ${words.section}\n${words.cards.map((c) => `[e2e] error card ${squeeze(c)}\n`).join('')}[e2e] failure text: ${squeeze(words.text)}\n`);
}

/** docs/screenshots/<name>.png of the visible window. */
export async function saveScreenshot(p: Page, name: string): Promise<string> {
  fs.mkdirSync('docs/screenshots', { recursive: true });
  const file = path.join('docs/screenshots', `${name}.png`);
  await p.screenshot({ path: file, fullPage: false });
  return file;
}

/** `allowFolders`: folders besides the data folder the page may use, as `serve --allow-folder` (decision 0007). */
export async function startBench(opts: { viewport?: { width: number; height: number }; allowFolders?: string[] } = {}): Promise<Bench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-e2e-'));
  const services = createServices({ host: 'bench-server', dataDir, allowedFolders: opts.allowFolders ?? [] });
  const server = await startBenchServer({ handlers: createHandlers(services), bus: services.bus, rendererDir: 'dist/renderer' });
  const browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const bench: Bench = {
    browser,
    page,
    server,
    services,
    dataDir,
    openUi: (p = page) => openUiAt(p, server.url),
    screenshot: (name, p = page) => saveScreenshot(p, name),
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await services.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (consoleErrors.length) process.stderr.write(`[e2e] page errors: ${consoleErrors.join('\n')}\n`);
    },
  };
  return bench;
}
