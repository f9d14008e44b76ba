/**
 * The Electron shell: thin on purpose. It creates the services (the same ones the CLI and the bench server
 * use), exposes them over typed IPC, and shows one hardened window that loads the packaged UI from the
 * app:// scheme. No capability logic lives here.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import path from 'node:path';
import { createServices } from '../core/services';
import { createHandlers } from '../core/handlers';
import { contentSecurityPolicy, readStaticFile } from '../core/static-files';
import { registerIpc, forwardEvents } from './ipc';
import { usePdfPrinter } from '../platform/pdf';
import { electronPdf } from './pdf';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAllowedExternal, isAppUrl, windowOptions } from './window';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const rendererDir = path.join(__dirname, '..', 'renderer');

/** app://rescue-bench/… is the packaged screen, served by the same code as the browser server (core/static-files.ts). */
async function serveApp(request: Request): Promise<Response> {
  const u = new URL(request.url);
  if (u.host !== APP_HOST) return new Response('not found', { status: 404 });
  const file = await readStaticFile(rendererDir, u.pathname);
  if (file.status !== 200) return new Response('not found', { status: file.status });
  return new Response(file.body, { headers: { ...file.headers, 'Content-Security-Policy': contentSecurityPolicy() } });
}

async function main(): Promise<void> {
  await app.whenReady();
  usePdfPrinter(electronPdf); // job reports print with Electron's own engine (no other browser needed)
  const services = createServices({ host: 'electron', dataDir: app.getPath('userData'), languages: app.getPreferredSystemLanguages() });
  const handlers = createHandlers(services);
  registerIpc(ipcMain, handlers);
  protocol.handle(APP_SCHEME, serveApp);

  // The renderer needs no browser permission: serial, network and files all live in this process.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  // The content security policy on every response the window receives, spelled out here where a reader and the
  // audit (electronegativity) find it. The app:// handler sends the same header and index.html carries a <meta>
  // copy; core/static-files.ts builds it with contentSecurityPolicy(), and test/main/electron keeps them equal.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': ["default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"],
      },
    });
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  // The security settings are written out where the window is made, so a reader and the audit see them
  // (Electron's checklist); test/main/electron/window.test.ts checks this literal.
  const preload = path.join(__dirname, 'preload.cjs');
  const win = new BrowserWindow({
    ...windowOptions(),
    webPreferences: {
      preload,
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
    },
  });
  forwardEvents(services.bus, win.webContents);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY);

  app.on('window-all-closed', () => {
    void services.dispose().finally(() => app.quit());
  });
}

main().catch((err) => {
  console.error(err);
  app.exit(1);
});
