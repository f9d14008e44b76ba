import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TftpPutRequestSchema, TftpStartSchema, type TftpPutProgress, type TftpTransferEvent } from '../../../src-shared/capabilities/tftp/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onCard } from '../../cli/on-card';

function mib(n: number): string {
  return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
}

function describe(e: TftpTransferEvent): string {
  const t = e.transfer;
  const who = `${t.peer}:${t.peerPort}`;
  const verb = t.direction === 'read' ? 'sending' : 'receiving';
  if (e.kind === 'start') {
    const o = t.options;
    // "the router asked for ArcherC7v2_tp_recovery.bin; sent openwrt-…bin"
    const asked = t.served !== undefined && t.served !== t.file ? `asked for "${t.file}"; sending "${t.served}" (${t.servedBy === 'alias' ? 'alias' : 'answer for any name'})` : `${verb} "${t.file}"`;
    return `${who}  ${asked}${t.size !== undefined ? ` (${mib(t.size)})` : ''}  blksize ${o.blksize}${o.windowsize > 1 ? `, window ${o.windowsize}` : ''}`;
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
    if (!values.root) throw new UsageError('--root DIR is required: the folder whose files are served');
    const aliases: Record<string, string> = {};
    for (const a of values.alias ?? []) {
      const eq = a.indexOf('=');
      if (eq <= 0 || eq === a.length - 1) throw new UsageError(`--alias must be NAME=FILE (the name the router asks for = a file in the served folder), not "${a}"`);
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
        bind: { flag: '--bind', given: values.bind, hint: '(an address of this computer, or 0.0.0.0 for all)' },
        port: { flag: '--port', given: values.port, hint: '(0 = any free port)' },
        allowWrite: { flag: '--allow-write', given: values['allow-write'] },
        aliases: { flag: '--alias', expect: 'NAME=FILE with a name of at most 255 characters' },
        answerAny: { flag: '--answer-any', given: values['answer-any'] },
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
        // --interface: the card's own router place (a station with several routers at one address): the server
        // binds the card's source address, so only the router on that card reaches it; undone at the end.
        let slotIf: string | undefined;
        if (values.interface !== undefined) {
          if (values.bind !== '0.0.0.0') throw new UsageError('choose --bind or --interface, not both');
          const slot = await t.invoke('net.slot.open', { interface: values.interface, routerIp: values['router-ip'], prefix: 24 });
          slotIf = slot.interface;
          request.bind = slot.sourceAddress;
          t.say(`${slot.interface} has its own address ${slot.sourceAddress} for the router at ${values['router-ip']} (removed again at the end); set the router's server address to it.`);
        }
        try {
        const server = await t.invoke('tftp.server.start', request);
        t.say(
          `Serving ${server.root} by TFTP on ${server.bind === '0.0.0.0' ? 'all network connections' : server.bind}, port ${server.port}` +
            `${server.allowWrite ? `; uploads go to ${server.allowWrite}` : '; read-only'}.` +
            Object.entries(server.aliases ?? {}).map(([n, f]) => `\nA request for "${n}" gets ${f}.`).join('') +
            (server.answerAny ? `\nAny other name that is not in the folder gets ${server.answerAny}.` : '') +
            ' Press Ctrl-C to stop.' +
            (server.lockstep?.engine === 'js' ? `\nLock-step transfers use the slower JavaScript engine: the native one is ${server.lockstep.why ?? 'not available'}.` : ''),
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

function describePut(p: TftpPutProgress): string | undefined {
  const to = `${p.host}:${p.port}`;
  if (p.state === 'running') return p.bytes === 0 ? `${to}  sending "${p.file}" as "${p.remoteName}"` : `${to}  ${mib(p.bytes)} of ${mib(p.total)}  ${Math.floor((100 * p.bytes) / Math.max(1, p.total))}%  ${mib(p.bytesPerSecond)}/s`;
  if (p.state === 'done' && p.result) {
    const r = p.result;
    return `${to}  done: the router acknowledged all ${mib(r.bytes)} of "${r.remoteName}" in ${(r.ms / 1000).toFixed(2)} s (${mib(p.bytesPerSecond)}/s, blksize ${r.blksize}${r.windowsize > 1 ? `, window ${r.windowsize}` : ''})  sha256 ${r.sha256}`;
  }
  return undefined; // the failure is printed once, as the result
}

export const tftpPutCommand: CliCommand = {
  words: ['tftp', 'put'],
  summary: 'Send a file to a router whose bootloader is a TFTP server (ASUS rescue mode, Ubiquiti urescue)',
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
    if (!values.host) throw new UsageError("--host ADDR is required: the router's address in rescue mode (ASUS: 192.168.1.1, Ubiquiti: 192.168.1.20)");
    if (values.interface !== undefined && values['local-address'] !== undefined) throw new UsageError('choose --interface IF or --local-address IP, not both (--interface gives the card its own address and uses it)');
    if (!values.file) throw new UsageError('--file FILE is required: the firmware file to send');
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
        remoteName: { flag: '--remote-name', given: values['remote-name'], expect: 'a file name of plain letters, digits and punctuation, at most 255 characters' },
        blksize: { flag: '--blksize', given: values.blksize, hint: '(512 sends no options)' },
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
          return describePut(e.payload);
        },
      },
      async (t) => {
        t.whenStopped(() => t.invoke('tftp.put.cancel', {}));
        const value = await onCard(t, values.interface, request.host, (localAddress) => t.invoke('tftp.put', localAddress ? { ...request, localAddress } : request));
        return { ok: true, value, text: `Done. The router at ${value.host} acknowledged every block of "${value.remoteName}" (${value.bytes} bytes, sha256 ${value.sha256}).` };
      },
    );
  },
};
