import { parseArgs } from 'node:util';
import { BackupStartSchema, type BackupResult } from '../../../src-shared/capabilities/flash';
import type { SessionTarget } from '../../../src-shared/capabilities/device';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { mib, onInterface, targetWithPassword, targetOptions } from './cli-target';
import { english, said, saidAmong } from '../../../src-shared/i18n';

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
            const part = p.partition ? ` ${p.position}/${p.count} ${p.partition.name}` : '';
            return `${p.phase}${part}  ${pct}%  ${mib(p.totalDone)} of ${mib(p.totalSize)}  ${mib(p.rate)}/s${p.etaMs !== null ? `  about ${Math.ceil(p.etaMs / 1000)} s left` : ''}`;
          }
          if (e.name === 'flash.backup.partition') {
            const p = e.payload.partition;
            const line = p.status === 'ok' ? `  ok      mtd${p.index} ${p.name} → ${p.file} sha256 ${p.sha256}${p.badBlocks.length ? ` (${p.badBlocks.length} bad blocks skipped)` : ''}` : `  FAILED  mtd${p.index} ${p.name}: ${p.error?.message ?? ''}`;
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
          if (result.ok) return { ok: true as const, value: result, text: `Done. ${result.manifest.partitions.length} partitions copied and checked, in ${result.dir}` };
          return { ok: false as const, error: result.error ?? incomplete(result, target), value: result };
        }),
    );
  },
};
