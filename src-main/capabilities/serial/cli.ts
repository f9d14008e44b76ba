import { parseArgs } from 'node:util';
import { describeMatch } from '../../../src-shared/capabilities/serial/watchers';
import type { CliCommand } from '../../cli/types';
import { runOnContract } from '../../cli/transport';
import { checkProfile, SERIAL_OPTIONS, serialConnection } from './cli-options';

export const serialPorts: CliCommand = {
  words: ['serial', 'ports'],
  summary: 'List the serial ports (USB serial adapters) on this computer',
  usage: 'serial ports [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
    return runOnContract(io, { command: 'serial ports', json: values.json }, async (t) => {
      const r = await t.invoke('serial.ports', {});
      if (r.note) t.say(r.note);
      if (!r.ports.length) t.say('No serial ports found. Plug the adapter in and try again.');
      const text = r.ports.map((p) => p.label).join('\n');
      return { ok: true, value: r, ...(text ? { text } : {}) };
    });
  },
};

export const serialWatch: CliCommand = {
  words: ['serial', 'watch'],
  summary: 'Show a serial console and say what it recognises (U-Boot countdown and prompt, failsafe prompt, panics)',
  usage: 'serial watch --port PATH [--baud 115200] [--profile ID] [--auto-stop] [--autobaud] [--echo] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...SERIAL_OPTIONS,
        autobaud: { type: 'boolean', default: false },
        'auto-stop': { type: 'boolean', default: false },
        echo: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const open = serialConnection(values, values['auto-stop']);
    const json = values.json;
    return runOnContract(
      io,
      {
        command: 'serial watch',
        json,
        // the console's bytes as serial.data lines only with --echo; without --json they go to stdout as they are
        events: json && values.echo ? ['serial.session', 'serial.match', 'serial.data'] : ['serial.session', 'serial.match'],
        describe: (e) => {
          if (e.name === 'serial.match') return `\n[Rescue Bench] ${describeMatch(e.payload.match)}`;
          if (e.name === 'serial.session' && e.payload.error) return `\n[Rescue Bench] ${e.payload.error.message} ${e.payload.error.fix ?? ''}`;
          return undefined;
        },
      },
      async (t) => {
        if (!json) t.on((e) => e.name === 'serial.data' && process.stdout.write(Buffer.from(e.payload.b64, 'base64')));
        await checkProfile(t, open.profile);
        const s = await t.invoke('serial.open', open);
        t.say(`Watching ${s.path} at ${s.requested.baud} baud (log: ${s.logPath}). Press Ctrl-C to stop.`);
        if (values.autobaud) {
          const r = await t.invoke('serial.autobaud', { id: s.id });
          t.line('cli.reply', { command: 'serial.autobaud', value: r });
          t.say(`[Rescue Bench] ${r.message}`);
        }
        await io.stopped;
        return { ok: true, value: await t.invoke('serial.close', { id: s.id }) };
      },
    );
  },
};
