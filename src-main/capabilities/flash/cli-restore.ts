import { parseArgs } from 'node:util';
import { RestoreRequestSchema, type RestoreResult } from '../../../src-shared/capabilities/flash';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { english, localizeError, said, saidAmong } from '../../../src-shared/i18n';
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
  // the words are the catalogue's (decision 0162); the English is what this built inline before
  return fault(refused.size > 0 ? 'RESTORE_REFUSED' : 'RESTORE_FAILED', { count: problems.length ? String(problems.length) : 'none', names: problems.map((p) => p.partition).join(', ') }).toShape();
}

export const restore: CliCommand = {
  words: ['restore'],
  summary: 'flash.cli.summary.restore',
  usage: 'restore --host ADDR [--interface IF] [--ssh|--telnet] [--user root] [--ask-password|--key FILE] --from DIR --partition NAME [--partition NAME…] [--dry-run] [--override-danger] [--override-identity] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetOptions, from: { type: 'string' }, partition: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false }, 'override-danger': { type: 'boolean', default: false }, 'override-identity': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.from) throw new UsageError(said('flash.cli.usage.from'));
    if (!values.partition?.length) throw new UsageError(said('flash.cli.usage.partition'));
    const target = await targetWithPassword(values, io);
    // On the command line, naming a partition with --partition together with --override-danger is the typed override.
    const request = requestFromFlags(
      RestoreRequestSchema,
      { target, from: values.from, partitions: values.partition, overrideDanger: values['override-danger'] ? values.partition : [], overrideIdentity: values['override-identity'], dryRun: values['dry-run'] },
      { from: { flag: '--from', given: values.from }, partitions: { flag: '--partition', expect: said('flash.cli.takes.partition') } },
    );
    const say = io.t ?? english;
    return runOnContract(
      io,
      {
        command: 'restore',
        json: values.json,
        events: ['flash.restore.progress'],
        describe: (e) => (e.name === 'flash.restore.progress' ? say('flash.cli.restore.progress', { partition: e.payload.partition, phase: e.payload.phase === 'reading-back' ? 'readingBack' : e.payload.phase, message: e.payload.message === undefined ? 'none' : saidAmong(say, e.payload.message, e.payload.msg ? [e.payload.msg] : undefined) }) : undefined),
      },
      async (t) => {
        // flash.restore.run checks first, as flash.restore.plan does, and with --dry-run stops there
        const result = await onInterface(t, values.interface, request.target, (slotTarget) => t.invoke('flash.restore.run', { ...request, target: slotTarget }));
        const plan = result.plan;
        for (const r of plan.refusals) {
          const e = localizeError(r.error, say);
          t.say(say('flash.cli.restore.refused', { partition: r.partition, message: e.message, meaning: e.meaning ?? '', fix: e.fix ?? '' }));
        }
        const out: string[] = [];
        for (const s of plan.steps) {
          out.push(say('flash.cli.restore.step', { dry: result.dryRun ? 'yes' : 'no', partition: s.partition, index: String(s.index), file: s.file, sha256: s.sha256 }));
          for (const c of s.commands) out.push(`    ${c}`);
          for (const w of s.warnings) out.push(say('flash.cli.restore.note', { text: saidAmong(say, w, s.warningsMsg) }));
        }
        for (const r of result.results)
          out.push(
            r.status === 'written'
              ? say('flash.cli.restore.written', { partition: r.partition, sha256: String(r.readBackSha256) })
              : say('flash.cli.restore.notWritten', { status: r.status === 'verify-failed' ? 'verifyFailed' : r.status, partition: r.partition, message: r.error ? localizeError(r.error, say).message : '' }),
          );
        if (result.dryRun) out.push(say('flash.cli.restore.dryRun', { ok: plan.ok ? 'yes' : 'no' }));
        const text = out.join('\n') || undefined;
        return result.ok ? { ok: true, value: result, ...(text ? { text } : {}) } : { ok: false, error: restoreFault(result), value: result, ...(text ? { text } : {}) };
      },
    );
  },
};
