/**
 * The bench UI for tests whose router lives in a network namespace (decision 0050): the bench server (CLI
 * `serve`) runs INSIDE the station namespace on its loopback, and Debian's Chromium runs inside the same
 * namespace through a two-line wrapper used as Playwright's executablePath. Playwright talks to Chromium over
 * pipes (stdin/stdout survive `ip netns exec`), so the test process in the root namespace drives the page
 * while every 192.168.x packet stays between the two namespaces.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { CHROMIUM_FLAGS, chromiumPath, openUiAt, saveScreenshot } from './browser';
import { CliLines } from './cli-lines';
import { nodeTsArgs, type Netns } from './netns';

export interface NsBench {
  browser: Browser;
  page: Page;
  url: string;
  dataDir: string;
  server: ChildProcess;
  openUi(page?: Page): Promise<Page>;
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

/**
 * `dataDir`: use (and keep) this data folder, e.g. to restart the workstation over the same journals.
 * `allowFolders`: folders besides the data folder the page may use (`serve --allow-folder`, decision 0007).
 */
export async function startNsBench(ns: Netns, opts: { viewport?: { width: number; height: number }; dataDir?: string; allowFolders?: string[] } = {}): Promise<NsBench> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nsbench-'));
  const dataDir = opts.dataDir ?? path.join(base, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const token = crypto.randomBytes(16).toString('hex');
  const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['serve', '--bind', '127.0.0.1', '--port', '0', '--token', token, '--json', ...(opts.allowFolders ?? []).flatMap((f) => ['--allow-folder', f])]);
  const server = ns.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir } });
  const out = new CliLines(server);
  const listening = await out.waitFor('cli.listening', undefined, 30_000, 'the bench server in the namespace');
  const url = listening.url;
  const wrapper = path.join(base, 'chromium-in-netns.sh');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns.name} ${chromiumPath()} "$@"\n`, { mode: 0o755 });
  const browser = await chromium.launch({ executablePath: wrapper, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    browser,
    page,
    url,
    dataDir,
    server,
    openUi: (p = page) => openUiAt(p, url),
    screenshot: (name, p = page) => saveScreenshot(p, name),
    async close() {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      server.kill('SIGKILL');
      fs.rmSync(base, { recursive: true, force: true });
      if (errors.length) process.stderr.write(`[e2e] page errors: ${errors.join('\n')}\n`);
    },
  };
}
