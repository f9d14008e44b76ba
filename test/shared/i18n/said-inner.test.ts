/**
 * A sentence quoted inside another (decision 0188): `said(id, { value: said(...) })` keeps the English word for
 * word, carries the quoted sentence's id + values under the value's name, and `sayIn` says both in the language
 * asked for. Unknown ids, values that are not ours and nesting deeper than the contract allows fall back to the
 * English they came with, never to a raw {placeholder}.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { english, loadCatalog, said, saidData, saidFrom, sayIn, translator, type Translate } from '../../../src-shared/i18n';
import { SaidMessageSchema } from '../../../src-shared/contract/common';

let de: Translate;
let es: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
});

describe('said() with a quoted sentence', () => {
  it('the English as before; the quoted sentence said in German and Spanish from its id', () => {
    const goal = said('upgrade.plan.said.success', { vendor: 'Linksys', version: '1.0.180404.58', slot: 2 });
    const line = said('upgrade.said.ev.doneAt', { done: goal, host: '192.168.1.1' });
    expect(line.text).toBe(`${goal.text} Its address is 192.168.1.1.`);
    expect(line.msg).toEqual({ id: 'upgrade.said.ev.doneAt', values: { done: goal.text, host: '192.168.1.1' }, inner: { done: goal.msg } });
    expect(SaidMessageSchema.parse(line.msg)).toEqual(line.msg);
    expect(sayIn(de, line.msg, line.text)).toBe(`${sayIn(de, goal.msg, '')} Seine Adresse ist 192.168.1.1.`);
    expect(sayIn(de, line.msg, line.text)).toMatch(/^Fertig\. /);
    expect(sayIn(es, line.msg, line.text)).toMatch(/^Hecho\. .* Su dirección es 192\.168\.1\.1\.$/);
    expect(sayIn(english, line.msg, '')).toBe(line.text);
  });

  it('a plain string value (the router\'s words) stays as it came, in every language', () => {
    const line = said('failsafe.said.fixFailed', { action: 'Something the catalogue does not know', reason: 'busybox: not found', fix: 'none' });
    expect(line.msg.inner).toBeUndefined();
    expect(sayIn(de, line.msg, line.text)).toBe('Something the catalogue does not know hat nicht geklappt: busybox: not found');
  });

  it('an inner id this workstation does not know: that part in the English it came with', () => {
    const msg = { id: 'upgrade.said.ev.forRouter', values: { headline: 'A newer sentence.' }, inner: { headline: { id: 'firmware.v.fromTheFuture' } } };
    expect(SaidMessageSchema.parse(msg)).toEqual(msg);
    expect(sayIn(de, msg, 'For this router: A newer sentence.')).toBe('Für diesen Router: A newer sentence.');
  });

  it('nesting stops at two levels: the third is kept as its English, and the whole still parses', () => {
    const a = said('recover.said.whileWriting', { led: 'x' });
    const b = said('upgrade.said.ev.reason', { reason: a });
    const c = said('upgrade.said.ev.forRouter', { headline: b });
    const d = said('upgrade.said.ev.settingsBackupFailed', { reason: c });
    expect(d.msg.inner!.reason!.inner!.headline).toEqual({ id: 'upgrade.said.ev.reason', values: { reason: a.text } });
    expect(SaidMessageSchema.safeParse(d.msg).success).toBe(true);
    // a message nested deeper from elsewhere (a hostile or broken peer): the contract keeps two levels, drops the rest
    const deep = { id: 'x', values: { v: 'a' }, inner: { v: { id: 'y', inner: { w: { id: 'z', inner: { q: { id: 'q' } } } } } } };
    expect(SaidMessageSchema.parse(deep)).toEqual({ id: 'x', values: { v: 'a' }, inner: { v: { id: 'y', inner: { w: { id: 'z' } } } } });
    expect(sayIn(de, d.msg, d.text)).toBe('Sicherung der Einstellungen fehlgeschlagen: Für diesen Router:   While it writes: x');
  });
});

describe('finding our words by their English', () => {
  it('saidFrom: the entry among a list whose English is the text; anything else stays text', () => {
    const m = said('upgrade.said.ev.forced');
    expect(saidFrom(m.text, [m.msg])).toEqual(m);
    expect(saidFrom('The router printed this.', [m.msg])).toBe('The router printed this.');
  });

  it('saidData: a fix label or profile line the catalogue holds without values', () => {
    const label = english('prompt.action.mountRoot.label');
    expect(saidData(label)).toEqual({ text: label, msg: { id: 'prompt.action.mountRoot.label' } });
    const line = said('failsafe.said.fixCancelled', { action: saidData(label) });
    expect(line.text).toBe(`${label}: cancelled.`);
    expect(sayIn(de, line.msg, line.text)).toBe(`${de('prompt.action.mountRoot.label')}: abgebrochen.`);
    expect(saidData('Power light blinks like no router does')).toBe('Power light blinks like no router does');
  });
});
