/**
 * `rescue-bench station slots`: the bench's slots are kept in the data folder, so adding, listing and removing
 * them from the command line works across processes; a taken card is refused in three parts with exit code 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../../src-main/cli/main';
import type { CliIo } from '../../../../src-main/cli/types';
import { parseCliOutput, resultOf } from '../../../../test-support/cli-lines';

let base: string;
const saved = process.env.RESCUE_BENCH_DATA_DIR;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-cli-'));
  process.env.RESCUE_BENCH_DATA_DIR = path.join(base, 'data');
});
afterAll(() => {
  if (saved === undefined) delete process.env.RESCUE_BENCH_DATA_DIR;
  else process.env.RESCUE_BENCH_DATA_DIR = saved;
  fs.rmSync(base, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise(() => undefined) };
  return { code: await runCli(argv, io), out, err };
}

describe('rescue-bench station slots', () => {
  it('adds, lists and removes slots across processes; a taken card is refused in three parts', async () => {
    expect((await run(['station', 'slots'])).out.join('\n')).toMatch(/^No slots yet\./);
    expect((await run(['station', 'slots', '--add-interface', 'eth1', '--name', 'Left'])).out).toEqual(['Slot Left (slot-1): network card eth1']);
    const both = await run(['station', 'slots', '--add-interface', 'eth2', '--add-serial', '/dev/ttyUSB0', '--json']);
    const r = resultOf<'station slots'>(parseCliOutput(both.out));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.slots.map((s) => [s.id, s.interface, s.serialPath ?? null, s.state])).toEqual([
      ['slot-1', 'eth1', null, 'idle'],
      ['slot-2', 'eth2', '/dev/ttyUSB0', 'idle'],
    ]);
    const taken = await run(['station', 'slots', '--add-interface', 'eth1', '--json']);
    expect(taken.code).toBe(1);
    const t = resultOf<'station slots'>(parseCliOutput(taken.out));
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.error).toMatchObject({ code: 'SLOT_CARD_TAKEN', message: 'The network card eth1 is already slot Left.' });
    expect(t.error.meaning).toBeTruthy();
    expect(t.error.fix).toBeTruthy();
    expect((await run(['station', 'slots', '--remove', 'slot-1'])).out).toEqual(['Slot 2 (slot-2): network card eth2, serial port /dev/ttyUSB0']);
    expect((await run(['station', 'slots', '--name', 'x'])).code).not.toBe(0);
  }, 90_000);
});
