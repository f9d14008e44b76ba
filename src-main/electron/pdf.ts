/**
 * The shell's PDF printer (platform/pdf.ts): a hidden window without scripts loads the report page and
 * Electron's own Chromium prints it (webContents.printToPDF), so the packaged app needs no other browser.
 */
import { BrowserWindow } from 'electron';

/** Its own in-memory session: the request block below must not touch the app window's session. */
const PARTITION = 'rb-report-print';

export async function electronPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: PARTITION } });
  try {
    // the report forbids every request itself (its Content-Security-Policy); nothing may leave this window either
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_d, cb) => cb({ cancel: true }));
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: { top: 0.55, bottom: 0.55, left: 0.47, right: 0.47 } });
  } finally {
    win.destroy();
  }
}
