import { parseArgs } from 'node:util';
import { matchSaid } from '../../../src-shared/capabilities/serial/said';
import { english, localizeError, sayIn } from '../../../src-shared/i18n';
import type { CliCommand } from '../../cli/types';
import { runOnContract } from '../../cli/transport';
import { checkProfile, SERIAL_OPTIONS, serialConnection } from './cli-options';

export const serialPorts: CliCommand = {
  words: ['serial', 'ports'],
  summary: 'serial.cli.summary.ports',
  usage: 'serial ports [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
    const tr = io.t ?? english;
    return runOnContract(io, { command: 'serial ports', json: values.json }, async (t) => {
      const r = await t.invoke('serial.ports', {});
      if (r.note) t.say(sayIn(tr, r.noteMsg, r.note));
      if (!r.ports.length) t.say(tr('serial.cli.noPorts'));
      const text = r.ports.map((p) => sayIn(tr, p.labelMsg, p.label)).join('\n');
      return { ok: true, value: r, ...(text ? { text } : {}) };
    });
  },
};

export const serialWatch: CliCommand = {
  words: ['serial', 'watch'],
  summary: 'serial.cli.summary.watch',
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
    const tr = io.t ?? english;
    return runOnContract(
      io,
      {
        command: 'serial watch',
        json,
        // the console's bytes as serial.data lines only with --echo; without --json they go to stdout as they are
        events: json && values.echo ? ['serial.session', 'serial.match', 'serial.data'] : ['serial.session', 'serial.match'],
        describe: (e) => {
          if (e.name === 'serial.match') {
            const m = matchSaid(e.payload.match);
            return `\n[Rescue Bench] ${sayIn(tr, m.msg, m.text)}`;
          }
          if (e.name === 'serial.session' && e.payload.error) {
            const f = localizeError(e.payload.error, tr);
            return `\n[Rescue Bench] ${f.message}${f.fix ? ` ${f.fix}` : ''}`;
          }
          return undefined;
        },
      },
      async (t) => {
        if (!json) t.on((e) => e.name === 'serial.data' && process.stdout.write(Buffer.from(e.payload.b64, 'base64')));
        await checkProfile(t, open.profile);
        const s = await t.invoke('serial.open', open);
        t.say(tr('serial.cli.watching', { port: s.path, baud: String(s.requested.baud), log: s.logPath }));
        if (values.autobaud) {
          const r = await t.invoke('serial.autobaud', { id: s.id });
          t.line('cli.reply', { command: 'serial.autobaud', value: r });
          t.say(`[Rescue Bench] ${sayIn(tr, r.messageMsg, r.message)}`);
        }
        await io.stopped;
        return { ok: true, value: await t.invoke('serial.close', { id: s.id }) };
      },
    );
  },
};
