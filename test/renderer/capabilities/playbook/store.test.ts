/**
 * An interrupted run is offered until the workstation has taken "continue" or "forget": the store's actions
 * clear it once the command succeeded, and keep it when the command was refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import type { InterruptedRun } from '../../../../src-shared/capabilities/playbook/contract';

const interrupted = { runId: 'r1', title: 'Failsafe', explanation: 'The window closed.', resumable: true } as InterruptedRun;
const calls: Array<[string, unknown]> = [];
let refuse = false;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    if (refuse) throw new ApiError({ code: 'PLAYBOOK_BUSY', message: 'Another run is going.' });
    return { ok: true };
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

beforeEach(() => {
  calls.length = 0;
  refuse = false;
  usePlaybook.setState({ run: undefined, transcript: [], interrupted });
});

describe('playbook store commands', () => {
  it('clears the interrupted run once resume or dismiss succeeded', async () => {
    await usePlaybook.getState().resume(api, 'r1');
    expect(calls).toEqual([['playbook.resume', { runId: 'r1' }]]);
    expect(usePlaybook.getState().interrupted).toBeUndefined();
    usePlaybook.setState({ interrupted });
    await usePlaybook.getState().dismiss(api, 'r1');
    expect(calls.at(-1)).toEqual(['playbook.dismiss', { runId: 'r1' }]);
    expect(usePlaybook.getState().interrupted).toBeUndefined();
  });

  it('keeps offering it when the command was refused', async () => {
    refuse = true;
    await expect(usePlaybook.getState().resume(api, 'r1')).rejects.toBeInstanceOf(ApiError);
    expect(usePlaybook.getState().interrupted).toEqual(interrupted);
  });
});
