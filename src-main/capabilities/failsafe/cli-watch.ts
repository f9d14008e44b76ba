import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { english, said } from '../../../src-shared/i18n';
import { MonitorStartSchema } from '../../../src-shared/capabilities/failsafe/contract';
import { NETMSG_PORT } from '../../../src-shared/capabilities/failsafe/netmsg';

export const failsafeWatch: CliCommand = {
  words: ['failsafe', 'watch'],
  summary: 'failsafe.cli.summary.watch',
  usage: 'failsafe watch [--bind ADDR] [--interface IF] [--port N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { bind: { type: 'string', default: '0.0.0.0' }, interface: { type: 'string' }, port: { type: 'string', default: String(NETMSG_PORT) }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const request = requestFromFlags(
      MonitorStartSchema,
      { bind: values.bind, port: num(values.port), ...(values.interface !== undefined ? { interface: values.interface } : {}) },
      { bind: { flag: '--bind', given: values.bind, hint: said('cli.flag.hint.bind') }, port: { flag: '--port', given: values.port }, interface: { flag: '--interface', given: values.interface } },
    );
    const say = io.t ?? english;
    return runOnContract(
      io,
      {
        command: 'failsafe watch',
        json: values.json,
        events: ['failsafe.monitor.state', 'failsafe.datagram'],
        describe: (e) => {
          if (e.name !== 'failsafe.datagram') return undefined;
          const d = e.payload;
          return { to: 'out', text: `${new Date(d.receivedAt).toISOString()}  ${d.from.padEnd(15)}  ${d.kind.padEnd(16)}  ${d.text}${say('cli.failsafe.mark', { mark: d.practice ? 'practice' : d.unexpectedSource ? 'foreign' : 'none' })}` };
        },
      },
      async (t) => {
        const st = await t.invoke('failsafe.monitor.start', request);
        t.say(say('cli.failsafe.listening', { addresses: st.boundAddresses.join(', '), iface: st.interface ?? 'none' }));
        await io.stopped;
        return { ok: true, value: await t.invoke('failsafe.monitor.stop', {}) };
      },
    );
  },
};
