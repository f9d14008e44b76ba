import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TftpPutRequestSchema, TftpStartSchema, type TftpPutProgress, type TftpTransferEvent } from '../../../src-shared/capabilities/tftp/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onCard } from '../../cli/on-card';
import { english, localizeError, said, sayIn, type Translate } from '../../../src-shared/i18n';

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
}

function describe(e: TftpTransferEvent, say: Translate): string {
  const t = e.transfer;
  const who = `${t.peer}:${t.peerPort}`;
  if (e.kind === 'start') {
    const o = t.options;
    // "the router asked for ArcherC7v2_tp_recovery.bin; sent openwrt-…bin"
    const how = t.served !== undefined && t.served !== t.file ? (t.servedBy === 'alias' ? 'alias' : 'any') : t.direction;
    return say('tftp.cli.transfer.start', { who, how, file: t.file, served: t.served ?? '', size: t.size !== undefined ? mib(t.size) : 'none', blksize: String(o.blksize), window: o.windowsize > 1 ? String(o.windowsize) : 'none' });
  }
  if (e.kind === 'progress') return say('tftp.cli.transfer.progress', { who, direction: t.direction, file: t.file, bytes: mib(t.bytes), size: t.size ? mib(t.size) : 'none', rate: mib(t.rate) });
  if (e.kind === 'done') return say('tftp.cli.transfer.done', { who, file: t.file, bytes: mib(t.bytes), seconds: (((t.endedAt ?? t.startedAt) - t.startedAt) / 1000).toFixed(2), rate: mib(t.rate), sha256: t.sha256 ?? '' });
  const err = t.error ? localizeError(t.error, say) : undefined;
  return say('tftp.cli.transfer.failed', { who, file: t.file, reason: err?.message ?? say('tftp.cli.transfer.unknown'), fix: err?.fix ? err.fix : 'none' });
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
  summary: 'tftp.cli.summary.serve',
  usage: 'tftp serve --root DIR [--bind ADDR | --interface IF [--router-ip ADDR]] [--port N] [--allow-write DIR] [--overwrite] [--alias NAME=FILE]... [--answer-any FILE] [--progress] [--poll-us N] [--engine auto|js|native] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        root: { type: 'string' },
        bind: { type: 'string', default: '0.0.0.0' },
        interface: { type: 'string' },
        'router-ip': { type: 'string', default: '192.168.1.1' },
        port: { type: 'string', default: '69' },
        'allow-write': { type: 'string' },
        overwrite: { type: 'boolean', default: false },
        alias: { type: 'string', multiple: true },
        'answer-any': { type: 'string' },
        progress: { type: 'boolean', default: false },
        'poll-us': { type: 'string' },
        engine: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.root) throw new UsageError(said('tftp.cli.usage.root'));
    const aliases: Record<string, string> = {};
    for (const a of values.alias ?? []) {
      const eq = a.indexOf('=');
      if (eq <= 0 || eq === a.length - 1) throw new UsageError(said('tftp.cli.usage.alias', { given: a }));
      aliases[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const request = requestFromFlags(
      TftpStartSchema,
      {
        root: values.root,
        bind: values.bind,
        port: num(values.port),
        ...(values['allow-write'] ? { allowWrite: values['allow-write'] } : {}),
        overwrite: values.overwrite,
        ...(values.alias?.length ? { aliases } : {}),
        ...(values['answer-any'] !== undefined ? { answerAny: values['answer-any'] } : {}),
      },
      {
        root: { flag: '--root', given: values.root },
        bind: { flag: '--bind', given: values.bind, hint: said('cli.flag.hint.bind') },
        port: { flag: '--port', given: values.port, hint: said('cli.flag.hint.anyPort') },
        allowWrite: { flag: '--allow-write', given: values['allow-write'] },
        aliases: { flag: '--alias', expect: said('tftp.cli.takes.alias') },
        answerAny: { flag: '--answer-any', given: values['answer-any'] },
      },
    );
    const settings = requestFromFlags(
      EngineSettingsSchema,
      { engine: values.engine, lockstepPollUs: num(values['poll-us']) },
      {
        engine: { flag: '--engine', given: values.engine, expect: said('tftp.cli.takes.engine') },
        lockstepPollUs: { flag: '--poll-us', given: values['poll-us'], expect: said('tftp.cli.takes.pollUs') },
      },
    );
    return runOnContract(
      io,
      {
        command: 'tftp serve',
        json: values.json,
        events: ['tftp.server.state', 'tftp.transfer'],
        filter: (e) => e.name !== 'tftp.transfer' || e.payload.kind !== 'progress' || values.progress,
        describe: (e) => (e.name === 'tftp.transfer' ? describe(e.payload, io.t ?? english) : undefined),
        configure: (services) => services.tftp.useEngine(settings),
      },
      async (t) => {
        const say = io.t ?? english;
        // --interface: the card's own router place (a station with several routers at one address): the server
        // binds the card's source address, so only the router on that card reaches it; undone at the end.
        let slotIf: string | undefined;
        if (values.interface !== undefined) {
          if (values.bind !== '0.0.0.0') throw new UsageError(said('tftp.cli.usage.bindOrInterface'));
          const slot = await t.invoke('net.slot.open', { interface: values.interface, routerIp: values['router-ip'], prefix: 24 });
          slotIf = slot.interface;
          request.bind = slot.sourceAddress;
          t.say(say('tftp.cli.serve.card', { iface: slot.interface, address: slot.sourceAddress, router: values['router-ip'] }));
        }
        try {
        const server = await t.invoke('tftp.server.start', request);
        t.say(
          say('tftp.cli.serve.serving', { root: server.root, bind: server.bind === '0.0.0.0' ? 'all' : server.bind, port: String(server.port), upload: server.allowWrite ?? 'none' }) +
            Object.entries(server.aliases ?? {}).map(([name, file]) => `\n${say('tftp.cli.serve.alias', { name, file })}`).join('') +
            (server.answerAny ? `\n${say('tftp.cli.serve.answerAny', { file: server.answerAny })}` : '') +
            ` ${say('tftp.cli.serve.stop')}` +
            (server.lockstep?.engine === 'js' ? `\n${say('tftp.cli.serve.slowEngine', { why: server.lockstep.why ? sayIn(say, server.lockstep.whyMsg, server.lockstep.why) : say('tftp.engine.unavailable') })}` : ''),
        );
        await io.stopped;
        return { ok: true, value: await t.invoke('tftp.server.stop', {}) };
        } finally {
          if (slotIf !== undefined) await t.invoke('net.slot.close', { interface: slotIf }).catch(() => undefined);
        }
      },
    );
  },
};

