import { parseArgs } from 'node:util';
import { UbootRunRequestSchema } from '../../../src-shared/capabilities/uboot/contract';
import { SERIAL_OPTIONS, serialConnection } from '../serial';
import { describeMatch } from '../../../src-shared/capabilities/serial';
import { dataDir } from '../../platform';
import { SerialService } from '../serial';
import { runUboot } from './service';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';

export const uboot: CliCommand = {
  words: ['uboot'],
  summary: "Stop U-Boot's autoboot over a serial port, tftpboot a file from our TFTP server, verify it, optionally boot it",
  usage: 'uboot --port PATH [--baud 115200] --ip 192.168.1.1 --server-ip 192.168.1.10 --file IMAGE [--boot] [--bootargs TEXT] [--load-addr 0xADDR] [--profile ID] [--wait S] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...SERIAL_OPTIONS,
        ip: { type: 'string', default: '192.168.1.1' },
        'server-ip': { type: 'string', default: '192.168.1.10' },
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
    const conn = serialConnection(values);
    if (!values.file) throw new UsageError('--file IMAGE is required: the image to send');
    const req = UbootRunRequestSchema.safeParse({
      sessionId: 'cli',
      ip: values.ip,
      serverIp: values['server-ip'],
      netmask: values.netmask,
      file: values.file,
      boot: values.boot,
      waitSeconds: Number(values.wait),
      tftpPort: Number(values['tftp-port']),
      ...(values.bootargs !== undefined ? { bootargs: values.bootargs } : {}),
      ...(values['load-addr'] !== undefined ? { loadAddr: values['load-addr'] } : {}),
    });
    if (!req.success) throw new UsageError(req.error.issues.map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('; '));
    const json = values.json;
    const out = (o: Record<string, unknown>, text: string): void => (json ? jsonLine(io, o) : io.err(text));
    const serial = new SerialService(
      {
        data: (_id, chunk) => {
          if (values.echo) process.stderr.write(chunk);
        },
        match: (_id, at, m) => out({ event: 'match', at, kind: m.kind, text: m.text, ...(m.prompt ? { prompt: m.prompt } : {}) }, `  [${m.kind}] ${describeMatch(m)}`),
        session: (s) => {
          if (s.state === 'unplugged' || s.state === 'open') out({ event: 'serial', state: s.state, path: s.path, ...(s.error ? { error: s.error } : {}) }, `Serial ${s.path}: ${s.state}`);
        },
      },
      { dataDir: dataDir() },
    );
    let session;
    try {
      session = await serial.open(conn.port, conn.settings, conn.profile);
    } catch (err) {
      if (json) jsonLine(io, { event: 'error', step: 'open-port', error: (err as { toShape?: () => unknown }).toShape?.() ?? { message: String(err) } });
      throw err;
    }
    out({ event: 'open', path: session.path, baud: session.requested.baud, actualBaud: session.actual.baud ?? null, log: session.logPath }, `Opened ${session.path} at ${session.requested.baud} baud. Log: ${session.logPath}`);
    const abort = new AbortController();
    void io.stopped.then(() => abort.abort());
    const run = await runUboot(
      serial,
      { ...req.data, sessionId: session.id },
      {
        step: (s) => out({ event: 'step', step: s.step, state: s.state, message: s.message, ...(s.detail ? { detail: s.detail } : {}), ...(s.error ? { error: s.error } : {}) }, `${s.state === 'done' ? '✓' : s.state === 'failed' ? '✗' : s.state === 'skipped' ? '-' : '…'} ${s.message}`),
        progress: (p) => {
          if (json) jsonLine(io, { event: 'progress', bytes: p.bytes, total: p.total, percent: p.percent, ...(p.rate ? { rate: p.rate } : {}) });
        },
        run: () => undefined,
      },
      abort.signal,
    );
    await serial.dispose();
    out({ event: 'result', state: run.state, ...(run.error ? { error: run.error } : {}) }, run.state === 'done' ? 'Done.' : `Failed: ${run.error?.message ?? run.state}${run.error?.fix ? `\nWhat to do: ${run.error.fix}` : ''}`);
    return run.state === 'done' ? 0 : 1;
  },
};
