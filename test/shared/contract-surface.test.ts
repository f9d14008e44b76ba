import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import WebSocket from 'ws';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { commandNames, commands, eventNames, events, ipcChannel } from '../../src-shared/contract';
import { CliEnvelopeSchema, cliOutput, cliResults } from '../../src-shared/contract/cli';
import { createServices } from '../../src-main/core/services';
import { createHandlers } from '../../src-main/core/handlers';
import { startBenchServer, type BenchServer } from '../../src-main/browser-server/server';
import { registerIpc, type IpcMainLike } from '../../src-main/electron/ipc';

/** The whole IPC surface, as reviewers should see it change: names, summaries and JSON schemas. */
function surface() {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  return {
    commands: Object.fromEntries(commandNames.map((n) => [n, { summary: commands[n].summary, request: schema(commands[n].request), reply: z.toJSONSchema(commands[n].reply, { unrepresentable: 'any' }) }])),
    events: Object.fromEntries(eventNames.map((n) => [n, { summary: events[n].summary, payload: z.toJSONSchema(events[n].payload, { unrepresentable: 'any' }) }])),
    // The third transport: the command line prints contract events and these lines of its own (decision 0043).
    cli: {
      envelope: z.toJSONSchema(CliEnvelopeSchema, { unrepresentable: 'any' }),
      lines: Object.fromEntries(
        Object.entries(cliOutput)
          .filter(([n]) => n !== 'cli.result')
          .map(([n, spec]) => [n, { summary: spec.summary, payload: z.toJSONSchema(spec.payload, { unrepresentable: 'any' }) }]),
      ),
      result: { summary: cliOutput['cli.result'].summary, valueByCommand: Object.fromEntries(Object.entries(cliResults).map(([c, schema]) => [c, z.toJSONSchema(schema, { unrepresentable: 'any' })])) },
    },
  };
}

describe('contract surface', () => {
  const services = createServices({ host: 'bench-server', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rb-surface-')) });
  const handlers = createHandlers(services);
  let server: BenchServer;
  beforeAll(async () => {
    server = await startBenchServer({ handlers, bus: services.bus, rendererDir: 'dist/renderer' });
  });
  afterAll(async () => {
    await server.close();
    await services.dispose();
  });

  it('matches the reviewed snapshot (update with `vitest -u` when the contract changes on purpose)', () => {
    expect(surface()).toMatchSnapshot();
  });

  it('every command has a handler and no handler exists outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(commandNames);
  });

  it('the bench server dispatches exactly the contract commands and announces them', async () => {
    expect(server.registeredCommands).toEqual(commandNames);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
    const hello = await new Promise<{ commands: string[]; events: string[] }>((resolve, reject) => {
      ws.once('message', (m) => resolve(JSON.parse(m.toString())));
      ws.once('error', reject);
    });
    ws.close();
    expect(hello.commands).toEqual(commandNames);
    expect(hello.events).toEqual(eventNames);
  });

  it('Electron IPC registers exactly one channel per contract command', () => {
    const registered: string[] = [];
    const fake: IpcMainLike = { handle: (ch: string) => void registered.push(ch), removeHandler: () => undefined } as unknown as IpcMainLike;
    const reg = registerIpc(fake, handlers);
    expect(registered.sort()).toEqual(commandNames.map(ipcChannel).sort());
    expect(reg.channels.sort()).toEqual(registered);
  });
});
