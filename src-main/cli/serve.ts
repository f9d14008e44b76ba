import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../core/services';
import { createHandlers } from '../core/handlers';
import { assertBindAllowed, insecureLanWarning, isLoopbackBind, startBenchServer } from '../browser-server/server';
import { installProcessGuard } from '../core/process-guard';
import { existsSync } from 'node:fs';
import { jsonLine, UsageError, type CliCommand } from './types';

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
  usage: 'serve [--port N] [--bind ADDR] [--token T] [--renderer DIR] [--insecure-lan] [--allow-folder DIR]...',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        bind: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        renderer: { type: 'string' },
        // Folders besides the data folder whose files the browser may use (firmware, keys, backups); repeatable (decision 0007).
        'allow-folder': { type: 'string', multiple: true },
        'insecure-lan': { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, not "${values.port}"`);
    if (values.token !== undefined && values.token.length < 16) throw new UsageError('--token must be at least 16 characters');
    assertBindAllowed(values.bind!, values['insecure-lan']!);
    const services = createServices({ host: 'bench-server', allowedFolders: values['allow-folder'] ?? [] });
    const server = await startBenchServer({
      handlers: createHandlers(services),
      bus: services.bus,
      rendererDir: values.renderer ?? defaultRendererDir(),
      port,
      bind: values.bind!,
      insecureLan: values['insecure-lan']!,
      ...(values.token ? { token: values.token } : {}),
    });
    // While serving, a fault nobody caught is logged and the bench keeps serving, or it stops with a plain reason (decision 0006).
    const unguard = installProcessGuard({ log: (text) => io.err(text), exit: (code) => process.exit(code) });
    jsonLine(io, { event: 'listening', url: server.url, port: server.port, bind: server.bind });
    if (!isLoopbackBind(server.bind)) io.err(insecureLanWarning(server.bind));
    await io.stopped;
    await server.close();
    await services.dispose();
    unguard();
    return 0;
  },
};
