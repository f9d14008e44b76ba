/**
 * atftpd, the second real TFTP server the upload client is tested against. Debian marks atftpd and tftpd-hpa as
 * conflicting packages, and tftpd-hpa is installed (it is the benchmark anchor), so atftpd is not installed: its
 * .deb is fetched with `apt-get download` once, unpacked with `dpkg-deb -x` into a cache folder, and run from
 * there (its libraries — libwrap0, libpcre2 — come with tftpd-hpa and the base system). When apt cannot fetch it
 * (offline, no apt), the suites skip with the printed reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the unpacked package lives (RB_ATFTPD_CACHE overrides; survives between runs). */
export const ATFTPD_CACHE = process.env.RB_ATFTPD_CACHE ?? path.join(os.tmpdir(), 'rescue-bench-cache', 'atftpd');

let cached: { ok: true; bin: string } | { ok: false; reason: string } | undefined;

function works(bin: string): boolean {
  try {
    execFileSync(bin, ['--version'], { stdio: 'pipe', timeout: 10_000 });
    return true;
  } catch (err) {
    // atftpd --version prints and exits 0; a missing library makes the loader fail with 127
    return (err as { status?: number }).status === 0;
  }
}

/** The path of a runnable atftpd binary, fetching and unpacking it the first time. */
export function atftpdBinary(): { ok: true; bin: string } | { ok: false; reason: string } {
  if (cached) return cached;
  const bin = path.join(ATFTPD_CACHE, 'root', 'usr', 'sbin', 'atftpd');
  if (fs.existsSync(bin) && works(bin)) return (cached = { ok: true, bin });
  for (const tool of ['apt-get', 'dpkg-deb']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return (cached = { ok: false, reason: `atftpd is fetched with apt-get download and dpkg-deb, and ${tool} is not on this computer` });
    }
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-atftpd-deb-'));
  try {
    fs.chmodSync(work, 0o755); // apt's _apt user writes the download here
    try {
      execFileSync('apt-get', ['download', '-q', 'atftpd'], { cwd: work, stdio: 'pipe', timeout: 300_000 });
    } catch {
      try {
        execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], { stdio: 'pipe', timeout: 600_000 });
        execFileSync('apt-get', ['download', '-q', 'atftpd'], { cwd: work, stdio: 'pipe', timeout: 300_000 });
      } catch (err) {
        return (cached = { ok: false, reason: `apt-get could not download atftpd (${String((err as { stderr?: Buffer }).stderr ?? err).trim().split('\n').pop()})` });
      }
    }
    const deb = fs.readdirSync(work).find((f) => /^atftpd_.*\.deb$/.test(f));
    if (!deb) return (cached = { ok: false, reason: 'apt-get download atftpd left no .deb' });
    const staging = `${ATFTPD_CACHE}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    execFileSync('dpkg-deb', ['-x', path.join(work, deb), path.join(staging, 'root')], { stdio: 'pipe' });
    fs.rmSync(ATFTPD_CACHE, { recursive: true, force: true });
    fs.renameSync(staging, ATFTPD_CACHE);
    if (!works(bin)) return (cached = { ok: false, reason: `the unpacked atftpd (${deb}) does not run here: a library it needs is missing (ldd ${bin})` });
    return (cached = { ok: true, bin });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
