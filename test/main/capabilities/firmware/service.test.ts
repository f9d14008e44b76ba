import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { FirmwareService, inspectFile, readAndHash, withPrefixCrc } from '../../../../src-main/capabilities/firmware/service';
import { RbFault } from '../../../../src-shared/errors';
import { UPLOAD_CHUNK_BYTES } from '../../../../src-shared/capabilities/firmware/contract';
import * as W from '../../../../test-support/firmware-images';

let dir: string;
let img: Buffer;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fw-svc-'));
  img = W.appendFwtool(W.uimageOf(W.armZImage(W.noise(1_300_000, 4))), W.openwrtMeta({ devices: ['linksys,wrt32x'], compat: '2.0' }));
  file = path.join(dir, 'openwrt.bin');
  fs.writeFileSync(file, img);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (algo: string, b: Buffer) => crypto.createHash(algo).update(b).digest('hex');

describe('firmware service', () => {
  it('reads once and hashes with both cores: same sha256 and md5 as node:crypto', async () => {
    const r = await readAndHash(file);
    expect(r.sha256).toBe(hash('sha256', img));
    expect(r.md5).toBe(hash('md5', img));
    expect(Buffer.compare(r.bytes, img)).toBe(0);
    // concurrent reads are serialised on the worker and still right
    const [a, b] = await Promise.all([readAndHash(file), readAndHash(file)]);
    expect(a.md5).toBe(b.md5);
  });

  it('the worker records CRC checkpoints; any prefix CRC finished from them equals zlib over the prefix', async () => {
    const big = Buffer.concat([img, W.noise(9 * 1024 * 1024, 8)]);
    const f = path.join(dir, 'big.bin');
    fs.writeFileSync(f, big);
    const r = await readAndHash(f);
    expect(r.crcCheckpoints!.length).toBeGreaterThan(2);
    const d = withPrefixCrc(r.bytes, r.crcCheckpoints!);
    for (const end of [0, 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 7, big.length - 16, big.length]) expect(d.crc32Prefix!(end)).toBe(zlib.crc32(big.subarray(0, end)) >>> 0);
    expect(d.crc32Prefix!(big.length + 1)).toBeUndefined();
  });

  it('a flipped byte is caught through the checkpoint path too', async () => {
    const bad = Buffer.from(img);
    bad[1000]! ^= 1;
    const f = path.join(dir, 'bad.bin');
    fs.writeFileSync(f, bad);
    const r = await inspectFile(f);
    expect(r.formats.find((x) => x.type === 'fwtool-metadata')!.valid).toBe(false);
    expect(r.identity.integrity).toBe('damaged');
  });

  it('inspects a file into the report', async () => {
    const r = await inspectFile(file);
    expect(r.size).toBe(img.length);
    expect(r.formats.map((f) => f.type)).toEqual(['uimage', 'zimage', 'fwtool-metadata']);
    expect(r.identity.integrity).toBe('intact');
    expect(r.identity.profileId).toBe('linksys,wrt32x');
  });

  it('explains a missing file and a folder in three parts', async () => {
    const missing = await inspectFile(path.join(dir, 'nope.bin')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RbFault);
    expect((missing as RbFault).code).toBe('FILE_NOT_FOUND');
    expect((missing as RbFault).fix).toBeTruthy();
    expect(((await inspectFile(dir).catch((e: unknown) => e)) as RbFault).code).toBe('NOT_A_FILE');
  });

  it('uploads in chunks into the data folder, in order, and inspects the result', async () => {
    const svc = new FirmwareService(dir);
    const { uploadId, chunkBytes } = await svc.beginUpload('my image.bin', img.length);
    expect(chunkBytes).toBe(UPLOAD_CHUNK_BYTES);
    const parts: Buffer[] = [];
    for (let o = 0; o < img.length; o += chunkBytes) parts.push(img.subarray(o, o + chunkBytes));
    expect(parts.length).toBeGreaterThan(1);
    // out of order is refused
    await expect(svc.chunk(uploadId, chunkBytes, parts[1]!.toString('base64'))).rejects.toMatchObject({ code: 'UPLOAD_OUT_OF_ORDER' });
    let off = 0;
    for (const p of parts) {
      expect((await svc.chunk(uploadId, off, p.toString('base64'))).received).toBe(off + p.length);
      off += p.length;
    }
    const r = await svc.finish(uploadId);
    expect(r.fileName).toBe('my_image.bin');
    expect(r.sha256).toBe(hash('sha256', img));
    expect(r.path.startsWith(path.join(dir, 'uploads'))).toBe(true);
    await expect(svc.finish(uploadId)).rejects.toMatchObject({ code: 'UPLOAD_UNKNOWN' });
  });

  it('refuses more bytes than announced, and cancel removes the partial file', async () => {
    const svc = new FirmwareService(dir);
    const { uploadId } = await svc.beginUpload('x.bin', 10);
    await expect(svc.chunk(uploadId, 0, Buffer.alloc(11).toString('base64'))).rejects.toMatchObject({ code: 'UPLOAD_TOO_BIG' });
    const b = await svc.beginUpload('../../etc/passwd', 4);
    await svc.chunk(b.uploadId, 0, Buffer.from('abcd').toString('base64'));
    const up = path.join(dir, 'uploads', `${process.pid}-${b.uploadId}`);
    expect(fs.readdirSync(up)).toEqual(['passwd.part']);
    await svc.cancel(b.uploadId);
    expect(fs.existsSync(up)).toBe(false);
    await svc.dispose();
  });
});
