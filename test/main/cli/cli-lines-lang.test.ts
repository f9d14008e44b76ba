/**
 * Issue 19 (decisions 0162–0163): the lines the command line prints around a transfer, a job's status and a
 * restore, in the language asked for (--lang de), and in English word for word as before. Real commands, real
 * peers on loopback only: `tftp serve` answers `tftp put` on 127.0.0.1.
 */
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { tftpPutCommand, tftpServe } from '../../../src-main/capabilities/tftp/cli';
import { failsafeWatch } from '../../../src-main/capabilities/failsafe/cli-watch';
import { serve } from '../../../src-main/cli/serve';
import { insecureLanWarning } from '../../../src-main/browser-server/server';
import { encodeNetmsg } from '../../../src-shared/capabilities/failsafe/netmsg';
import { loadCatalog, translator } from '../../../src-shared/i18n';
import { captureCliIo, untilLine } from '../../../test-support/cli-io';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-cli-lines-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const capture = captureCliIo;
const until = untilLine;

/** serve a folder on loopback, send a file to it with `tftp put`, both in `lang`; every line printed */
async function roundTrip(lang: string[]): Promise<{ serve: string; put: string; remote: string; sha: string }> {
  const root = fs.mkdtempSync(path.join(dir, 'root-'));
  const up = fs.mkdtempSync(path.join(dir, 'up-'));
  fs.writeFileSync(path.join(root, 'fw.bin'), 'firmware');
  const data = crypto.randomBytes(300_000);
  const file = path.join(dir, `fw-${path.basename(root)}.bin`);
  fs.writeFileSync(file, data);
  const sha = crypto.createHash('sha256').update(data).digest('hex');
  const s = capture();
  const served = runCli(['tftp', 'serve', '--root', root, '--allow-write', up, '--bind', '127.0.0.1', '--port', '0', '--alias', 'asked.bin=fw.bin', ...lang], s.io, [tftpServe], {});
  const port = (await until(s.lines, /(?:port|Port) (\d+)/))[1]!;
  const p = capture();
  const remote = 'cli.bin';
  expect(await runCli(['tftp', 'put', '--host', '127.0.0.1', '--port', port, '--file', file, '--remote-name', remote, ...lang], p.io, [tftpPutCommand], {})).toBe(0);
  await until(s.lines, /sha256 [0-9a-f]{64}/);
  s.stop();
  expect(await served).toBe(0);
  expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(up, remote))).digest('hex')).toBe(sha);
  return { serve: s.lines.join('\n'), put: p.lines.join('\n'), remote, sha };
}

