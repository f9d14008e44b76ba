import { parseArgs } from 'node:util';
import { inspectFile } from './service';
import { hashOnMainThread } from './hash-worker';
import { verdictFor } from '../../../src-shared/capabilities/firmware/verdict';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';
import type { StructureWire } from '../../../src-shared/capabilities/firmware/contract';

function hex(n: number): string {
  return '0x' + n.toString(16).toUpperCase().padStart(8, '0');
}

function treeLines(list: StructureWire[], depth: number, out: string[]): void {
  for (const s of list) {
    if (s.type === 'tar-member') {
      out.push(`${'  '.repeat(depth)}${hex(s.offset)}  ${String(s.fields.name)}`);
      treeLines(s.children, depth + 1, out);
      continue;
    }
    const mark = s.valid === false ? '  ✗ ' : s.valid === true ? '  ✓ ' : '    ';
    out.push(`${'  '.repeat(depth)}${hex(s.offset)}${mark}${s.description}`);
    for (const c of s.checks.filter((c) => !c.ok)) out.push(`${'  '.repeat(depth + 1)}            ${c.name} FAILED: expected ${c.expected ?? '?'}, got ${c.actual ?? '?'}`);
    for (const w of s.warnings) out.push(`${'  '.repeat(depth + 1)}            ! ${w}`);
    treeLines(s.children, depth + 1, out);
  }
}

export const inspect: CliCommand = {
  words: ['inspect'],
  summary: 'What a firmware image is, whether its checksums hold, and (with --device) whether it fits a router',
  usage: 'inspect FILE [--device BOARD] [--compat X.Y] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { device: { type: 'string' }, compat: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('Give exactly one image file.');
    hashOnMainThread(); // one file in a one-shot process: a worker costs more than it saves
    const report = await inspectFile(positionals[0]!);
    let verdict;
    if (values.device) {
      const p = findDeviceProfile(values.device);
      const device = { boardName: p?.boardName ?? values.device, ...(values.compat ? { compatVersion: values.compat } : {}) };
      verdict = verdictFor(report.identity, report.metadata, device, report.fileName);
    }
    if (values.json) {
      jsonLine(io, {
        file: report.path,
        size: report.size,
        sha256: report.sha256,
        md5: report.md5,
        formats: report.formats,
        metadata: report.metadata,
        warnings: report.warnings,
        layout: report.layout,
        identity: report.identity,
        ...(verdict ? { verdict } : {}),
        elapsedMs: report.elapsedMs,
      });
    } else {
      const out: string[] = [report.identity.headline, report.identity.integrityText, '', `File    ${report.path}`, `Size    ${report.size} bytes`, `SHA-256 ${report.sha256}`, `MD5     ${report.md5}`, ''];
      treeLines(report.tree, 0, out);
      if (report.layout.trailing) out.push('', `After the last structure: ${report.layout.trailing.length} bytes of ${report.layout.trailing.kind}.`);
      for (const w of report.warnings) out.push(`! ${w}`);
      if (verdict) {
        out.push('', `For ${verdict.device.model ?? verdict.device.boardName}: ${verdict.verdict}`, verdict.headline, ...verdict.reasons.map((r) => `  - ${r}`));
        if (verdict.sysupgradeSays.length) out.push('sysupgrade would print:', ...verdict.sysupgradeSays.map((l) => `  ${l}`));
        if (verdict.steps) out.push('Steps:', ...verdict.steps.map((s, i) => `  ${i + 1}. ${s}`));
        else if (verdict.command) out.push(`Command: ${verdict.command}`);
        if (verdict.userReported) out.push(`Note: ${verdict.userReported}`);
        for (const a of verdict.assumptions) out.push(`Assumed: ${a}`);
      }
      io.out(out.join('\n'));
    }
    return 0;
  },
};
