/**
 * Checks of a translated catalogue against the source: missing and extra keys, messages that do not parse,
 * and placeholders that differ ({port} dropped or misspelt would show a raw "{port}" or lose the number).
 * Used by test/shared/i18n/catalog.test.ts; kept here so a translator's tool can run the same checks.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export function argumentsOf(message: string): string[] {
  const out = new Set<string>();
  const walk = (els: MessageFormatElement[]): void => {
    for (const e of els) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
      else if (e.type === TYPE.plural || e.type === TYPE.select) {
        out.add(e.value);
        for (const o of Object.values(e.options)) walk(o.value);
      } else if (e.type === TYPE.tag) {
        out.add(`<${e.value}>`);
        walk(e.children);
      }
    }
  };
  walk(parse(message));
  return [...out].sort();
}

export interface CatalogProblem {
  key: string;
  problem: 'missing' | 'extra' | 'does not parse' | 'placeholders differ' | 'empty';
  detail?: string;
}

export function checkCatalog(source: Record<string, string>, target: Record<string, string>): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(target, key)) {
      problems.push({ key, problem: 'missing' });
      continue;
    }
    const text = target[key]!;
    if (text.trim() === '') {
      problems.push({ key, problem: 'empty' });
      continue;
    }
    let args: string[];
    try {
      args = argumentsOf(text);
    } catch (e) {
      problems.push({ key, problem: 'does not parse', detail: String(e) });
      continue;
    }
    const want = argumentsOf(source[key]!);
    if (args.join(',') !== want.join(',')) problems.push({ key, problem: 'placeholders differ', detail: `${args.join(',')} ≠ ${want.join(',')}` });
  }
  for (const key of Object.keys(target)) if (!Object.hasOwn(source, key)) problems.push({ key, problem: 'extra' });
  return problems;
}