function describePut(p: TftpPutProgress, say: Translate): string | undefined {
  const to = `${p.host}:${p.port}`;
  if (p.state === 'running')
    return p.bytes === 0
      ? say('tftp.cli.put.start', { to, file: p.file, remote: p.remoteName })
      : say('tftp.cli.put.progress', { to, bytes: mib(p.bytes), total: mib(p.total), percent: String(Math.floor((100 * p.bytes) / Math.max(1, p.total))), rate: mib(p.bytesPerSecond) });
  if (p.state === 'done' && p.result) {
    const r = p.result;
    return say('tftp.cli.put.done', { to, bytes: mib(r.bytes), remote: r.remoteName, seconds: (r.ms / 1000).toFixed(2), rate: mib(p.bytesPerSecond), blksize: String(r.blksize), window: r.windowsize > 1 ? String(r.windowsize) : 'none', sha256: r.sha256 });
  }
  return undefined; // the failure is printed once, as the result
}

export const tftpPutCommand: CliCommand = {
  words: ['tftp', 'put'],
  summary: 'tftp.cli.summary.put',
  usage: 'tftp put --host ADDR [--port 69] --file FILE [--remote-name NAME] [--blksize N] [--windowsize N] [--local-address IP | --interface IF] [--timeout-ms N] [--retries N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string', default: '69' },
        file: { type: 'string' },
        'remote-name': { type: 'string' },
        blksize: { type: 'string' },
        windowsize: { type: 'string' },
        'local-address': { type: 'string' },
        /** The network card the router is on (a station with several routers at one address; issue 17). */
        interface: { type: 'string' },
        'timeout-ms': { type: 'string' },
        retries: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.host) throw new UsageError(said('tftp.cli.usage.host'));
    if (values.interface !== undefined && values['local-address'] !== undefined) throw new UsageError(said('tftp.cli.usage.interfaceOrLocal'));
    if (!values.file) throw new UsageError(said('tftp.cli.usage.file'));
    const request = requestFromFlags(
      TftpPutRequestSchema,
      {
        host: values.host,
        port: num(values.port),
        file: values.file,
        ...(values['remote-name'] !== undefined ? { remoteName: values['remote-name'] } : {}),
        ...(values.blksize !== undefined ? { blksize: num(values.blksize) } : {}),
        ...(values.windowsize !== undefined ? { windowsize: num(values.windowsize) } : {}),
        ...(values['local-address'] !== undefined ? { localAddress: values['local-address'] } : {}),
        ...(values['timeout-ms'] !== undefined ? { timeoutMs: num(values['timeout-ms']) } : {}),
        ...(values.retries !== undefined ? { retries: num(values.retries) } : {}),
      },
      {
        host: { flag: '--host', given: values.host },
        port: { flag: '--port', given: values.port },
        file: { flag: '--file', given: values.file },
        remoteName: { flag: '--remote-name', given: values['remote-name'], expect: said('tftp.cli.takes.remoteName') },
        blksize: { flag: '--blksize', given: values.blksize, hint: said('tftp.cli.takes.blksizeHint') },
        windowsize: { flag: '--windowsize', given: values.windowsize },
        localAddress: { flag: '--local-address', given: values['local-address'] },
        timeoutMs: { flag: '--timeout-ms', given: values['timeout-ms'] },
        retries: { flag: '--retries', given: values.retries },
      },
    );
    let lastLine = 0;
    return runOnContract(
      io,
      {
        command: 'tftp put',
        json: values.json,
        events: ['tftp.put.progress'],
        // with --interface the network assistant gives the card its own address and route for the upload
        capabilities: async () => [(await import('./index')).tftpMain, ...(values.interface !== undefined ? [(await import('../net')).netMain] : [])],
        describe: (e) => {
          if (e.name !== 'tftp.put.progress') return undefined;
          const now = Date.now();
          if (e.payload.state === 'running' && e.payload.bytes > 0 && now - lastLine < 1000) return undefined;
          lastLine = now;
          return describePut(e.payload, io.t ?? english);
        },
      },
      async (t) => {
        t.whenStopped(() => t.invoke('tftp.put.cancel', {}));
        const value = await onCard(t, values.interface, request.host, (localAddress) => t.invoke('tftp.put', localAddress ? { ...request, localAddress } : request));
        return { ok: true, value, text: (io.t ?? english)('tftp.cli.put.result', { host: value.host, remote: value.remoteName, bytes: String(value.bytes), sha256: value.sha256 }) };
      },
    );
  },
};
