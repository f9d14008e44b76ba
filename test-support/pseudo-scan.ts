/**
 * The pseudo-locale scan (issue 19): with the screen in en-XA every catalogue text is accented and wrapped in
 * ⟦ ⟧, so plain ASCII words left on the screen did not come from the catalogue. Data the screen shows as it
 * is (router names, makers, the product's name) is allowed by the caller. Used by jsdom tests and by the
 * Playwright audit (which passes the page's text in).
 */

/** The words of `text` that are outside every ⟦…⟧ (nested messages included), and unbalanced brackets. */
export function escapedWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = text;
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) rest = rest.split(a).join(' ');
  let prev: string;
  do {
    prev = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  } while (rest !== prev);
  const out = [...rest.matchAll(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g)].map((m) => m[0]);
  if (/[⟦⟧]/.test(rest)) out.push(`unbalanced ⟦⟧ in "${text.slice(0, 80)}"`);
  return out;
}

/** Every piece of text a person or a screen reader gets from `root`: text nodes and naming attributes. */
export function visibleTexts(root: Element): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('script,style,[data-i18n-data]')) continue;
    const text = n.textContent ?? '';
    if (text.trim()) out.push({ text, where: describe(parent) });
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.closest('[data-i18n-data]')) continue;
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
      const v = el.getAttribute(attr);
      if (v && v.trim()) out.push({ text: v, where: `${describe(el)}[${attr}]` });
    }
  }
  return out;
}

function describe(el: Element): string {
  const id = el.getAttribute('data-testid') ?? el.id;
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
}

/** "where: word word" for every text with escaped words; empty when the screen is all catalogue. */
export function scanForEscapes(root: Element, allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const { text, where } of visibleTexts(root)) {
    const words = escapedWords(text, allowed);
    if (words.length) found.push(`${where}: ${words.join(' ')}  ← "${text.trim().slice(0, 100)}"`);
  }
  return found;
}
