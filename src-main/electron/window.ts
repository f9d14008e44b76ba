/**
 * The security settings of the one window, kept as plain data so a unit test can check them without an
 * Electron binary. Electron security checklist: context isolation, sandbox, no Node integration,
 * webSecurity, no insecure content, no experimental features.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rescue-bench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 560,
    title: 'Rescue Bench',
    backgroundColor: '#0f1720',
    show: false,
    webPreferences: {
      preload: preloadPath,
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
  };
}

/** Is this URL our own packaged UI? Anything else is remote content and is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Help pages the UI may open in the user's browser (shell.openExternal allow-list). */
export const EXTERNAL_ALLOW = [/^https:\/\/openwrt\.org\/docs\//, /^https:\/\/openwrt\.org\/toh\//, /^https:\/\/firmware-selector\.openwrt\.org\//];
export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOW.some((re) => re.test(url));
}
