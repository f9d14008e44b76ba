/** Flags to contract requests (src-main/cli/flags.ts): the contract's schemas check what was typed, the message names the flag. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { num, requestFromFlags } from '../../../src-main/cli/flags';
import { UsageError } from '../../../src-main/cli/types';
import { Ipv4Schema, PortSchema } from '../../../src-shared/contract/common';
import { TftpStartSchema } from '../../../src-shared/capabilities/tftp';
import { SessionTargetSchema } from '../../../src-shared/capabilities/device';
import { loadCatalog, said, translator } from '../../../src-shared/i18n';

const mistake = (f: () => unknown): UsageError => {
  try {
    f();
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('accepted');
};

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('requestFromFlags', () => {
  it('returns the parsed request, defaults filled in', () => {
    expect(requestFromFlags(TftpStartSchema, { root: '/srv/tftp', port: num('0') })).toEqual({ root: '/srv/tftp', bind: '0.0.0.0', port: 0, overwrite: false });
  });

  it('names the flag, says what it takes from the schema, and quotes what was typed', () => {
    const flags = { port: { flag: '--port', given: 'abc', hint: '(0 = any free port)' } };
    expect(refusal(() => requestFromFlags(z.object({ port: PortSchema }), { port: num('abc') }, flags))).toBe('--port must be a number from 0 to 65535 (0 = any free port), not "abc"');
    expect(refusal(() => requestFromFlags(z.object({ port: PortSchema }), { port: num('') }, { port: { flag: '--port', given: '' } }))).toBe('--port must be a number from 0 to 65535, not ""');
    expect(refusal(() => requestFromFlags(z.object({ bind: Ipv4Schema }), { bind: '10.0.0' }, { bind: { flag: '--bind', given: '10.0.0' } }))).toBe('--bind must be an IPv4 address like 192.168.1.10, not "10.0.0"');
    expect(refusal(() => requestFromFlags(z.object({ engine: z.enum(['auto', 'js', 'native']) }), { engine: 'fast' }, { engine: { flag: '--engine', given: 'fast' } }))).toBe('--engine must be auto, js or native, not "fast"');
  });

  it('finds the flag of a nested field and of a list item; several mistakes are told together', () => {
    const schema = z.object({ options: z.object({ port: z.number().int().min(1).max(65535) }).partial(), names: z.array(z.string().max(3)) });
    const msg = refusal(() => requestFromFlags(schema, { options: { port: 0 }, names: ['ok', 'too long'] }, { 'options.port': { flag: '--port', given: '0' }, names: { flag: '--name', expect: 'a name of at most 3 characters' } }));
    expect(msg).toBe('--port must be a number from 1 to 65535, not "0"; --name must be a name of at most 3 characters');
  });

  it('never quotes a secret back: a flag without `given` is named, its value is not', () => {
    const msg = refusal(() => requestFromFlags(SessionTargetSchema, { host: '192.168.1.1', password: 'x'.repeat(300) }, { password: { flag: '--password', expect: 'at most 256 characters' } }));
    expect(msg).toBe('--password must be at most 256 characters');
    expect(msg).not.toContain('xxx');
  });

  it('a field no flag fills is named by its path', () => {
    expect(refusal(() => requestFromFlags(z.object({ sessionId: z.string().min(1) }), { sessionId: '' }))).toMatch(/^sessionId: /);
  });

  it('says the same in German and Spanish (decision 0174): the frame, what the schema takes, a hint, an or-list; the English unchanged', async () => {
    const de = translator('de', await loadCatalog('de'));
    const es = translator('es', await loadCatalog('es'));
    const port = mistake(() => requestFromFlags(z.object({ port: PortSchema }), { port: num('abc') }, { port: { flag: '--port', given: 'abc', hint: said('cli.flag.hint.anyPort') } }));
    expect(port.message).toBe('--port must be a number from 0 to 65535 (0 = any free port), not "abc"');
    expect(port.say(de)).toBe('--port braucht eine Zahl von 0 bis 65535 (0 = ein beliebiger freier Port), nicht „abc“');
    expect(port.say(es)).toBe('--port necesita un número del 0 al 65535 (0 = cualquier puerto libre), no «abc»');
    // the contract schema's own words (Ipv4Schema), said where the catalogue holds the same English
    expect(mistake(() => requestFromFlags(z.object({ bind: Ipv4Schema }), { bind: '10.0.0' }, { bind: { flag: '--bind', given: '10.0.0' } })).say(de)).toBe('--bind braucht eine IPv4-Adresse wie 192.168.1.10, nicht „10.0.0“');
    // an enum from the schema: the list's "or" is a word of the language; a typed value "none" is quoted, not taken for a sentinel
    const engine = mistake(() => requestFromFlags(z.object({ engine: z.enum(['auto', 'js', 'native']) }), { engine: 'none' }, { engine: { flag: '--engine', given: 'none' } }));
    expect(engine.message).toBe('--engine must be auto, js or native, not "none"');
    expect(engine.say(es)).toBe('--engine necesita auto, js o native, no «none»');
    // several mistakes together, a said `expect` of the command's capability, a secret never quoted
    const schema = z.object({ options: z.object({ port: z.number().int().min(1).max(65535) }).partial(), password: z.string().max(3) });
    const both = mistake(() => requestFromFlags(schema, { options: { port: 0 }, password: 'secret' }, { 'options.port': { flag: '--port', given: '0' }, password: { flag: '--password', expect: said('flash.cli.takes.password') } }));
    expect(both.message).toBe('--port must be a number from 1 to 65535, not "0"; --password must be at most 256 characters');
    expect(both.say(de)).toBe('--port braucht eine Zahl von 1 bis 65535, nicht „0“; --password braucht höchstens 256 Zeichen');
    expect(both.say(de)).not.toContain('secret');
  });
});
