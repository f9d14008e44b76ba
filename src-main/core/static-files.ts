/**
 * The one static-file server for the built screen (the renderer folder): Electron's app:// handler and the browser
 * server both answer from here, so the same URL gives the same file, type and headers in both.
 *
 * A URL path is decoded once, "/" means index.html, a NUL or an undecodable path is a bad request, and the path is
 * normalised and resolved inside the folder: "..", encoded slashes or backslashes cannot leave it, and neither can
 * a symbolic link (the file's real path must be inside the folder's real path). Folders are never listed.
 * Transports add their own security headers; the policy itself is contentSecurityPolicy() below.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';

/** The screen's content security policy (index.html carries a <meta> copy; test/main/electron keeps them equal). */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (bar widths, partition map); no inline <style> or scripts are used.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

const INDEX = '/index.html';

export type StaticFile =
  /** Found: the bytes and the headers that describe them (type, caching, nosniff). */
  | { status: 200; body: Buffer<ArrayBuffer>; headers: Record<string, string>; path: string }
  /** Not there, or not allowed (outside the folder, a folder): the same answer, so nothing is told about the disk. */
  | { status: 404; notBuilt: boolean }
  /** A path that cannot name a file: undecodable percent-encoding or a NUL byte. */
  | { status: 400 };

function inside(root: string, p: string): boolean {
  return p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The file a URL path (`URL.pathname`, still percent-encoded) names inside `rootDir`. `notBuilt` says the missing
 * file is index.html itself: the screen has not been built (the browser server says so in words).
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (rel === '' || rel === '/') rel = INDEX;
  if (rel.includes('\0')) return { status: 400 };
  const notFound = { status: 404, notBuilt: rel === INDEX } as const;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (!inside(root, file)) return notFound;
  let body: Buffer<ArrayBuffer>;
  let real: string;
  try {
    const rootReal = await fsp.realpath(root);
    real = await fsp.realpath(file);
    if (!inside(rootReal, real)) return notFound; // a link leading out of the folder
    body = await fsp.readFile(real); // a folder fails here (EISDIR): never listed
  } catch {
    return notFound;
  }
  return {
    status: 200,
    body,
    path: real,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // index.html names the hashed assets of this build: always fetched fresh; the assets may be kept a while.
      'Cache-Control': rel === INDEX ? 'no-store' : 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
