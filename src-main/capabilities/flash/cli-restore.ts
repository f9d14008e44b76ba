import { parseArgs } from 'node:util';
import { RestoreRequestSchema, type RestoreResult } from '../../../src-shared/capabilities/flash';
import type { RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onInterface, targetWithPassword, targetOptions } from './cli-target';

/** Why a restore (or its dry run) did not write everything: the one reason itself, or which partitions and where to read why. */
function restoreFault(result: RestoreResult): RbErrorShape {
  // a refused partition is also listed as skipped in the results, with the same reason: once each
  const refused = new Set(result.plan.refusals.map((r) => r.partition));
  const problems = [
    ...result.plan.refusals.map((r) => ({ partition: r.partition, error: r.error })),
    ...result.results.flatMap((r) => (r.status === 'written' || !r.error || refused.has(r.partition) ? [] : [{ partition: r.partition, error: r.error }])),
  ];
  if (problems.length === 1) return problems[0]!.error;
  const wasRefused = refused.size > 0;
  return {
    code: wasRefused ? 'RESTORE_REFUSED' : 'RESTORE_FAILED',
    message: problems.length ? `${problems.length} partitions were not restored: ${problems.map((p) => p.partition).join(', ')}.` : 'The restore did not finish.',
    meaning: wasRefused ? 'The restore was refused before anything was written; each partition says why above.' : 'Each partition says above whether it was written and read back.',
    fix: 'Deal with each reason above, then run the restore again (--dry-run shows the plan without writing).',
  };
}

export const restore: CliCommand = {
  words: ['restore'],
  summary: 'Write partitions back from a backup: checked plan first, dangerous ones refused without --override-danger, read back after writing (router password: RB_PASSWORD=… or --ask-password)',
  usage: 'restore --host ADDR [--interface IF] [--ssh|--telnet] [--user root] [--ask-password|--key FILE] --from DIR --partition NAME [--partition NAME…] [--dry-run] [--override-danger] [--override-identity] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetOptions, from: { type: 'string' }, partition: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false }, 'override-danger': { type: 'boolean', default: false }, 'override-identity': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.from) throw new UsageError('--from DIR is required (a backup folder with manifest.json)');
    if (!values.partition?.length) throw new UsageError('--partition NAME is required (repeat it for several)');
    const target = await targetWithPassword(values, io);
    // On the command line, naming a partition with --partition together with --override-danger is the typed override.
    const request = requestFromFlags(
      RestoreRequestSchema,
      { target, from: values.from, partitions: values.partition, overrideDanger: values['override-danger'] ? values.partition : [], overrideIdentity: values['override-identity'], dryRun: values['dry-run'] },
      { from: { flag: '--from', given: values.from }, partitions: { flag: '--partition', expect: 'a partition name (at most 64 characters)' } },
    );
    return runOnContract(
      io,
      {
        command: 'restore',
        json: values.json,
        events: ['flash.restore.progress'],
        describe: (e) => (e.name === 'flash.restore.progress' ? `${e.payload.partition}: ${e.payload.phase}${e.payload.message ? ` — ${e.payload.message}` : ''}` : undefined),
      },
      async (t) => {
        // flash.restore.run checks first, as flash.restore.plan does, and with --dry-run stops there
        const result = await onInterface(t, values.interface, request.target, (slotTarget) => t.invoke('flash.restore.run', { ...request, target: slotTarget }));
        const plan = result.plan;
        for (const r of plan.refusals) t.say(`REFUSED ${r.partition}: ${r.error.message}\n  ${r.error.meaning ?? ''}\n  What to do: ${r.error.fix ?? ''}`);
        const out: string[] = [];
        for (const s of plan.steps) {
          out.push(`${result.dryRun ? 'Would restore' : 'Restore'} ${s.partition} (mtd${s.index}) from ${s.file}, sha256 ${s.sha256}:`);
          for (const c of s.commands) out.push(`    ${c}`);
          for (const w of s.warnings) out.push(`  note: ${w}`);
        }
        for (const r of result.results) out.push(r.status === 'written' ? `Written and read back: ${r.partition} (sha256 ${r.readBackSha256})` : `${r.status.toUpperCase()} ${r.partition}: ${r.error?.message ?? ''}`);
        if (result.dryRun) out.push(plan.ok ? 'Dry run: nothing was written.' : 'Dry run: nothing was written, and the restore would be refused as shown.');
        const text = out.join('\n') || undefined;
        return result.ok ? { ok: true, value: result, ...(text ? { text } : {}) } : { ok: false, error: restoreFault(result), value: result, ...(text ? { text } : {}) };
      },
    );
  },
};
