import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../core/services';
import { createHandlers } from '../core/handlers';
import { assertBindAllowed, insecureLanWarning, isLoopbackBind, startBenchServer } from '../browser-server/server';
import { installProcessGuard } from '../core/process-guard';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { PortSchema } from '../../src-shared/contract/common';
import { RbFault, toErrorShape } from '../../src-shared/errors';
import { UsageError, type CliCommand } from './types';
import { CliPrinter } from './printer';
import { num, requestFromFlags } from './flags';
import { english, said } from '../../src-shared/i18n';

/**
 * dist/renderer at the project root: two folders up from this file in the source tree (src-main/cli) and in the
 * bundle (dist/cli); the working folder's dist/renderer otherwise.
 */
export function defaultRendererDir(): string {
  const candidate = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
  if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  return path.resolve(process.cwd(), 'dist', 'renderer');
}

/**
 * The browser server: not a contract command itself (it is the second transport), so it prints only its own
 * lines through the CLI's printer: cli.listening, and cli.result when it stops (decision 0043).
 */
export const serve: CliCommand = {
  words: ['serve'],
  summary: 'cli.summary.serve',
  usage: 'serve [--port N] [--bind ADDR] [--token T] [--renderer DIR] [--insecure-lan] [--allow-folder DIR]... [--practice [--scenario ID] [--netmsg-port N]] [--json]',
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
        // start with the practice router ready (issue 18): a scenario of src-shared/capabilities/practice
        practice: { type: 'boolean', default: false },
        scenario: { type: 'string', default: 'forgot-password' },
        'netmsg-port': { type: 'string', default: '4919' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const { port } = requestFromFlags(z.object({ port: PortSchema }), { port: num(values.port) }, { port: { flag: '--port', given: values.port, hint: said('cli.flag.hint.anyPort') } });
    if (values.token !== undefined && values.token.length < 16) throw new UsageError(said('cli.usage.token'));
    const netmsgPort = num(values['netmsg-port']) ?? 4919;
    if (!Number.isInteger(netmsgPort) || netmsgPort < 1 || netmsgPort > 65535) throw new UsageError(said('cli.usage.netmsgPort'));
    const printer = new CliPrinter(io, values.json, 'serve');
    const say = io.t ?? english;
    let services: ReturnType<typeof createServices> | undefined;
    let listening: { url: string; port: number; bind: string };
    try {
      assertBindAllowed(values.bind!, values['insecure-lan']!);
      services = createServices({ host: 'bench-server', allowedFolders: values['allow-folder'] ?? [] });
      const server = await startBenchServer({
        handlers: createHandlers(services),
        bus: services.bus,
        rendererDir: values.renderer ?? defaultRendererDir(),
        port,
        bind: values.bind!,
        insecureLan: values['insecure-lan']!,
        ...(values.token ? { token: values.token } : {}),
      });
      if (values.practice) {
        const st = await services.practice.start(values.scenario!, netmsgPort);
        printer.say(say('cli.serve.practice', { scenario: values.scenario!, router: st.target!.routerAddress }));
      }
      // While serving, a fault nobody caught is logged and the bench keeps serving, or it stops with a plain reason (decision 0006).
      const unguard = installProcessGuard({ log: (text) => io.err(text), exit: (code) => process.exit(code) });
      listening = { url: server.url, port: server.port, bind: server.bind };
      printer.line('cli.listening', listening);
      printer.say({ to: 'out', text: say('cli.serve.ready', { url: server.url, here: isLoopbackBind(server.bind) ? 'yes' : 'no' }) });
      if (!values.practice) printer.say({ to: 'out', text: say('cli.serve.noRouter') });
      if (!isLoopbackBind(server.bind)) io.err(insecureLanWarning(server.bind, say));
      await io.stopped;
      await server.close();
      await services.dispose();
      unguard();
    } catch (err) {
      if (!(err instanceof RbFault)) throw err;
      await services?.dispose().catch(() => undefined);
      printer.result({ command: 'serve', ok: false, error: toErrorShape(err) });
      return 1;
    }
    printer.result({ command: 'serve', ok: true, value: listening });
    return 0;
  },
};
