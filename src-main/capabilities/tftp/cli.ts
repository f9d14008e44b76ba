import { parseArgs } from 'node:util';
import { RbFault } from '../../../src-shared/errors';
import { Ipv4Schema } from '../../../src-shared/contract/common';
import type { TftpTransferEvent } from '../../../src-shared/capabilities/tftp/contract';
import { startTftpServer } from './server';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';

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
  if (e.kind === 'done') return `${who}  done "${t.file}"  ${mib(t.bytes)} in ${(((t.endedAt ?? t.startedAt) - t.startedAt) / 1000).toFixed(2)} s (${mib(t.rate)}/s)  sha256 ${t.sha256}`;
  return `${who}  FAILED "${t.file}": ${t.error?.message ?? 'unknown error'}${t.error?.fix ? `  ${t.error.fix}` : ''}`;
}

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
        // Lock-step busy-poll budget in µs (0 = off; default 100 for the JavaScript engine, decision 0011, and 300
        // for the native one, decision 0013). For benchmarks and slow machines.
        'poll-us': { type: 'string' },
        // Who sends lock-step reads (decision 0013): auto = the native engine when built, js, or native (must be there).
        engine: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.root) throw new UsageError('--root DIR is required: the folder whose files are served');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (0 = any free port), not "${values.port}"`);
    if (!Ipv4Schema.safeParse(values.bind).success) throw new UsageError(`--bind must be an IPv4 address of this computer (or 0.0.0.0), not "${values.bind}"`);
    const pollUs = values['poll-us'] === undefined ? undefined : Number(values['poll-us']);
    if (pollUs !== undefined && (!Number.isInteger(pollUs) || pollUs < 0 || pollUs > 5000)) throw new UsageError(`--poll-us must be a number of microseconds from 0 to 5000 (0 = never poll), not "${values['poll-us']}"`);
    const engine = values.engine;
    if (engine !== 'auto' && engine !== 'js' && engine !== 'native') throw new UsageError(`--engine must be auto, js or native, not "${values.engine}"`);
    const json = values.json;
    let server;
    try {
      server = await startTftpServer({ root: values.root, bind: values.bind, port, ...(values['allow-write'] ? { allowWrite: values['allow-write'] } : {}), overwrite: values.overwrite, ...(pollUs !== undefined ? { lockstepPollUs: pollUs } : {}), engine });
    } catch (err) {
      if (err instanceof RbFault && json) jsonLine(io, { event: 'error', error: err.toShape() });
      throw err;
    }
    server.on('transfer', (e) => {
      if (e.kind === 'progress' && !values.progress) return;
      if (json) jsonLine(io, { event: e.kind, ...e.transfer });
      else io.err(describe(e));
    });
    if (json) jsonLine(io, { event: 'listening', address: server.address, port: server.port, root: server.root, allowWrite: server.allowWrite ?? null, lockstep: server.lockstep });
    else
      io.err(
        `Serving ${server.root} by TFTP on ${server.address === '0.0.0.0' ? 'all network connections' : server.address}, port ${server.port}` +
          `${server.allowWrite ? `; uploads go to ${server.allowWrite}` : '; read-only'}. Press Ctrl-C to stop.` +
          (server.lockstep.engine === 'js' ? `\nLock-step transfers use the slower JavaScript engine: the native one is ${server.lockstep.why ?? 'not available'}.` : ''),
      );
    await io.stopped;
    await server.close();
    return 0;
  },
};
