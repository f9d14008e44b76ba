import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandNames, eventNames } from '../../../src-shared/contract';
import { sharedCapabilities } from '../../../src-shared/capabilities';
import { mergeMaps } from '../../../src-shared/contract/capability';
import { mainCapabilities } from '../../../src-main/capabilities';
import { createServices } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import { loadCliCommands } from '../../../src-main/cli/registry';
import type { MainContext } from '../../../src-main/core/capability';

/** The registries agree with each other at run time too (the compiler checks the types; this checks the lists). */
describe('capability registries', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-caps-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('every command and event belongs to exactly one capability, named with its prefix', () => {
    const owners = new Map<string, string>();
    for (const c of sharedCapabilities) {
      for (const name of [...Object.keys(c.commands), ...Object.keys(c.events)]) {
        expect(owners.has(name), `${name} is claimed by ${owners.get(name)} and ${c.id}`).toBe(false);
        owners.set(name, c.id);
      }
    }
    expect([...owners.keys()].sort()).toEqual([...commandNames, ...eventNames].sort());
    // 'net.interfaces' predates the rule; every other name starts with its capability's id
    const exceptions = new Set(['net.interfaces']);
    for (const [name, id] of owners) if (!exceptions.has(name)) expect(name.startsWith(`${id}.`), `${name} (in ${id})`).toBe(true);
  });

  it('a name claimed by two capabilities stops the merge, naming both', () => {
    expect(() => mergeMaps([{ id: 'a', map: { 'x.y': 1 } }, { id: 'b', map: { 'x.y': 2 } }])).toThrow(/x\.y is claimed by both a and b/);
  });

  it('the main registry has one descriptor per capability with commands, and their handlers cover the contract', async () => {
    const withCommands = sharedCapabilities.filter((c) => Object.keys(c.commands).length > 0).map((c) => c.id).sort();
    expect(mainCapabilities.map((c) => c.id).sort()).toEqual(withCommands);
    for (const m of mainCapabilities) expect(m.contract.id).toBe(m.id);
    const services = createServices({ host: 'cli', dataDir });
    try {
      expect(Object.keys(createHandlers(services)).sort()).toEqual(commandNames);
    } finally {
      await services.dispose();
    }
  });

  it('each service is made once, and a service that needs itself is refused', async () => {
    const services = createServices({ host: 'cli', dataDir });
    try {
      expect(services.context.use(mainCapabilities.find((c) => c.id === 'serial')!)).toBe(services.serial);
      const loop = { id: 'loop', service: (ctx: MainContext): unknown => ctx.use(loop) };
      expect(() => services.context.use(loop)).toThrow(/cycle/);
    } finally {
      await services.dispose();
    }
  });

  it('the CLI lists serve and every capability command, each once', async () => {
    const cmds = await loadCliCommands();
    const words = cmds.map((c) => c.words.join(' '));
    expect(new Set(words).size).toBe(words.length);
    expect(words).toEqual(expect.arrayContaining(['serve', 'tftp serve', 'inspect', 'backup', 'restore', 'uboot', 'serial ports', 'serial watch', 'failsafe watch', 'failsafe rescue']));
  });

  it('disposing goes on when one capability fails to stop', async () => {
    const services = createServices({ host: 'cli', dataDir });
    let stopped = false;
    services.tftp.stop = async () => {
      throw new Error('boom');
    };
    const realFailsafeStop = services.failsafe.stop.bind(services.failsafe);
    services.failsafe.stop = async (...a: Parameters<typeof realFailsafeStop>) => {
      stopped = true;
      return realFailsafeStop(...a);
    };
    await services.dispose();
    expect(stopped).toBe(true);
  });
});
