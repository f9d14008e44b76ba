/**
 * Restore checks the whole backup folder BEFORE it connects to the router (issue 12 #7): a manifest.json
 * that names a file outside the folder (or any name backup does not write), or a partition file that is a
 * link, is refused without a single connection. The "router" is a TCP listener on 127.0.0.1 that counts
 * connections and closes them: the flash service's real session code connects to it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest, RestoreRequest } from '../../../../src-shared/capabilities/flash/contract';
import { RbFault } from '../../../../src-shared/errors';
import { FlashService } from '../../../../src-main/capabilities/flash/service';

let tmp: string;
let listener: net.Server;
let port = 0;
let connections = 0;
let service: FlashService;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-rfolder-'));
  listener = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
  port = (listener.address() as net.AddressInfo).port;
  service = new FlashService(path.join(tmp, 'data'), { progress: () => undefined, partition: () => undefined, done: () => undefined, restoreProgress: () => undefined });
});
afterAll(async () => {
  await service.dispose();
  await new Promise<void>((r) => listener.close(() => r()));
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  connections = 0;
});

const secret = Buffer.from('root:$6$not-for-the-router:19000:0:99999:7:::\n');
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

/** A backup folder as backup writes it, with `file` (and what it holds) for the firmware partition. */
function folder(name: string, file: string, data: Buffer = Buffer.alloc(0x1000, 7)): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const m: Manifest = {
    format: 'rescue-bench-backup/1',
    tool: { name: 'Rescue Bench', version: '0.1.0' },
    createdAt: '2026-12-01T00:00:00.000Z',
    device: { host: '127.0.0.1', method: 'ssh', identity: { boardName: 'rescue-bench,standin' } },
    partitions: [{ index: 3, name: 'firmware', size: 0x10000, erasesize: 0x10000, type: 'nor', file, sha256: sha(data), md5: null, bytes: data.length, badBlocks: [], status: 'ok' }],
    complete: true,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  if (file === 'mtd3-firmware.bin') fs.writeFileSync(path.join(dir, file), data);
  return dir;
}

const request = (from: string): RestoreRequest => ({
  target: { host: '127.0.0.1', port, method: 'ssh', user: 'root', hostKeyPolicy: 'session-only' },
  from,
  partitions: ['firmware'],
  overrideDanger: [],
  overrideIdentity: false,
  dryRun: false,
});

async function refusal(p: Promise<unknown>): Promise<RbFault> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RbFault);
  return err as RbFault;
}

describe('restore checks the backup folder before connecting', () => {
  it('a manifest that points outside the folder is refused, with no connection and nothing read', async () => {
    fs.writeFileSync(path.join(tmp, 'secret.bin'), secret);
    // the crafted entry even carries the right checksum of the file it points at
    const from = folder('escape', '../secret.bin', secret);
    for (const run of [() => service.restore(request(from)), () => service.plan(request(from))]) {
      const f = await refusal(run());
      expect(f.code).toBe('BAD_MANIFEST');
      expect(f.message).toMatch(/names files that Rescue Bench never writes/);
      expect(f.meaning).toMatch(/sent nothing to the router/);
      expect(f.details).toContain('../secret.bin');
    }
    expect(connections).toBe(0);
  });

  it('an absolute path, or another partition\'s name, is refused the same way', async () => {
    for (const [name, file] of [
      ['absolute', path.join(tmp, 'secret.bin')],
      ['other', 'mtd2-art.bin'],
    ] as const) {
      const f = await refusal(service.restore(request(folder(name, file, secret))));
      expect(f.code).toBe('BAD_MANIFEST');
    }
    expect(connections).toBe(0);
  });

  it('a partition file that is a link (to a file outside) is refused before connecting', async () => {
    const from = folder('link', 'mtd3-firmware.bin', secret);
    fs.rmSync(path.join(from, 'mtd3-firmware.bin'));
    fs.symlinkSync(path.join(tmp, 'secret.bin'), path.join(from, 'mtd3-firmware.bin'));
    const f = await refusal(service.restore(request(from)));
    expect(f.code).toBe('BACKUP_FILE_NOT_PLAIN');
    expect(f.message).toContain('mtd3-firmware.bin');
    expect(f.fix).toBeTruthy();
    expect(connections).toBe(0);
  });

  it('a good folder gets as far as connecting (the listener sees it)', async () => {
    const f = await refusal(service.restore(request(folder('good', 'mtd3-firmware.bin'))));
    expect(f.code).not.toMatch(/MANIFEST|BACKUP_FILE/);
    expect(connections).toBe(1);
  });
});
