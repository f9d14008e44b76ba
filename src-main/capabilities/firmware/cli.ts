import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { hashOnMainThread } from './hash-worker';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { DeviceFactsSchema, firmwareCommands, type InspectionReport, type StructureWire, type VerdictWire } from '../../../src-shared/capabilities/firmware/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';

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

/** The report in plain words (without --json). */
function reportText(report: InspectionReport, verdict: VerdictWire | undefined): string {
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
  return out.join('\n');
}

/**
 * firmware.inspect (and firmware.verdict with --device) through the contract. Only the firmware capability is
 * started: inspect is quick and frequent, and must not load ssh2, serialport or ws (decision 0041).
 */
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
    const file = requestFromFlags(
      firmwareCommands['firmware.inspect'].request,
      { path: positionals[0] },
      { path: { flag: 'FILE', given: positionals[0] } },
    );
    let device: z.output<typeof DeviceFactsSchema> | undefined;
    if (values.device !== undefined) {
      const p = findDeviceProfile(values.device);
      device = requestFromFlags(
        DeviceFactsSchema,
        { boardName: p?.boardName ?? values.device, ...(values.compat !== undefined ? { compatVersion: values.compat } : {}) },
        { boardName: { flag: '--device', given: values.device, expect: 'a board name such as linksys,wrt32x' }, compatVersion: { flag: '--compat', given: values.compat, expect: 'a version such as 1.1' } },
      );
    }
    hashOnMainThread(); // one file in a one-shot process: a worker costs more than it saves
    return runOnContract(io, { command: 'inspect', json: values.json, capabilities: async () => [(await import('./index')).firmwareMain] }, async (t) => {
      const inspection = await t.invoke('firmware.inspect', file);
      const verdict = device ? await t.invoke('firmware.verdict', { inspection: { fileName: inspection.fileName, identity: inspection.identity, metadata: inspection.metadata }, device }) : undefined;
      return { ok: true, value: { inspection, ...(verdict ? { verdict } : {}) }, text: reportText(inspection, verdict) };
    });
  },
};
