import { parseArgs } from 'node:util';
import { fault } from '../../../src-shared/errors';
import { english } from '../../../src-shared/i18n/translate';
import { said, sayIn } from '../../../src-shared/i18n/said';
import { localizeError } from '../../../src-shared/i18n/errors';
import { UbootRunRequestSchema } from '../../../src-shared/capabilities/uboot';
import { matchSaid } from '../../../src-shared/capabilities/serial';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onCard } from '../../cli/on-card';
import { checkProfile, SERIAL_OPTIONS, serialConnection } from '../serial';

/**
 * serial.open, then uboot.run on that session, through the contract; the steps, tftpboot progress and the
 * console's matches arrive as their contract events. Ctrl-C sends uboot.cancel.
 */
export const uboot: CliCommand = {
  words: ['uboot'],
  summary: 'uboot.cli.summary.run',
  usage: 'uboot --port PATH [--baud 115200] --ip 192.168.1.1 [--server-ip 192.168.1.10 | --interface IF] --file IMAGE [--boot] [--bootargs TEXT] [--load-addr 0xADDR] [--profile ID] [--wait S] [--json]',
  async run(argv, io) {
    const tr = io.t ?? english;
    const { values } = parseArgs({
      args: argv,
      options: {
        ...SERIAL_OPTIONS,
        ip: { type: 'string', default: '192.168.1.1' },
        'server-ip': { type: 'string' },
        interface: { type: 'string' },
        netmask: { type: 'string', default: '255.255.255.0' },
        file: { type: 'string' },
        boot: { type: 'boolean', default: false },
        bootargs: { type: 'string' },
        'load-addr': { type: 'string' },
        'tftp-port': { type: 'string', default: '69' },
        wait: { type: 'string', default: '60' },
        echo: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const open = serialConnection(values);
    if (!values.file) throw new UsageError(said('uboot.cli.usage.file'));
    // --interface: the card the router's cable is in (a station with several routers at one address, decision 0155):
    // the card gets its own address and route, which is the server address U-Boot is told and our TFTP server binds
    if (values.interface !== undefined && values['server-ip'] !== undefined)
      throw new UsageError(said('uboot.cli.usage.serverOrInterface'));
    const serverIp = values['server-ip'] ?? '192.168.1.10';
    const request = requestFromFlags(
      UbootRunRequestSchema,
      {
        sessionId: 'cli', // the session serial.open gives replaces it
        ip: values.ip,
        serverIp,
        netmask: values.netmask,
        file: values.file,
        boot: values.boot,
        waitSeconds: num(values.wait),
        tftpPort: num(values['tftp-port']),
        ...(values.bootargs !== undefined ? { bootargs: values.bootargs } : {}),
        ...(values['load-addr'] !== undefined ? { loadAddr: values['load-addr'] } : {}),
      },
      {
        ip: { flag: '--ip', given: values.ip },
        serverIp: { flag: '--server-ip', given: serverIp },
        netmask: { flag: '--netmask', given: values.netmask },
        file: { flag: '--file', given: values.file },
        waitSeconds: { flag: '--wait', given: values.wait, expect: said('uboot.cli.takes.wait') },
        tftpPort: { flag: '--tftp-port', given: values['tftp-port'] },
        bootargs: { flag: '--bootargs', given: values.bootargs, expect: said('uboot.cli.takes.bootargs') },
        loadAddr: { flag: '--load-addr', given: values['load-addr'], expect: said('uboot.cli.takes.loadAddr') },
      },
    );
    return runOnContract(
      io,
      {
        command: 'uboot',
        json: values.json,
        events: ['serial.session', 'serial.match', 'uboot.state', 'uboot.step', 'uboot.progress'],
        describe: (e) => {
          if (e.name === 'serial.match') {
            const m = matchSaid(e.payload.match);
            return `  [${e.payload.match.kind}] ${sayIn(tr, m.msg, m.text)}`;
          }
          if (e.name === 'serial.session' && (e.payload.state === 'unplugged' || e.payload.state === 'open')) return tr('uboot.cli.serial', { path: e.payload.path, state: e.payload.state });
          if (e.name === 'uboot.step') {
            const s = e.payload;
            return `${s.state === 'done' ? '✓' : s.state === 'failed' ? '✗' : s.state === 'skipped' ? '-' : '…'} ${s.state === 'failed' && s.error && !s.msg ? localizeError(s.error, tr).message : sayIn(tr, s.msg, s.message)}`;
          }
          return undefined;
        },
      },
      async (t) => {
        if (values.echo) t.on((e) => e.name === 'serial.data' && process.stderr.write(Buffer.from(e.payload.b64, 'base64')));
        await checkProfile(t, open.profile);
        const session = await t.invoke('serial.open', open);
        t.say(tr('uboot.cli.opened', { path: session.path, baud: session.requested.baud, log: session.logPath }));
        return onCard(t, values.interface, request.ip, async (localAddress) => {
          const first = await t.invoke('uboot.run', { ...request, ...(localAddress ? { serverIp: localAddress } : {}), sessionId: session.id });
          t.whenStopped(() => t.invoke('uboot.cancel', { runId: first.runId }));
          const run = first.state !== 'running' ? first : await t.waitFor('uboot.state', (r) => r.runId === first.runId && r.state !== 'running');
          if (run.state === 'done') return { ok: true as const, value: run, text: tr('uboot.cli.done') };
          const error = run.error ?? fault('UBOOT_CANCELLED').toShape();
          return { ok: false as const, error, value: run };
        });
      },
    );
  },
};
