import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TftpStartSchema, type TftpTransferEvent } from '../../../src-shared/capabilities/tftp/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
}

function describe(e: TftpTransferEvent): string {
  const t = e.transfer;
  const who = `${t.peer}:${t.peerPort}`;
  const verb = t.direction === 'read' ? 'sending' : 'receiving';
  if (e.kind === 'start') {
    const o = t.options;
    return `${who}  ${verb} "${t.file}"${t.size !== undefined ? ` (${mib(t.size)})` : ''}  blksize ${o.blksize}${o.windowsize > 1 ? `, window ${o.windowsize}` : ''}`;
  }
  if (e.kind === 'progress') return `${who}  ${verb} "${t.file}"  ${mib(t.bytes)}${t.size ? ` of ${mib(t.size)}` : ''}  ${mib(t.rate)}/s`;
  if (e.kind === 'done') return `${who}  done "${t.file}"  ${mib(t.bytes)} in ${(((t.endedAt ?? t.startedAt) - t.startedAt) / 1000).toFixed(2)} s (${mib(t.rate)}/s)  sha256 ${t.sha256}`;
  return `${who}  FAILED "${t.file}": ${t.error?.message ?? 'unknown error'}${t.error?.fix ? `  ${t.error.fix}` : ''}`;
}

/**
 * Settings of the server process that no request carries (TftpService.useEngine): who sends lock-step reads
 * (decision 0013) and their busy-poll budget in µs (0 = off; default 100 for the JavaScript engine, decision
 * 0011, and 300 for the native one). For benchmarks and slow machines.
 */
const EngineSettingsSchema = z.object({
  engine: z.enum(['auto', 'js', 'native']),
  lockstepPollUs: z.number().int().min(0).max(5000).optional(),
});

export const tftpServe: CliCommand = {
  words: ['tftp', 'serve'],
  summary: 'Serve a folder by TFTP (read-only unless --allow-write) for router bootloaders',
  usage: 'tftp serve --root DIR [--bind ADDR] [--port N] [--allow-write DIR] [--overwrite] [--progress] [--poll-us N] [--engine auto|js|native] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        root: { type: 'string' },
        bind: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string', default: '69' },
        'allow-write': { type: 'string' },
        overwrite: { type: 'boolean', default: false },
        progress: { type: 'boolean', default: false },
        'poll-us': { type: 'string' },
        engine: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.root) throw new UsageError('--root DIR is required: the folder whose files are served');
    const request = requestFromFlags(
      TftpStartSchema,
      { root: values.root, bind: values.bind, port: num(values.port), ...(values['allow-write'] ? { allowWrite: values['allow-write'] } : {}), overwrite: values.overwrite },
      {
        root: { flag: '--root', given: values.root },
        bind: { flag: '--bind', given: values.bind, hint: '(an address of this computer, or 0.0.0.0 for all)' },
        port: { flag: '--port', given: values.port, hint: '(0 = any free port)' },
        allowWrite: { flag: '--allow-write', given: values['allow-write'] },
      },
    );
    const settings = requestFromFlags(
      EngineSettingsSchema,
      { engine: values.engine, lockstepPollUs: num(values['poll-us']) },
      {
        engine: { flag: '--engine', given: values.engine, expect: 'auto, js or native' },
        lockstepPollUs: { flag: '--poll-us', given: values['poll-us'], expect: 'a number of microseconds from 0 to 5000 (0 = never poll)' },
      },
    );
    return runOnContract(
      io,
      {
        command: 'tftp serve',
        json: values.json,
        events: ['tftp.server.state', 'tftp.transfer'],
        filter: (e) => e.name !== 'tftp.transfer' || e.payload.kind !== 'progress' || values.progress,
        describe: (e) => (e.name === 'tftp.transfer' ? describe(e.payload) : undefined),
        configure: (services) => services.tftp.useEngine(settings),
      },
      async (t) => {
        const server = await t.invoke('tftp.server.start', request);
        t.say(
          `Serving ${server.root} by TFTP on ${server.bind === '0.0.0.0' ? 'all network connections' : server.bind}, port ${server.port}` +
            `${server.allowWrite ? `; uploads go to ${server.allowWrite}` : '; read-only'}. Press Ctrl-C to stop.` +
            (server.lockstep?.engine === 'js' ? `\nLock-step transfers use the slower JavaScript engine: the native one is ${server.lockstep.why ?? 'not available'}.` : ''),
        );
        await io.stopped;
        return { ok: true, value: await t.invoke('tftp.server.stop', {}) };
      },
    );
  },
};
