/** The list of files the server offers: only what a request could really fetch. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listServable, servableFolders } from '../../../../src-main/capabilities/tftp/jail';
import { startTftpServer } from '../../../../src-main/capabilities/tftp/server';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-list-')));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('listServable', () => {
  it('lists files and inside links; leaves out hidden files, folders, and links leading outside', async () => {
    const root = path.join(base, 'root');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(base, 'secret'), 'x');
    fs.writeFileSync(path.join(root, 'b.bin'), Buffer.alloc(10));
    fs.writeFileSync(path.join(root, 'a.bin'), Buffer.alloc(3));
    fs.writeFileSync(path.join(root, '.a.bin.rb-upload-1234'), 'partial');
    fs.symlinkSync('a.bin', path.join(root, 'alias.bin'));
    fs.symlinkSync(path.join(base, 'secret'), path.join(root, 'escape'));
    fs.symlinkSync('missing', path.join(root, 'dangling'));
    const r = await listServable(root);
    expect(r.files.map((f) => [f.name, f.size])).toEqual([
      ['a.bin', 3],
      ['alias.bin', 3],
      ['b.bin', 10],
    ]);
    expect(r.truncated).toBe(false);
    expect((await listServable(root, 2)).truncated).toBe(true);
  });
});

describe('startTftpServer refuses folders that expose too much', () => {
  it('the whole disk and the home folder are refused with a plain reason; nothing is bound', async () => {
    for (const root of ['/', os.homedir()]) {
      await expect(startTftpServer({ root, bind: '127.0.0.1', port: 0 })).rejects.toMatchObject({ code: 'TFTP_FOLDER_TOO_WIDE', fix: expect.stringContaining('only the firmware') });
    }
  });
});

describe('servableFolders (the folder rules a server starts with)', () => {
  it('gives the real paths of the served and upload folders', async () => {
    const root = path.join(base, 'served');
    const up = path.join(base, 'up');
    fs.mkdirSync(root);
    fs.mkdirSync(up);
    fs.symlinkSync(root, path.join(base, 'served-link'));
    expect(await servableFolders(path.join(base, 'served-link'), up)).toEqual({ root, upload: up });
    expect(await servableFolders(root, undefined)).toEqual({ root, upload: undefined });
  });

  it('a missing folder or a file is refused in three parts, naming which folder', async () => {
    const file = path.join(base, 'plain-file');
    fs.writeFileSync(file, 'x');
    await expect(servableFolders(path.join(base, 'nope'), undefined)).rejects.toMatchObject({ code: 'TFTP_FOLDER_MISSING', message: expect.stringContaining('served folder'), meaning: expect.any(String), fix: expect.any(String) });
    await expect(servableFolders(file, undefined)).rejects.toMatchObject({ code: 'TFTP_FOLDER_MISSING', message: expect.stringContaining('is a file, not a folder') });
    await expect(servableFolders(base, file)).rejects.toMatchObject({ code: 'TFTP_FOLDER_MISSING', message: expect.stringContaining('upload folder') });
  });

  it('an upload folder that exposes too much is refused like the served folder', async () => {
    await expect(servableFolders(base, os.homedir())).rejects.toMatchObject({ code: 'TFTP_FOLDER_TOO_WIDE', message: expect.stringContaining('home folder') });
  });
});
