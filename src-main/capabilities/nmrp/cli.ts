import { parseArgs } from 'node:util';
import { NmrpStartSchema, type NmrpStage } from '../../../src-shared/capabilities/nmrp/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { fault } from '../../../src-shared/errors';
import { english, type Translate } from '../../../src-shared/i18n/translate';
import { stageDoNow, stageSay, stageWarning } from '../../../src-shared/capabilities/nmrp/said';
import { said } from '../../../src-shared/i18n/said';

const MIB = 1048576;

/** One stage as plain words in the person's language (--lang, LANG); the stage name in brackets stays as it is. */
export function describe(s: NmrpStage, t: Translate = english): string {
  const extra: string[] = [];
  if (s.upload?.sha256)
    extra.push(t('nmrp.cli.uploaded', { bytes: s.upload.bytes / MIB, seconds: (s.upload.ms ?? 0) / 1000, rate: s.upload.bytesPerSecond / MIB, blksize: s.upload.blksize ?? 0, sha: s.upload.sha256 }));
  const warning = stageWarning(t, s);
  const doNow = stageDoNow(t, s);
  if (warning) extra.push(`${t('nmrp.cli.note')} ${warning}`);
  if (doNow) extra.push(`→ ${doNow}`);
  return [`[${s.stage}] ${stageSay(t, s)}`, ...extra.map((x) => `    ${x}`)].join('\n');
}

/**
 * nmrp.start through the contract, then one nmrp.stage line per NMRP step until done, failed or cancelled.
 * Exit 0 once CLOSE_ACK is sent; Ctrl-C sends nmrp.cancel (the network set-up is undone in every case).
 */
export const recoverNetgear: CliCommand = {
  words: ['recover', 'netgear'],
  summary: 'nmrp.cli.summary.recover',
  usage:
    'recover netgear --interface IF --file IMAGE [--region NA|WW|GR|PR|RU|BZ|IN|KO|JP|AU|CA|US] [--timeout S] [--router-ip IP/PREFIX] [--host-ip IP] [--keepalive-limit S] [--advertise S] [--progress] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        interface: { type: 'string' },
        file: { type: 'string' },
        region: { type: 'string' },
        timeout: { type: 'string', default: '10' },
        'router-ip': { type: 'string', default: '10.164.183.253/24' },
        'host-ip': { type: 'string', default: '10.164.183.252' },
        'keepalive-limit': { type: 'string', default: '1800' },
        advertise: { type: 'string', default: '60' },
        progress: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (!values.interface) throw new UsageError(said('nmrp.cli.usage.interface'));
    if (!values.file) throw new UsageError(said('nmrp.cli.usage.file'));
    const request = requestFromFlags(
      NmrpStartSchema,
      {
        interface: values.interface,
        file: values.file,
        ...(values.region !== undefined ? { region: values.region.toUpperCase() } : {}),
        timeoutS: num(values.timeout),
        routerIp: values['router-ip'],
        hostIp: values['host-ip'],
        keepAliveLimitS: num(values['keepalive-limit']),
        advertiseS: num(values.advertise),
      },
      {
        interface: { flag: '--interface', given: values.interface },
        file: { flag: '--file', given: values.file },
        region: { flag: '--region', given: values.region, expect: said('nmrp.cli.takes.region') },
        timeoutS: { flag: '--timeout', given: values.timeout, expect: said('nmrp.cli.takes.seconds', { min: '1', max: '600' }) },
        routerIp: { flag: '--router-ip', given: values['router-ip'], expect: said('nmrp.cli.takes.routerIp') },
        hostIp: { flag: '--host-ip', given: values['host-ip'] },
        keepAliveLimitS: { flag: '--keepalive-limit', given: values['keepalive-limit'], expect: said('nmrp.cli.takes.seconds', { min: '10', max: '7200' }) },
        advertiseS: { flag: '--advertise', given: values.advertise, expect: said('nmrp.cli.takes.seconds', { min: '1', max: '600' }) },
      },
    );
    return runOnContract(
      io,
      {
        command: 'recover netgear',
        json: values.json,
        events: ['nmrp.stage', 'nmrp.progress'],
        filter: (e) => e.name !== 'nmrp.progress' || values.progress,
        describe: (e) => (e.name === 'nmrp.stage' ? describe(e.payload, io.t) : e.name === 'nmrp.progress' ? `    ${(io.t ?? english)('nmrp.cli.progress', { done: e.payload.bytes / MIB, total: e.payload.total / MIB, rate: e.payload.bytesPerSecond / MIB })}` : undefined),
        capabilities: async () => [(await import('./index')).nmrpMain],
      },
      async (t) => {
        const first = await t.invoke('nmrp.start', request);
        t.whenStopped(() => t.invoke('nmrp.cancel', {}));
        await t.waitFor('nmrp.stage', (s) => s.runId === first.runId && (s.stage === 'done' || s.stage === 'failed' || s.stage === 'cancelled'));
        // the last stage is told at once; the run settles when the network set-up is undone
        let run = await t.invoke('nmrp.status', {});
        while (run.state === 'running') {
          await new Promise((r) => setTimeout(r, 20));
          run = await t.invoke('nmrp.status', {});
        }
        if (run.state === 'done') return { ok: true, value: run, text: (io.t ?? english)('nmrp.cli.done') };
        return { ok: false, error: run.fault ?? fault('NMRP_FAILED').toShape(), value: run };
      },
    );
  },
};
