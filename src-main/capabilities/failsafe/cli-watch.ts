import { parseArgs } from 'node:util';
import { FailsafeMonitor } from './service';
import { RbFault } from '../../../src-shared/errors';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';
import { NETMSG_PORT } from '../../../src-shared/capabilities/failsafe/netmsg';

export const failsafeWatch: CliCommand = {
  words: ['failsafe', 'watch'],
  summary: "Listen for OpenWrt's rescue-mode (failsafe) broadcasts on UDP 4919",
  usage: 'failsafe watch [--bind ADDR] [--port N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { bind: { type: 'string', default: '0.0.0.0' }, port: { type: 'string', default: String(NETMSG_PORT) }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${values.port}"`);
    const json = values.json;
    const monitor = new FailsafeMonitor({
      datagram: (d) => {
        if (json) jsonLine(io, { event: 'datagram', from: d.from, fromPort: d.fromPort, text: d.text, kind: d.kind, receivedAt: d.receivedAt, wellFormed: d.wellFormed, unexpectedSource: d.unexpectedSource, notes: d.notes });
        else io.out(`${new Date(d.receivedAt).toISOString()}  ${d.from.padEnd(15)}  ${d.kind.padEnd(16)}  ${d.text}${d.unexpectedSource ? '  (not from 192.168.1.x)' : ''}`);
      },
      state: (s) => {
        if (s.state === 'error' && s.error) return; // reported by the thrown fault
        if (json && s.suppressed) jsonLine(io, { event: 'suppressed', count: s.suppressed, received: s.received });
      },
    });
    try {
      const st = await monitor.start({ bind: values.bind!, port });
      if (json) jsonLine(io, { event: 'listening', bind: st.bind, port: st.port, addresses: st.boundAddresses });
      else io.err(`Listening on UDP ${st.boundAddresses.join(', ')}. Power the router on now. Press Ctrl-C to stop.`);
    } catch (err) {
      if (err instanceof RbFault && json) jsonLine(io, { event: 'error', error: err.toShape() });
      throw err;
    }
    await io.stopped;
    await monitor.stop();
    return 0;
  },
};
