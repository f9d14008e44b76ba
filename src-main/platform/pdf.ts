/**
 * Printing an HTML page (a job report) to PDF with the browser engine this computer has (decision 0105).
 * The CLI and the bench server drive Chromium with playwright-core (`page.pdf`): Debian's /usr/bin/chromium,
 * or Chrome / Edge where Windows and macOS install them, or CHROMIUM_PATH. The Electron shell prints with its
 * own engine (webContents.printToPDF) and registers that printer here at start-up (src-main/electron/pdf.ts),
 * since nothing outside the shell may import electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fault, type RbFault } from '../../src-shared/errors';
import { currentPlatform, type PlatformName } from './host';

export type PdfPrinter = (html: string) => Promise<Buffer>;

let registered: PdfPrinter | undefined;

/** The Electron shell's printer (or a test's): used instead of Chromium from then on. */
export function usePdfPrinter(p: PdfPrinter | undefined): void {
  registered = p;
}

/** Where this platform's Chromium-family browsers live, first the one named in CHROMIUM_PATH. */
export function chromiumCandidates(platform: PlatformName = currentPlatform(), env: NodeJS.ProcessEnv = process.env): string[] {
  const named = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : [];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [...named, ...roots.flatMap((r) => [path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')])];
  }
  if (platform === 'darwin') return [...named, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  return [...named, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
}

export function noBrowserFault(): RbFault {
  return fault('NO_PDF_BROWSER');
}

/** Chromium through playwright-core: the page is set as content (no server, no file), printed on A4 with its colours. */
export async function chromiumPdf(html: string): Promise<Buffer> {
  const exe = chromiumCandidates().find((p) => fs.existsSync(p));
  if (!exe) throw noBrowserFault();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // the report's own policy forbids every request; this also keeps the browser off the network entirely
    await page.route('**/*', (r) => r.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}

export function printPdf(html: string): Promise<Buffer> {
  return (registered ?? chromiumPdf)(html);
}
