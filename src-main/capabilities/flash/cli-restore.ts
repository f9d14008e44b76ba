import { parseArgs } from 'node:util';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';
import { flashServiceFor, reportFault, targetWithPassword, targetOptions } from './cli-target';

export const restore: CliCommand = {
  words: ['restore'],
  summary: 'Write partitions back from a backup: checked plan first, dangerous ones refused without --override-danger, read back after writing (router password: RB_PASSWORD=… or --ask-password)',
  usage: 'restore --host ADDR [--ssh|--telnet] [--user root] [--ask-password|--key FILE] --from DIR --partition NAME [--partition NAME…] [--dry-run] [--override-danger] [--override-identity] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetOptions, from: { type: 'string' }, partition: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false }, 'override-danger': { type: 'boolean', default: false }, 'override-identity': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.from) throw new UsageError('--from DIR is required (a backup folder with manifest.json)');
    if (!values.partition?.length) throw new UsageError('--partition NAME is required (repeat it for several)');
    const target = await targetWithPassword(values, io);
    const json = values.json;
    const service = flashServiceFor(io, json);
    // On the command line, naming a partition with --partition together with --override-danger is the typed override.
    const req = { target, from: values.from, partitions: values.partition, overrideDanger: values['override-danger'] ? values.partition : [], overrideIdentity: values['override-identity'], dryRun: values['dry-run'] };
    let result;
    try {
      result = await service.restore(req);
    } catch (err) {
      reportFault(io, json, err);
    }
    const plan = result.plan;
    if (json) {
      jsonLine(io, { event: 'plan', ok: plan.ok, identityMatches: plan.identityMatches, identityDifferences: plan.identityDifferences, steps: plan.steps.map((s) => ({ partition: s.partition, file: s.file, sha256: s.sha256, writer: s.writer, commands: s.commands, warnings: s.warnings })), refusals: plan.refusals });
      for (const r of result.results) jsonLine(io, { event: 'result', ...r });
      jsonLine(io, { event: 'done', ok: result.ok, dryRun: result.dryRun });
    } else {
      for (const r of plan.refusals) io.err(`REFUSED ${r.partition}: ${r.error.message}\n  ${r.error.meaning ?? ''}\n  What to do: ${r.error.fix ?? ''}`);
      for (const s of plan.steps) {
        io.out(`${result.dryRun ? 'Would restore' : 'Restore'} ${s.partition} (mtd${s.index}) from ${s.file}, sha256 ${s.sha256}:`);
        for (const c of s.commands) io.out(`    ${c}`);
        for (const w of s.warnings) io.out(`  note: ${w}`);
      }
      for (const r of result.results) io.out(r.status === 'written' ? `Written and read back: ${r.partition} (sha256 ${r.readBackSha256})` : `${r.status.toUpperCase()} ${r.partition}: ${r.error?.message ?? ''}`);
      if (result.dryRun) io.out(plan.ok ? 'Dry run: nothing was written.' : 'Dry run: nothing was written, and the restore would be refused as shown.');
    }
    return result.ok ? 0 : 1;
  },
};
