/**
 * axe-core in the page (Debian's Chromium through playwright-core): the WCAG 2.1 A and AA rules, violations
 * as short lines a test can print ("color-contrast (serious) .nav-hint: …").
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
  summary: string;
}

/** `exclude`: CSS selectors left out of the audit (each named with its reason by the caller). */
export async function axeAudit(page: Page, exclude: string[] = []): Promise<AxeFinding[]> {
  const context = { include: [['body']], exclude: exclude.map((s) => [s]) };
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(ctx as never, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) }));
  }, context as unknown as string);
  return violations.flatMap((v) => v.nodes.map((n) => ({ rule: v.id, impact: v.impact, help: v.help, targets: n.target, summary: n.summary.replace(/\s+/g, ' ').slice(0, 200) })));
}

export const describeFindings = (f: AxeFinding[]): string[] => f.map((x) => `${x.rule} (${x.impact}) ${x.targets.join(' ')}: ${x.summary}`);
