import { parseArgs } from 'node:util';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';
import { flashServiceFor, mib, reportFault, targetWithPassword, targetOptions } from './cli-target';

export const backup: CliCommand = {
  words: ['backup'],
  summary: 'Copy every flash partition of a router to a folder, with checksums and manifest.json (router password: RB_PASSWORD=… or --ask-password)',
  usage: 'backup --host ADDR [--ssh|--telnet] [--user root] [--ask-password|--key FILE] --out DIR [--partition NAME…] [--retry-failed] [--skip-router-hash] [--session-only-key] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetOptions, out: { type: 'string' }, partition: { type: 'string', multiple: true }, 'retry-failed': { type: 'boolean', default: false }, 'skip-router-hash': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.out) throw new UsageError('--out DIR is required (a new, empty folder for the backup)');
    const target = await targetWithPassword(values, io);
    const json = values.json;
    let lastLine = 0;
    const service = flashServiceFor(io, json, {
      progress: (p) => {
        if (json) return jsonLine(io, { event: 'progress', phase: p.phase, partition: p.partition?.name, index: p.partition?.index, done: p.partition?.done, size: p.partition?.size, totalDone: p.totalDone, totalSize: p.totalSize, rate: Math.round(p.rate), etaMs: p.etaMs });
        const now = Date.now();
        if (now - lastLine < 1000 && p.phase === 'copying') return;
        lastLine = now;
        const pct = p.totalSize ? Math.floor((p.totalDone / p.totalSize) * 100) : 0;
        const part = p.partition ? ` ${p.position}/${p.count} ${p.partition.name}` : '';
        io.err(`${p.phase}${part}  ${pct}%  ${mib(p.totalDone)} of ${mib(p.totalSize)}  ${mib(p.rate)}/s${p.etaMs !== null ? `  about ${Math.ceil(p.etaMs / 1000)} s left` : ''}`);
      },
      partition: (_id, p) => {
        if (json) return jsonLine(io, { event: 'partition', ...p });
        io.err(p.status === 'ok' ? `  ok      mtd${p.index} ${p.name} → ${p.file} sha256 ${p.sha256}${p.badBlocks.length ? ` (${p.badBlocks.length} bad blocks skipped)` : ''}` : `  FAILED  mtd${p.index} ${p.name}: ${p.error?.message ?? ''}`);
      },
    });
    let result;
    try {
      const job = service.startBackup({ target, outDir: values.out, retryFailed: values['retry-failed'], routerHash: !values['skip-router-hash'], ...(values.partition?.length ? { partitions: values.partition } : {}) });
      const stop = io.stopped.then(() => service.cancelBackup(job.backupId));
      void stop;
      result = await job.finished;
    } catch (err) {
      reportFault(io, json, err);
    }
    if (json) jsonLine(io, { event: 'done', ok: result.ok, dir: result.dir, failed: result.failed, elapsedMs: result.elapsedMs, ...(result.error ? { error: result.error } : {}) });
    else if (result.ok) io.out(`Done. ${result.manifest.partitions.length} partitions copied and checked, in ${result.dir}`);
    else {
      io.err(result.error ? `Error: ${result.error.message}\n${result.error.meaning ?? ''}\nWhat to do: ${result.error.fix ?? ''}${result.error.details ? `\nDetails: ${result.error.details}` : ''}` : `Not complete: ${result.failed.length} partition(s) failed: ${result.failed.join(', ')}. The others are good. Retry with: backup --host ${target.host} --out ${result.dir} --retry-failed`);
    }
    return result.ok ? 0 : 1;
  },
};