describe('the command line speaks the language asked for (issue 19)', () => {
  it('tftp serve and tftp put --lang de: the server, the transfer and the result in German', async () => {
    const { serve, put, sha } = await roundTrip(['--lang', 'de']);
    expect(serve).toMatch(/^Stelle .* per TFTP bereit auf 127\.0\.0\.1, Port \d+; Uploads landen in .*\.$/m);
    expect(serve).toMatch(/^Eine Anfrage nach „asked\.bin“ bekommt fw\.bin\. Mit Strg-C beenden\.$/m);
    expect(serve).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+  fertig „cli\\.bin“  0\\.29 MiB in \\d+\\.\\d\\d s \\(.* MiB/s\\)  sha256 ${sha}$`, 'm'));
    expect(put).toMatch(/^127\.0\.0\.1:\d+  sende „.*fw-.*\.bin“ als „cli\.bin“$/m);
    expect(put).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+  fertig: Der Router hat alle 0\\.29 MiB von „cli\\.bin“ in \\d+\\.\\d\\d s bestätigt \\(.* MiB/s, blksize \\d+\\)  sha256 ${sha}$`, 'm'));
    expect(put).toMatch(new RegExp(`^Fertig\\. Der Router unter 127\\.0\\.0\\.1 hat jeden Block von „cli\\.bin“ bestätigt \\(300000 Bytes, sha256 ${sha}\\)\\.$`, 'm'));
    expect(`${serve}\n${put}`).not.toMatch(/Serving|acknowledged|Press Ctrl-C|\bdone\b|sending/);
  });

  it('tftp serve and tftp put in English: the lines word for word as before', async () => {
    const { serve, put, sha } = await roundTrip([]);
    expect(serve).toMatch(/^Serving .* by TFTP on 127\.0\.0\.1, port \d+; uploads go to .*\.$/m);
    expect(serve).toMatch(/^A request for "asked\.bin" gets fw\.bin\. Press Ctrl-C to stop\.$/m);
    expect(serve).toMatch(/^127\.0\.0\.1:\d+  receiving "cli\.bin"  blksize \d+$/m);
    expect(serve).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+  done "cli\\.bin"  0\\.29 MiB in \\d+\\.\\d\\d s \\(.* MiB/s\\)  sha256 ${sha}$`, 'm'));
    expect(put).toMatch(/^127\.0\.0\.1:\d+  sending ".*fw-.*\.bin" as "cli\.bin"$/m);
    expect(put).toMatch(new RegExp(`^127\\.0\\.0\\.1:\\d+  done: the router acknowledged all 0\\.29 MiB of "cli\\.bin" in \\d+\\.\\d\\d s \\(.* MiB/s, blksize \\d+\\)  sha256 ${sha}$`, 'm'));
    expect(put).toMatch(new RegExp(`^Done\\. The router at 127\\.0\\.0\\.1 acknowledged every block of "cli\\.bin" \\(300000 bytes, sha256 ${sha}\\)\\.$`, 'm'));
  });

  it('failsafe watch --lang de: the listening line and a datagram from loopback in German; English as before', async () => {
    for (const [lang, listening] of [
      [['--lang', 'de'], /^Lausche auf UDP 127\.0\.0\.1:\d+(, [\d.:]+)*\. Schalten Sie den Router jetzt ein\. Mit Strg-C beenden\.$/m],
      [[], /^Listening on UDP 127\.0\.0\.1:\d+(, [\d.:]+)*\. Power the router on now\. Press Ctrl-C to stop\.$/m],
    ] as const) {
      const probe = dgram.createSocket('udp4');
      await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
      const port = probe.address().port;
      await new Promise<void>((r) => probe.close(() => r()));
      const w = capture();
      const ran = runCli(['failsafe', 'watch', '--bind', '127.0.0.1', '--port', String(port), ...lang], w.io, [failsafeWatch], {});
      await until(w.lines, /UDP/);
      const s = dgram.createSocket('udp4');
      s.send(encodeNetmsg('Please press button now to enter failsafe'), port, '127.0.0.1');
      await until(w.lines, /127\.0\.0\.1 +failsafe-prompt/);
      s.close();
      w.stop();
      expect(await ran).toBe(0);
      const text = w.lines.join('\n');
      expect(text).toMatch(listening);
      // loopback is not 192.168.1.x: the mark says so in the language asked for
      expect(text).toMatch(lang.length ? /  \(nicht von 192\.168\.1\.x\)$/m : /  \(not from 192\.168\.1\.x\)$/m);
    }
  });

  it('serve --lang de: ready, the practice hint and the LAN warning in German; English as before', async () => {
    const renderer = fs.mkdtempSync(path.join(dir, 'renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>probe</title>');
    for (const [lang, ready, hint] of [
      [['--lang', 'de'], /^Rescue Bench ist bereit: Öffnen Sie http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ in einem Browser auf diesem Computer\. Mit Strg-C beenden\.$/m, /^Noch kein Router auf dem Tisch\?/m],
      [[], /^Rescue Bench is ready: open http:\/\/127\.0\.0\.1:\d+\/\?token=\S+ in a browser on this computer\. Press Ctrl-C to stop\.$/m, /^No router on the desk yet\? The screen offers a practice router \(or start with: serve --practice\)\.$/m],
    ] as const) {
      const c = capture();
      const ran = runCli(['serve', '--port', '0', '--renderer', renderer, ...lang], c.io, [serve], {});
      await until(c.lines, /token=/);
      c.stop();
      expect(await ran).toBe(0);
      expect(c.lines.join('\n')).toMatch(ready);
      expect(c.lines.join('\n')).toMatch(hint);
    }
    const de = translator('de', await loadCatalog('de'));
    expect(insecureLanWarning('0.0.0.0', de)).toMatch(/^Achtung: Die Werkbank lauscht auf 0\.0\.0\.0 über unverschlüsseltes HTTP\./);
  });
});
