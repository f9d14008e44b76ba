import { Fragment, type ReactNode } from 'react';
import type { T } from './index';
import type { MessageId, MessageValues } from '../../src-shared/i18n';

/**
 * A catalogue sentence with styled parts inside it (a path in monospace, a word in bold): the sentence is
 * translated whole, so each language puts the parts where its grammar wants them. `parts` fill placeholders
 * of the same name with elements; `values` fill the rest as text.
 */
export function place(t: T, id: MessageId, values: MessageValues, parts: Record<string, ReactNode>): ReactNode {
  const names = Object.keys(parts);
  const marked: MessageValues = { ...values };
  names.forEach((n, i) => (marked[n] = `\uE000${i}\uE001`));
  let text = t(id, marked);
  // the pseudo-locale brackets a whole message (⟦…⟧): bracket each piece of words instead, so every piece on
  // the screen still shows that it came from the catalogue
  const pseudo = text.startsWith('⟦') && text.endsWith('⟧');
  if (pseudo) text = text.slice(1, -1);
  return text
    .split(/\uE000(\d+)\uE001/)
    .map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{parts[names[Number(piece)]!]}</Fragment> : pseudo && piece.trim() ? `⟦${piece}⟧` : piece));
}
