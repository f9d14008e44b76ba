import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../../app/services';
import { createHandlers } from '../../app/handlers';
import { startBenchServer } from '../../bench-server/server';
import { existsSync } from 'node:fs';
import { jsonLine, UsageError, type CliCommand } from '../types';

/** dist/renderer at the project root, found from the source tree (src-main/cli/commands) or a bundle (dist/cli). */
export function defaultRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../..', '..']) {
    const candidate = path.resolve(here, up, 'dist', 'renderer');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return path.resolve(process.cwd(), 'dist', 'renderer');
}

export const serve: CliCommand = {
  words: ['serve'],
  summary: 'Start the bench server: the Rescue Bench screen in any browser, on this computer by default',
  usage: 'serve [--port N] [--bind ADDR] [--token T] [--renderer DIR]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        bind: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        renderer: { type: 'string' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, not "${values.port}"`);
    if (values.token !== undefined && values.token.length < 16) throw new UsageError('--token must be at least 16 characters');
    const services = createServices({ host: 'bench-server' });
    const server = await startBenchServer({
      handlers: createHandlers(services),
      bus: services.bus,
      rendererDir: values.renderer ?? defaultRendererDir(),
      port,
      bind: values.bind!,
      ...(values.token ? { token: values.token } : {}),
    });
    jsonLine(io, { event: 'listening', url: server.url, port: server.port, bind: server.bind });
    if (server.bind !== '127.0.0.1') io.err(`Warning: the bench is reachable from other computers on ${server.bind}. Anyone with the link can control it.`);
    await io.stopped;
    await server.close();
    await services.dispose();
    return 0;
  },
};
