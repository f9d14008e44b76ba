/**
 * The one window's look and the app:// rules, as plain data a unit test checks without an Electron binary.
 * Its security settings (webPreferences) are written out once, where main.ts makes the window, so a reader
 * and the audit see them there; test/main/electron/window.test.ts reads them from that literal.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rescue-bench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function windowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 560,
    title: 'Rescue Bench',
    backgroundColor: '#0f1720',
    show: false,
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
