import { parseArgs } from 'node:util';
import { BackupStartSchema, type BackupResult } from '../../../src-shared/capabilities/flash';
import type { SessionTarget } from '../../../src-shared/capabilities/device';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onInterface, targetWithPassword, targetOptions } from './cli-target';
import { english, localizeError, said, saidAmong, type Translate } from '../../../src-shared/i18n';

/** A size in MiB as the command wrote it before (two decimals below 10 MiB, one above), in the language asked for. */
function mibIn(say: Translate, n: number): string {
  return say('flash.cli.backup.mib', { big: n < 10 * 1048576 ? 'no' : 'yes', n: n / 1048576 });
}

/** A backup that copied some partitions but not all: which, and how to finish it. */
function incomplete(result: BackupResult, target: SessionTarget): RbErrorShape {
  return fault('BACKUP_INCOMPLETE', {
    what: 'partitions',
    count: String(result.failed.length),
    names: result.failed.join(', '),
    command: `rescue-bench backup --host ${target.host} --out ${result.dir} --retry-failed`,
  }).toShape();
}

export const backup: CliCommand = {
  words: ['backup'],
  summary: 'flash.cli.summary.backup',
  usage: 'backup --host ADDR [--interface IF] [--ssh|--telnet] [--user root] [--ask-password|--key FILE] --out DIR [--partition NAME…] [--retry-failed] [--skip-router-hash] [--session-only-key] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetOptions, out: { type: 'string' }, partition: { type: 'string', multiple: true }, 'retry-failed': { type: 'boolean', default: false }, 'skip-router-hash': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.out) throw new UsageError(said('flash.cli.usage.out'));
    const target = await targetWithPassword(values, io);
    const request = requestFromFlags(
      BackupStartSchema,
      { target, outDir: values.out, retryFailed: values['retry-failed'], routerHash: !values['skip-router-hash'], ...(values.partition?.length ? { partitions: values.partition } : {}) },
      { outDir: { flag: '--out', given: values.out }, partitions: { flag: '--partition', expect: said('flash.cli.takes.partition') } },
    );
    const say = io.t ?? english;
    let lastLine = 0;
    return runOnContract(
      io,
      {
        command: 'backup',
        json: values.json,
        events: ['flash.backup.progress', 'flash.backup.partition', 'flash.backup.done'],
        describe: (e) => {
          if (e.name === 'flash.backup.progress') {
            const p = e.payload;
            const now = Date.now();
            if (now - lastLine < 1000 && p.phase === 'copying') return undefined;
            lastLine = now;
            const pct = p.totalSize ? Math.floor((p.totalDone / p.totalSize) * 100) : 0;
            return say('flash.cli.backup.progress', {
              phase: p.phase === 'hashing-on-router' ? 'hashingOnRouter' : p.phase,
              part: p.partition ? 'yes' : 'no',
              position: String(p.position ?? ''),
              count: String(p.count ?? ''),
              partition: p.partition?.name ?? '',
              pct: String(pct),
              done: mibIn(say, p.totalDone),
              total: mibIn(say, p.totalSize),
              rate: mibIn(say, p.rate),
              eta: p.etaMs !== null ? 'yes' : 'no',
              seconds: p.etaMs !== null ? String(Math.ceil(p.etaMs / 1000)) : '',
            });
          }
          if (e.name === 'flash.backup.partition') {
            const p = e.payload.partition;
            const line =
              p.status === 'ok'
                ? say('flash.cli.backup.ok', { index: String(p.index), name: p.name, file: String(p.file), sha256: String(p.sha256), bad: p.badBlocks.length })
                : say('flash.cli.backup.failed', { index: String(p.index), name: p.name, message: p.error ? localizeError(p.error, say).message : '' });
            // the backup's own notes (no nanddump, no hash on the router) in the language asked for (decision 0182)
            const notes = (p.warnings ?? []).map((w) => say('flash.cli.backup.note', { text: saidAmong(say, w, p.warningsMsg) }));
            return [line, ...notes].join('\n');
          }
          return undefined;
        },
      },
      async (t) =>
        onInterface(t, values.interface, request.target, async (slotTarget) => {
          const { backupId } = await t.invoke('flash.backup.start', { ...request, target: slotTarget });
          t.whenStopped(() => t.invoke('flash.backup.cancel', { backupId }));
          const result = await t.waitFor('flash.backup.done', (r) => r.backupId === backupId);
          if (result.ok) return { ok: true as const, value: result, text: say('flash.cli.backup.done', { count: String(result.manifest.partitions.length), dir: result.dir }) };
          return { ok: false as const, error: result.error ?? incomplete(result, target), value: result };
        }),
    );
  },
};
