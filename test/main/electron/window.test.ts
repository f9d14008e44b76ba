import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { windowOptions, isAppUrl, isAllowedExternal, APP_ENTRY } from '../../../src-main/electron/window';
import { senderIsTrusted, registerIpc, type IpcMainLike } from '../../../src-main/electron/ipc';
import { createServices } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import { ipcChannel } from '../../../src-shared/contract';

describe('window security', () => {
  it('isolates, sandboxes and keeps Node out of the renderer (the literal in new BrowserWindow({...}))', () => {
    const src = fs.readFileSync('src-main/electron/main.ts', 'utf8');
    const call = /new BrowserWindow\(\{[\s\S]*?webPreferences: \{([\s\S]*?)\n\s*\},\n\s*\}\);/.exec(src);
    expect(call, 'a literal webPreferences inside new BrowserWindow({...})').not.toBeNull();
    const wp: Record<string, unknown> = {};
    for (const m of call![1]!.matchAll(/^\s*(\w+)(?::\s*([^,\n]+))?,?\s*$/gm)) wp[m[1]!] = m[2] === undefined ? m[1] : m[2] === 'true' ? true : m[2] === 'false' ? false : m[2];
    expect(wp).toEqual({
      preload: 'preload',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
    expect(windowOptions()).not.toHaveProperty('webPreferences');
  });

  it('loads only the packaged UI from app://, never remote content', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    for (const bad of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) expect(isAppUrl(bad)).toBe(false);
    expect(isAllowedExternal('https://openwrt.org/docs/guide-user/troubleshooting/failsafe_and_factory_reset')).toBe(true);
    expect(isAllowedExternal('https://openwrt.org.evil.example/docs/')).toBe(false);
  });

  it('the shell denies navigation, new windows, webviews and permission requests', () => {
    const src = fs.readFileSync('src-main/electron/main.ts', 'utf8');
    for (const needle of ["'will-navigate'", "'will-redirect'", "'will-attach-webview'", 'setWindowOpenHandler', "action: 'deny'", 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'protocol.handle(APP_SCHEME', 'Content-Security-Policy']) {
      expect(src, needle).toContain(needle);
    }
    expect(src).not.toMatch(/loadURL\((?!APP_ENTRY)/);
  });

  it('the preload exposes one API and never ipcRenderer itself', () => {
    const src = fs.readFileSync('src-main/electron/preload.cts', 'utf8');
    expect(src.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(src).toMatch(/exposeInMainWorld\('rescueBench', api\)/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    const built = fs.existsSync('dist/main/preload.cjs') ? fs.readFileSync('dist/main/preload.cjs', 'utf8') : '';
    if (built) expect(built).not.toMatch(/require\((?!["']electron["'])/); // self-contained: only electron is required
  });
});

describe('IPC sender checks', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;
  it('trusts only the main frame of our own UI', () => {
    expect(senderIsTrusted(frame(APP_ENTRY))).toBe(true);
    expect(senderIsTrusted(frame('https://evil.example/'))).toBe(false);
    expect(senderIsTrusted(frame(APP_ENTRY, {}))).toBe(false);
    expect(senderIsTrusted({ senderFrame: null } as never)).toBe(false);
  });

  it('refuses an untrusted sender and validates payloads', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const fake = { handle: (ch: string, fn: never) => registered.set(ch, fn), removeHandler: () => undefined } as unknown as IpcMainLike;
    const services = createServices({ host: 'electron', dataDir: '/tmp/rb-test' });
    registerIpc(fake, createHandlers(services));
    const start = registered.get(ipcChannel('failsafe.monitor.start'))!;
    await expect(start(frame('https://evil.example/'), {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    await expect(start(frame(APP_ENTRY), { port: 'lots' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const info = registered.get(ipcChannel('app.info'))!;
    await expect(info(frame(APP_ENTRY), {})).resolves.toMatchObject({ ok: true, value: { name: 'Rescue Bench', host: 'electron' } });
  });
});
