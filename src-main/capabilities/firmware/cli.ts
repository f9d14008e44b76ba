import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { hashOnMainThread } from './hash-worker';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { DeviceFactsSchema, firmwareCommands, type InspectionReport, type StructureWire, type VerdictWire } from '../../../src-shared/capabilities/firmware/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { english, intlTag, said, saidAmong, sayIn, type Translate } from '../../../src-shared/i18n';
import { sayImage, sizeIn } from '../../../src-shared/capabilities/firmware/image/words';
import { IMAGE_PART_WORDS } from '../../../src-shared/capabilities/firmware/identify';

function hex(n: number): string {
  return '0x' + n.toString(16).toUpperCase().padStart(8, '0');
}

/** How the plain report speaks: the catalogue in the person's language (--lang, LANG), English without one. */
interface Words {
  t: Translate;
  /** The Intl language for sizes and numbers. */
  tag: string;
}

function treeLines(w: Words, list: StructureWire[], depth: number, out: string[]): void {
  for (const s of list) {
    if (s.type === 'tar-member') {
      out.push(`${'  '.repeat(depth)}${hex(s.offset)}  ${String(s.fields.name)}`);
      treeLines(w, s.children, depth + 1, out);
      continue;
    }
    const mark = s.valid === false ? '  ✗ ' : s.valid === true ? '  ✓ ' : '    ';
    out.push(`${'  '.repeat(depth)}${hex(s.offset)}${mark}${sayImage(w.t, w.tag, s.descriptionMsg, s.description)}`);
    for (const c of s.checks.filter((c) => !c.ok)) out.push(`${'  '.repeat(depth + 1)}            ✗ ${c.name}: ${w.t('firmware.tree.expectedGot', { expected: c.expected ?? '?', actual: c.actual ?? '?' })}`);
    s.warnings.forEach((x, i) => out.push(`${'  '.repeat(depth + 1)}            ! ${sayImage(w.t, w.tag, s.warningsMsg?.[i], x)}`));
    treeLines(w, s.children, depth + 1, out);
  }
}

/** The report in plain words (without --json), in the person's language; what the image and sysupgrade say as they are. */
export function reportText(report: InspectionReport, verdict: VerdictWire | undefined, w: Words = { t: english, tag: 'en' }): string {
  const { t } = w;
  const id = report.identity;
  const labels = [t('firmware.report.file'), t('firmware.report.size'), 'SHA-256', 'MD5'];
  const width = Math.max(...labels.map((l) => l.length)) + 1;
  const row = (label: string, value: string) => `${label.padEnd(width)}${value}`;
  const out: string[] = [
    saidAmong(w.t, id.headline, id.said),
    saidAmong(w.t, id.integrityText, id.said, [...IMAGE_PART_WORDS, ...(id.said ?? [])]),
    '',
    row(labels[0]!, report.path),
    row(labels[1]!, t('firmware.report.bytes', { size: sizeIn(report.size, w.tag), count: report.size })),
    row('SHA-256', report.sha256),
    row('MD5', report.md5),
    '',
  ];
  treeLines(w, report.tree, 0, out);
  const tail = report.layout.trailing;
  if (tail) out.push('', t('firmware.cli.trailing', { size: sizeIn(tail.length, w.tag), count: tail.length, kind: tail.kind }));
  report.warnings.forEach((x, i) => out.push(`! ${sayImage(t, w.tag, report.warningsMsg?.[i], x)}`));
  if (verdict) {
    const v = (x: string) => saidAmong(w.t, x, verdict.said, id.said);
    out.push('', t('firmware.cli.verdictFor', { router: verdict.device.model ?? verdict.device.boardName, verdict: verdict.verdict }), v(verdict.headline), ...verdict.reasons.map((r) => `  - ${v(r)}`));
    if (verdict.sysupgradeSays.length) out.push(t('firmware.cli.sysupgradeSays'), ...verdict.sysupgradeSays.map((l) => `  ${l}`));
    if (verdict.steps) out.push(t('firmware.cli.steps'), ...verdict.steps.map((s, i) => `  ${i + 1}. ${v(s)}`));
    else if (verdict.command) out.push(t('firmware.cli.command', { command: verdict.command }));
    if (verdict.userReported) out.push(t('firmware.cli.note', { note: v(verdict.userReported) }));
    for (const a of verdict.assumptions) out.push(t('firmware.cli.assumed', { assumption: v(a) }));
  }
  return out.join('\n');
}

/**
 * firmware.inspect (and firmware.verdict with --device) through the contract. Only the firmware capability is
 * started: inspect is quick and frequent, and must not load ssh2, serialport or ws (decision 0041).
 */
export const inspect: CliCommand = {
  words: ['inspect'],
  summary: 'firmware.cli.summary.inspect',
  usage: 'inspect FILE [--device BOARD] [--compat X.Y] [--json] [--lang de|es|en]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { device: { type: 'string' }, compat: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(said('firmware.cli.usage.oneFile'));
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
        { boardName: { flag: '--device', given: values.device, expect: said('firmware.cli.takes.board') }, compatVersion: { flag: '--compat', given: values.compat, expect: said('firmware.cli.takes.compat') } },
      );
    }
    hashOnMainThread(); // one file in a one-shot process: a worker costs more than it saves
    return runOnContract(io, { command: 'inspect', json: values.json, capabilities: async () => [(await import('./index')).firmwareMain] }, async (t) => {
      const inspection = await t.invoke('firmware.inspect', file);
      const verdict = device ? await t.invoke('firmware.verdict', { inspection: { fileName: inspection.fileName, identity: inspection.identity, metadata: inspection.metadata }, device }) : undefined;
      return { ok: true, value: { inspection, ...(verdict ? { verdict } : {}) }, text: reportText(inspection, verdict, { t: io.t ?? english, tag: intlTag(io.locale ?? 'en') }) };
    });
  },
};
