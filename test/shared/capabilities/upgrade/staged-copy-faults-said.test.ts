/**
 * STAGED_COPY_UNCHECKED and UPLOAD_CORRUPTED are the restore's codes; the upgrade raises them too, for an image file
 * instead of a partition. Its words were inline English (decision 0187, amended): now the catalogue's `what: image`
 * case. Both cases keep their English word for word, and both are said in German.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, translator, type Translate } from '../../../../src-shared/i18n';

let de: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
});

describe('the staged copy in the router memory: the upgrade\'s and the restore\'s words', () => {
  it('the upgrade (an image): English as it was inline, and German', () => {
    const u = fault('UPLOAD_CORRUPTED', { what: 'image' }, { details: 'router sha256 aa, this computer bb' }).toShape();
    expect(u).toMatchObject({
      message: "The copy in the router's memory is not the same as the file on this computer.",
      meaning: "It was damaged on the way or in the router's memory. It was deleted; nothing was written to the flash.",
      fix: 'Check the cable and copy again. If it happens again, restart the router (its memory may be failing).',
      details: 'router sha256 aa, this computer bb',
    });
    expect(localizeError(u, de).message).toBe('Die Kopie im Arbeitsspeicher des Routers stimmt nicht mit der Datei auf diesem Computer überein.');
    const c = fault('STAGED_COPY_UNCHECKED', { what: 'image' }).toShape();
    expect(c).toMatchObject({
      message: 'The router could not compute the checksum of the copy in its memory.',
      meaning: 'Rescue Bench writes only a copy whose checksum it has seen match the file. Nothing was written.',
      fix: 'Copy again. If it keeps happening, restart the router and try again.',
    });
    expect(localizeError(c, de).fix).toMatch(/^Kopieren Sie noch einmal\./);
  });

  it('the restore (a partition): unchanged English, and German', () => {
    const u = fault('UPLOAD_CORRUPTED', { what: 'partition', partition: 'rootfs' }).toShape();
    expect(u).toMatchObject({ message: 'The copy of "rootfs" in the router\'s memory is damaged.', meaning: 'Nothing was written to the flash.' });
    expect(localizeError(u, de).message).toBe('Die Kopie von „rootfs“ im Arbeitsspeicher des Routers ist beschädigt.');
    const c = fault('STAGED_COPY_UNCHECKED', { what: 'partition', partition: 'rootfs' }).toShape();
    expect(c.message).toBe('The router could not check the copy of "rootfs" in its memory.');
    expect(c.fix).toBe('Try again. If it keeps happening, restart the router in rescue mode and try again.');
  });
});
