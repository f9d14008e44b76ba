/**
 * The image identity's and the verdict's sentences are made from the catalogue (decision 0139). The headlines with
 * optional parts read exactly as the old templates did for every combination, and every sentence of a report
 * carries an id whose English is that sentence (so the screen can say it in its language).
 */
import { describe, expect, it } from 'vitest';
import { english } from '../../../../src-shared/i18n';
import { identifyImage } from '../../../../src-shared/capabilities/firmware/identify';
import { verdictFor } from '../../../../src-shared/capabilities/firmware/verdict';
import { inspectBytes } from '../../../../src-shared/capabilities/firmware/image/inspect';
import { pureDigests } from '../../../../src-shared/capabilities/firmware/image/crc';
import * as W from '../../../../test-support/firmware-images';

describe('firmware sentences', () => {
  it('the upgrade and factory headlines: every mix of version, router and boards reads as before', () => {
    for (const version of [undefined, 'OpenWrt 24.10.4 r28959'])
      for (const router of [undefined, 'Linksys WRT32X'])
        for (const boards of [undefined, 'linksys,wrt32x, linksys,venom']) {
          const who = router ?? (boards ? `board ${boards}` : undefined);
          const v = { version: version ?? 'none', router: router ?? 'none', boards: boards ?? 'none' };
          expect(english('firmware.id.upgrade', v)).toBe(`This is an OpenWrt upgrade image${version ? ` (${version})` : ''}${who ? ` for the ${who}` : ''}.`);
          expect(english('firmware.id.factory', v)).toBe(`This is an OpenWrt first-install (factory) image${who ? ` for the ${who}` : ''}.`);
        }
    // the partly-checked sentence: its parts' plain names, as before
    const ins0 = inspectBytes(W.linksysStockLike(), pureDigests);
    const id0 = identifyImage(ins0, 'ab'.repeat(32));
    expect(id0.integrityText).toMatch(/^Its internal checks pass \(((archive headers|file system header|kernel checksums|flash block headers|settings area headers|compressed data header|[a-z0-9-]+)(, |\)))+, but the file has no checksum over the whole image: compare its SHA-256 with the one the maker publishes\.$/);
    expect(id0.integrityText).toContain('archive headers');
    expect(english('firmware.id.integrityWhole', { checks: 'TRX CRC, Seama md5' })).toBe('Its checksum is intact (TRX CRC, Seama md5).');
    expect(english('firmware.id.vendor', { boards: 'none' })).toBe("This looks like a router maker's firmware.");
    expect(english('firmware.id.vendor', { boards: 'x,y' })).toBe("This looks like a router maker's firmware for board x,y.");
  });

  it("every sentence of an identity and a verdict has its id + values beside it", () => {
    const ins = inspectBytes(W.linksysStockLike(), pureDigests);
    const id = identifyImage(ins, 'ab'.repeat(32));
    const made = (list: { id: string; values?: Record<string, string | number> }[] | undefined) => (list ?? []).map((m) => english(m.id as never, m.values));
    for (const x of [id.headline, id.slotLayoutReason!]) expect(made(id.said)).toContain(x);
    const v = verdictFor(id, ins.metadata, { boardName: 'linksys,wrt32x' }, 'FW.img');
    for (const x of [v.headline, ...v.steps!, ...v.assumptions, v.userReported!]) expect(made(v.said)).toContain(x);
    // reasons: ours have an id; none is left without one
    for (const r of v.reasons) expect(made(v.said)).toContain(r);
  });
});
