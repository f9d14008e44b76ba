import { parseArgs } from 'node:util';
import { SerialSettingsSchema, type SerialSettings } from '../../../src-shared/capabilities/serial/contract';
import { describeMatch } from '../../../src-shared/capabilities/serial/watchers';
import { dataDir } from '../../platform';
import { SerialService, watchProfileChoices } from './service';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';

/** The options every command that opens a serial port takes, and their checking (serial watch, uboot). */
export const SERIAL_OPTIONS = {
  port: { type: 'string' },
  baud: { type: 'string', default: '115200' },
  profile: { type: 'string', default: 'generic' },
} as const;

export function serialConnection(values: { port?: string | undefined; baud?: string | undefined; profile?: string | undefined }): { port: string; settings: SerialSettings; profile: string } {
  if (!values.port) throw new UsageError('--port PATH is required: the serial port the router is connected to (e.g. /dev/ttyUSB0); `serial ports` lists them');
  const settings = SerialSettingsSchema.safeParse({ baud: Number(values.baud ?? '115200') });
  if (!settings.success) throw new UsageError(`--baud must be a number such as 115200, not "${values.baud}"`);
  const profile = values.profile ?? 'generic';
  if (!watchProfileChoices().some((p) => p.id === profile)) throw new UsageError(`--profile must be one of: ${watchProfileChoices().map((p) => p.id).join(', ')}`);
  return { port: values.port, settings: settings.data, profile };
}

const quietEvents = { data: () => undefined, match: () => undefined, session: () => undefined };

export const serialPorts: CliCommand = {
  words: ['serial', 'ports'],
  summary: 'List the serial ports (USB serial adapters) on this computer',
  usage: 'serial ports [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
    const svc = new SerialService(quietEvents, { dataDir: dataDir() });
    const r = await svc.listPorts();
    if (values.json) for (const p of r.ports) jsonLine(io, { event: 'port', ...p });
    else for (const p of r.ports) io.out(p.label);
    if (r.note) (values.json ? jsonLine(io, { event: 'note', note: r.note }) : io.err(r.note));
    if (!r.ports.length && !values.json) io.err('No serial ports found. Plug the adapter in and try again.');
    return 0;
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
    const conn = serialConnection(values);
    const json = values.json;
    const svc = new SerialService(
      {
        data: (_id, chunk) => {
          if (values.echo || !json) process.stdout.write(chunk);
        },
        match: (_id, at, m) => (json ? jsonLine(io, { event: 'match', at, ...m }) : io.err(`\n[Rescue Bench] ${describeMatch(m)}`)),
        session: (s) => (json ? jsonLine(io, { event: 'session', state: s.state, path: s.path, requested: s.requested, actual: s.actual, ...(s.error ? { error: s.error } : {}) }) : s.error && io.err(`\n[Rescue Bench] ${s.error.message} ${s.error.fix ?? ''}`)),
      },
      { dataDir: dataDir() },
    );
    const s = await svc.open(conn.port, conn.settings, conn.profile, values['auto-stop']);
    if (!json) io.err(`Watching ${s.path} at ${s.requested.baud} baud (log: ${s.logPath}). Press Ctrl-C to stop.`);
    if (values.autobaud) {
      const r = await svc.autobaud(s.id);
      if (json) jsonLine(io, { event: 'autobaud', baud: r.baud ?? null, tried: r.tried, message: r.message });
      else io.err(`[Rescue Bench] ${r.message}`);
    }
    await io.stopped;
    await svc.dispose();
    return 0;
  },
};
