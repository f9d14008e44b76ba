/**
 * The pseudo-locale: every catalogue text with its letters accented and 40 % longer, wrapped in ⟦ ⟧. Text in it
 * is readable, so a screen in it still works; plain ASCII words on a screen shown in it did not come from the
 * catalogue; a ⟦ without its ⟧ was cut off. Arguments, plural rules and tags are kept as they are.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ'][i]!]),
);
const FILLER = 'ŀǿřḗḿ īƥşŭḿ ḓǿŀǿř şīŧ ȧḿḗŧ ƈǿƞşḗƈŧḗŧŭř ȧḓīƥīşƈīƞɠ ḗŀīŧ şḗḓ ḓǿ ḗīŭşḿǿḓ ŧḗḿƥǿř īƞƈīḓīḓŭƞŧ';

export const accent = (s: string): string => s.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);

function literalLength(els: MessageFormatElement[]): number {
  let n = 0;
  for (const e of els) {
    if (e.type === TYPE.literal) n += e.value.length;
    else if (e.type === TYPE.tag) n += literalLength(e.children);
    else if (e.type === TYPE.plural || e.type === TYPE.select) n += Math.max(0, ...Object.values(e.options).map((o) => literalLength(o.value)));
    else n += 4;
  }
  return n;
}

function walk(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.map((e) => {
    if (e.type === TYPE.literal) return { ...e, value: accent(e.value) };
    if (e.type === TYPE.tag) return { ...e, children: walk(e.children) };
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      return { ...e, options: Object.fromEntries(Object.entries(e.options).map(([k, o]) => [k, { ...o, value: walk(o.value) }])) };
    }
    return e;
  });
}

export function pseudoMessage(message: string): string {
  const ast = parse(message, { captureLocation: false });
  const pad = Math.ceil(literalLength(ast) * 0.4);
  const filler = pad > 0 ? ` ${FILLER.repeat(Math.ceil(pad / FILLER.length)).slice(0, pad - 1)}` : '';
  return `⟦${printAST(walk(ast))}${filler}⟧`;
}

export function pseudoCatalog<K extends string>(source: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, pseudoMessage(v as string)])) as Record<K, string>;
}
