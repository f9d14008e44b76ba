/**
 * Firmware uploads and inspections have limits (issue 12, item 14; decision 0006): partial files under a
 * temporary name, a few uploads at once, idle ones reaped, finished ones kept only until superseded and
 * deleted on dispose or (a dead process's) at start-up; inspections share a small number of slots.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  FirmwareService,
  INSPECT_CONCURRENCY,
  INSPECT_QUEUE,
  inspectFile,
  inspectSlots,
  KEEP_FINISHED_UPLOADS,
  MAX_ACTIVE_UPLOADS,
} from '../../../../src-main/capabilities/firmware/service';
import { RbFault } from '../../../../src-shared/errors';
import * as W from '../../../../test-support/firmware-images';

let dir: string;
const services: FirmwareService[] = [];
const svcOf = (opts?: ConstructorParameters<typeof FirmwareService>[1]): FirmwareService => {
  const s = new FirmwareService(dir, opts);
  services.push(s);
  return s;
};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-uploads-'));
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const img = W.appendFwtool(W.uimageOf(W.armZImage(W.noise(300_000, 4))), W.openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' }));
const uploads = (): string[] => (fs.existsSync(path.join(dir, 'uploads')) ? fs.readdirSync(path.join(dir, 'uploads')).sort() : []);
const files = (): string[] => uploads().flatMap((d) => fs.readdirSync(path.join(dir, 'uploads', d)));

async function upload(svc: FirmwareService, name: string, bytes: Buffer = img) {
  const { uploadId, chunkBytes } = await svc.beginUpload(name, bytes.length);
  for (let o = 0; o < bytes.length; o += chunkBytes) await svc.chunk(uploadId, o, bytes.subarray(o, o + chunkBytes).toString('base64'));
  return svc.finish(uploadId);
}

describe('firmware uploads: limits', () => {
  it('writes a partial upload as <name>.part and renames it when complete', async () => {
    const svc = svcOf();
    const { uploadId } = await svc.beginUpload('image.bin', 4);
    await svc.chunk(uploadId, 0, Buffer.from('ab').toString('base64'));
    expect(files()).toEqual(['image.bin.part']);
    await svc.chunk(uploadId, 2, Buffer.from('cd').toString('base64'));
    await svc.finish(uploadId).catch(() => undefined); // 4 bytes are no firmware; the file is what matters here
    expect(files()).toEqual(['image.bin']);
    expect(uploads()[0]).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{16}$`));
  });

  it('an incomplete finish deletes what arrived', async () => {
    const svc = svcOf();
    const { uploadId } = await svc.beginUpload('image.bin', 4);
    await svc.chunk(uploadId, 0, Buffer.from('ab').toString('base64'));
    await expect(svc.finish(uploadId)).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' });
    expect(uploads()).toEqual([]);
  });

  it(`takes ${MAX_ACTIVE_UPLOADS} uploads at once and refuses one more in three parts`, async () => {
    const svc = svcOf();
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_UPLOADS; i++) ids.push((await svc.beginUpload(`f${i}.bin`, 10)).uploadId);
    const err = await svc.beginUpload('one-more.bin', 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RbFault);
    expect(err).toMatchObject({ code: 'UPLOAD_BUSY' });
    expect((err as RbFault).meaning).toBeTruthy();
    expect((err as RbFault).fix).toMatch(/cancel/);
    await svc.cancel(ids[0]!);
    await expect(svc.beginUpload('now.bin', 10)).resolves.toMatchObject({ uploadId: expect.any(String) });
  });

  it('reaps an upload that gets no data for the idle time, even when nobody starts another', async () => {
    const svc = svcOf({ idleMs: 100, sweepMs: 25 });
    const { uploadId } = await svc.beginUpload('slow.bin', 10);
    await svc.chunk(uploadId, 0, Buffer.from('abc').toString('base64'));
    expect(files()).toEqual(['slow.bin.part']);
    await new Promise((r) => setTimeout(r, 400));
    expect(uploads()).toEqual([]);
    await expect(svc.chunk(uploadId, 3, Buffer.from('d').toString('base64'))).rejects.toMatchObject({ code: 'UPLOAD_UNKNOWN' });
  });

  it(`keeps the last ${KEEP_FINISHED_UPLOADS} finished uploads (their path still inspects) and deletes older ones`, async () => {
    const svc = svcOf();
    const reports = [];
    for (let i = 0; i <= KEEP_FINISHED_UPLOADS; i++) reports.push(await upload(svc, `image-${i}.bin`));
    expect(fs.existsSync(reports[0]!.path)).toBe(false);
    for (const r of reports.slice(1)) expect(fs.existsSync(r.path)).toBe(true);
    expect(uploads()).toHaveLength(KEEP_FINISHED_UPLOADS);
    // the newest upload's path is still a file the workstation can use
    const again = await svc.inspect(reports.at(-1)!.path);
    expect(again.sha256).toBe(reports.at(-1)!.sha256);
    expect(again.identity.integrity).toBe('intact');
  });

  it('dispose deletes this process\'s uploads, finished and in progress', async () => {
    const svc = new FirmwareService(dir);
    await upload(svc, 'done.bin');
    await svc.beginUpload('half.bin', 10);
    expect(uploads()).toHaveLength(2);
    await svc.dispose();
    expect(uploads()).toEqual([]);
  });

  it("start-up deletes earlier processes' leftovers and leaves a running one's alone", async () => {
    const up = path.join(dir, 'uploads');
    // a pid that is certainly gone: a child that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const hex = 'a'.repeat(16);
    const make = (name: string): void => {
      fs.mkdirSync(path.join(up, name), { recursive: true });
      fs.writeFileSync(path.join(up, name, 'x.bin'), 'x');
    };
    make(`${dead}-${hex}`); // a crashed workstation
    make(`${process.pid}-${hex}`); // this pid, but no instance here owns it (a container restarted with the same pid)
    make('0123456789abcdef'); // the layout before decision 0006
    make(`${process.ppid}-${hex}`); // another workstation that is still running
    const svc = svcOf();
    await svc.ready();
    expect(uploads()).toEqual([`${process.ppid}-${hex}`]);
    // a second service in the same process does not take the first one's live upload for a leftover
    const { uploadId } = await svc.beginUpload('live.bin', 10);
    const second = svcOf();
    await second.ready();
    expect(uploads()).toContain(`${process.pid}-${uploadId}`);
  });
});

describe('inspections share a few slots', () => {
  it(`runs at most ${INSPECT_CONCURRENCY} at once, queues ${INSPECT_QUEUE} and refuses the next in three parts`, async () => {
    const file = path.join(dir, 'img.bin');
    fs.writeFileSync(file, img);
    inspectSlots.highWater = 0;
    const all = Array.from({ length: INSPECT_CONCURRENCY + INSPECT_QUEUE + 1 }, () => inspectFile(file).then((r) => r, (e: unknown) => e));
    const results = await Promise.all(all);
    const refused = results.filter((r) => r instanceof RbFault);
    expect(refused).toHaveLength(1);
    expect(results.at(-1)).toMatchObject({ code: 'INSPECT_BUSY' });
    expect((refused[0] as RbFault).meaning).toMatch(/GiB/);
    expect((refused[0] as RbFault).fix).toBeTruthy();
    expect(results.filter((r) => !(r instanceof RbFault) && (r as { sha256?: string }).sha256)).toHaveLength(INSPECT_CONCURRENCY + INSPECT_QUEUE);
    expect(inspectSlots.highWater).toBe(INSPECT_CONCURRENCY);
    expect(inspectSlots.active).toBe(0);
    expect(inspectSlots.waiting).toBe(0);
    // and the next one runs again
    await expect(inspectFile(file)).resolves.toMatchObject({ size: img.length });
  });
});
