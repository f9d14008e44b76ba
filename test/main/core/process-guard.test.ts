/**
 * The process-level policy for faults nobody caught (decision 0006): log and keep serving after a failed
 * promise or a connection reset; exit 1 with a three-part message after any other exception.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { faultAction, installProcessGuard, WARNINGS_PER_MINUTE } from '../../../src-main/core/process-guard';
import { nodeTsArgs } from '../../../test-support/netns';

const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' });

describe('process guard: policy', () => {
  it('keeps running after an unhandled rejection or a connection that ended; stops after anything else', () => {
    expect(faultAction('unhandledRejection', new Error('x'))).toBe('continue');
    expect(faultAction('unhandledRejection', undefined)).toBe('continue');
    expect(faultAction('uncaughtException', reset)).toBe('continue');
    expect(faultAction('uncaughtException', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe('continue');
    expect(faultAction('uncaughtException', new TypeError('x is not a function'))).toBe('exit');
    expect(faultAction('uncaughtException', new RangeError('Maximum call stack size exceeded'))).toBe('exit');
    expect(faultAction('uncaughtException', Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe('exit');
    expect(faultAction('uncaughtException', 'a string')).toBe('exit');
  });

  it('prints three parts and exits 1 once; warns at most WARNINGS_PER_MINUTE times a minute; uninstalls', () => {
    const target = new EventEmitter();
    const logs: string[] = [];
    const exits: number[] = [];
    let now = 0;
    const off = installProcessGuard({ log: (t) => logs.push(t), exit: (c) => exits.push(c), now: () => now }, target);
    for (let i = 0; i < WARNINGS_PER_MINUTE + 5; i++) target.emit('uncaughtException', reset);
    expect(logs).toHaveLength(WARNINGS_PER_MINUTE);
    expect(logs[0]).toMatch(/^Warning: a network connection ended abruptly \(ECONNRESET\)\. Rescue Bench keeps running\.\nDetails: /);
    now = 61_000;
    target.emit('unhandledRejection', new Error('late'));
    expect(logs[WARNINGS_PER_MINUTE]).toMatch(/5 more such faults/);
    expect(logs[WARNINGS_PER_MINUTE + 1]).toMatch(/^Warning: a step inside Rescue Bench failed/);
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new TypeError('boom'));
    target.emit('uncaughtException', new TypeError('again'));
    expect(exits).toEqual([1]);
    const last = logs.at(-1)!;
    expect(last).toMatch(/^Error: Rescue Bench stopped/);
    expect(last).toMatch(/\nWhat to do: /);
    expect(last).toMatch(/\nDetails: uncaughtException: TypeError: boom/);
    off();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('process guard: in a real process', () => {
  const run = (what: string) => {
    const [cmd, args] = nodeTsArgs('test/main/fixtures/guarded-process.ts', [what]);
    return spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  };
  it('an unhandled rejection is logged and the process keeps running', () => {
    const r = run('reject');
    expect(r.stdout).toBe('alive\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Warning: a step inside Rescue Bench failed.*keeps running\.\nDetails: unhandledRejection: Error: nobody waits for this/s);
  });
  it('a socket reset with no error listener is logged and the process keeps running', () => {
    const r = run('reset');
    expect(r.stderr).toMatch(/Warning: a network connection ended abruptly \((ECONNRESET|EPIPE)\)/);
    expect(r.stdout).toBe('alive\n');
    expect(r.status).toBe(0);
  });
  it('a bug in our own code stops the process with status 1 and a three-part message', () => {
    const r = run('bug');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: Rescue Bench stopped: .*\n.*\nWhat to do: .*\nDetails: uncaughtException: TypeError: handler is not a function/);
  });
});
