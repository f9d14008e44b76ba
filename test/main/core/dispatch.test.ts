/**
 * dispatch() never throws or rejects: a payload that would overflow zod's stack (issue 12, item 2) is
 * refused before validation, on both transports (the bench server's WebSocket and Electron IPC).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../src-main/core/dispatch';
import { createServices } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import { registerIpc, type IpcMainLike } from '../../../src-main/electron/ipc';
import { ipcChannel } from '../../../src-shared/contract';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-dispatch-'));
const services = createServices({ host: 'bench-server', dataDir });
const handlers = createHandlers(services);
afterAll(async () => {
  await services.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const identity = { kind: 'openwrt-sysupgrade', headline: 'x', integrity: 'intact', integrityText: 'x', boards: ['linksys,wrt32x'], writePath: 'sysupgrade-tar', bodySize: 1 };
function verdictPayload(metadata: unknown) {
  return { inspection: { fileName: 'x.bin', identity, metadata }, device: { boardName: 'linksys,wrt32x' } };
}
const nested = (depth: number): unknown => JSON.parse(`{"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);

describe('dispatch: request shape before validation', () => {
  it('answers a firmware.verdict whose metadata nests 5,000 levels with a three-part TOO_DEEP error', async () => {
    const r = await dispatch(handlers, 'firmware.verdict', verdictPayload(nested(5000)), { transport: 'test' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'TOO_DEEP' });
    expect(r.error.meaning).toBeTruthy();
    expect(r.error.fix).toBeTruthy();
    expect(r.error.details).toMatch(/firmware\.verdict: .*64 levels/);
  });

  it('still validates and runs ordinary nested metadata', async () => {
    const r = await dispatch(handlers, 'firmware.verdict', verdictPayload(nested(20)), { transport: 'test' });
    expect(r.ok).toBe(true);
  });

  it('a handler that throws, or a validator that overflows, becomes an error reply, not a rejection', async () => {
    const boom = { ...handlers, 'app.info': () => { throw new RangeError('Maximum call stack size exceeded'); } };
    await expect(dispatch(boom, 'app.info', {}, { transport: 'test' })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // a getter that throws while zod reads the payload: validation itself fails, inside the try
    const hostile = Object.defineProperty({}, 'path', { enumerable: true, get: () => { throw new Error('getter'); } });
    await expect(dispatch(handlers, 'firmware.inspect', hostile, { transport: 'test' })).resolves.toMatchObject({ ok: false });
  });

  it('Electron IPC refuses the same payload with the same error', async () => {
    const registered = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const ipc: IpcMainLike = {
      handle: (ch: string, fn: (e: unknown, p: unknown) => Promise<unknown>) => void registered.set(ch, fn),
      removeHandler: (ch: string) => void registered.delete(ch),
    } as unknown as IpcMainLike;
    const reg = registerIpc(ipc, handlers);
    const event = { senderFrame: { parent: null, url: 'app://rescue-bench/index.html' } };
    const r = await registered.get(ipcChannel('firmware.verdict'))!(event, verdictPayload(nested(5000)));
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_DEEP' } });
    reg.dispose();
  });
});
