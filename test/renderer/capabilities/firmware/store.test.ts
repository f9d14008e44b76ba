/**
 * One path into the firmware store: the report and the verdict enter by the store's actions, and of several
 * verdict requests in flight only the newest one's reply is kept (the person may change the router meanwhile).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RbApi } from '../../../../src-renderer/api/types';
import { ApiError } from '../../../../src-renderer/api/types';
import { useFirmware } from '../../../../src-renderer/capabilities/firmware/store';
import type { CommandInput } from '../../../../src-shared/contract';
import type { InspectionReport, VerdictWire } from '../../../../src-shared/capabilities/firmware/contract';

/** An API whose replies the test releases one by one. */
function heldApi() {
  const pending: Array<{ name: string; payload: unknown; resolve(v: unknown): void; reject(e: unknown): void }> = [];
  const api: RbApi = {
    transport: 'websocket',
    invoke: ((name: string, payload: unknown) => new Promise((resolve, reject) => pending.push({ name, payload, resolve, reject }))) as RbApi['invoke'],
    on: () => () => undefined,
  };
  return { api, pending };
}
const report = { fileName: 'a.bin', sha256: 'ab'.repeat(32) } as InspectionReport;
const verdict = (v: VerdictWire['verdict']) => ({ verdict: v }) as VerdictWire;
const req = (boardName: string) => ({ inspection: { fileName: 'a.bin', identity: {}, metadata: {} }, device: { boardName } }) as unknown as CommandInput<'firmware.verdict'>;

afterEach(() => useFirmware.getState().clear());

describe('firmware store', () => {
  it('inspecting a path: the reply is the report', async () => {
    const { api, pending } = heldApi();
    const done = useFirmware.getState().inspectPath(api, '/images/a.bin');
    expect(pending[0]).toMatchObject({ name: 'firmware.inspect', payload: { path: '/images/a.bin' } });
    expect(useFirmware.getState().report).toBeUndefined();
    pending[0]!.resolve(report);
    await done;
    expect(useFirmware.getState().report).toBe(report);
  });

  it('keeps only the newest verdict request\'s reply, and only its error is thrown', async () => {
    const { api, pending } = heldApi();
    useFirmware.getState().setReport(report);
    const first = useFirmware.getState().judge(api, req('linksys,wrt32x'));
    const second = useFirmware.getState().judge(api, req('linksys,wrt3200acm'));
    pending[1]!.resolve(verdict('does-not-fit'));
    await second;
    pending[0]!.reject(new ApiError({ code: 'X', message: 'late' }));
    await expect(first).resolves.toBeUndefined();
    expect(useFirmware.getState().verdict).toEqual(verdict('does-not-fit'));

    // a new report drops what is still out
    const third = useFirmware.getState().judge(api, req('linksys,wrt32x'));
    useFirmware.getState().setReport({ ...report, fileName: 'b.bin' });
    pending[2]!.resolve(verdict('compatible'));
    await third;
    expect(useFirmware.getState().verdict).toBeUndefined();

    const fourth = useFirmware.getState().judge(api, req('linksys,wrt32x'));
    pending[3]!.reject(new ApiError({ code: 'BAD_REPLY', message: 'x' }));
    await expect(fourth).rejects.toBeInstanceOf(ApiError);
  });
});
