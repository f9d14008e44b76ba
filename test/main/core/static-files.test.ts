/** The one static-file server behind app:// (Electron) and the browser server: only files of the built screen. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, readStaticFile } from '../../../src-main/core/static-files';

let base: string;
let root: string;
beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-static-')));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>bench</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the screen');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'escape.txt'));
  fs.symlinkSync(path.join(root, 'assets', 'app-1234.js'), path.join(root, 'alias.js'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('"/" and "/index.html" are the index, never cached', async () => {
    for (const p of ['/', '', '/index.html']) {
      const r = await readStaticFile(root, p);
      expect(r.status, p).toBe(200);
      if (r.status !== 200) continue;
      expect(r.body.toString()).toContain('<title>bench</title>');
      expect(r.headers).toEqual({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    }
  });

  it('assets get their type and may be cached; unknown types are octet-stream', async () => {
    const js = await readStaticFile(root, '/assets/app-1234.js');
    expect(js).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'private, max-age=3600' } });
    const bin = await readStaticFile(root, '/assets/blob.bin');
    expect(bin).toMatchObject({ status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(await readStaticFile(root, '/assets/app%2D1234.js')).toMatchObject({ status: 200 }); // percent-encoded once
  });

  it('an unknown file is 404; a missing index says the screen is not built', async () => {
    expect(await readStaticFile(root, '/nope.js')).toEqual({ status: 404, notBuilt: false });
    expect(await readStaticFile(path.join(base, 'not-built'), '/')).toEqual({ status: 404, notBuilt: true });
    expect(await readStaticFile(path.join(base, 'not-built'), '/assets/app.js')).toEqual({ status: 404, notBuilt: false });
  });

  it('nothing outside the folder, however the path is spelled', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%5c%2e%2e%5csecret.txt', `/${base}/secret.txt`, '//../secret.txt']) {
      const r = await readStaticFile(root, p);
      expect(r.status, p).toBe(404);
    }
  });

  it('a symbolic link may not lead out of the folder; one inside it is served', async () => {
    expect(await readStaticFile(root, '/escape.txt')).toEqual({ status: 404, notBuilt: false });
    expect(await readStaticFile(root, '/alias.js')).toMatchObject({ status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });

  it('a NUL byte or a broken percent-encoding is a bad request', async () => {
    for (const p of ['/%00', '/index.html%00.js', '/%E0%A4%A', '/%']) expect(await readStaticFile(root, p), p).toEqual({ status: 400 });
  });

  it('folders are never listed', async () => {
    expect((await readStaticFile(root, '/assets')).status).toBe(404);
    expect((await readStaticFile(root, '/assets/')).status).toBe(404);
  });

  it('the policy forbids everything the screen does not need', () => {
    const csp = contentSecurityPolicy();
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
  });
});
