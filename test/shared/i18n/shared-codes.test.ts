/**
 * Codes that several capabilities raise (STOPPED, CANCELLED, NOT_CONFIRMED, RUN_FAILED, RUN_STOPPED; decision
 * 0135): one catalogue entry each, the variants an ICU select. Their English is what each place said before
 * (journals, --json and tests match on it), and every place that raises them does so through fault(), so the
 * screen and the CLI can say them in the person's language. A source scan finds a new inline raise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fault } from '../../../src-shared/errors';
import { loadCatalog, localizeError, translator } from '../../../src-shared/i18n';

const SHARED = ['STOPPED', 'CANCELLED', 'NOT_CONFIRMED', 'RUN_FAILED', 'RUN_STOPPED'];
/** Codes whose faults once quoted English inline (decision 0153): raised through fault() only, so a new inline raise fails here too. */
const ONCE_INLINE = ['BACKUP_INCOMPLETE', 'SLOT_NO_LINK', 'ROUTER_MOVED', 'IMAGE_HASH_MISMATCH', 'NO_SUCH_SLOT', 'SLOT_NEEDS_CABLE', 'SLOT_CARD_TAKEN', 'SLOT_PORT_TAKEN', 'SLOT_RUNNING', 'SLOT_BUSY', 'NO_SUCH_RUN', 'PRECONDITION', 'NO_EXECUTOR', 'INTERMEDIATE_NOT_FACTORY', 'NO_LOGIN', 'IMAGE_TOO_BIG_FOR_TMP', 'NET_SLOT_BAD_PREFIX', 'NET_SLOT_RELEASE_FAILED', 'BAD_PASSWORD', 'TEXT_NOT_SENDABLE',
  // decision 0166: upgrade's last inline faults and the restore plan's
  'IMAGE_TOO_BIG', 'NEEDS_FACTORY_IMAGE', 'SYSUPGRADE_REFUSED', 'FORCE_NOT_CONFIRMED',
  // decision 0180: after the intermediate step, and a router that does not come back
  'LAYOUT_NOT_CHANGED', 'ROUTER_NOT_BACK',
  // decision 0184: sysupgrade's exit code, and the check after the write
  'SYSUPGRADE_FAILED', 'STILL_OLD_FIRMWARE', 'BOOT_PART_NOT_MOVED',
  // decision 0187: the maker's firmware checked by its web page
  'STILL_OPENWRT', 'VERSION_NOT_SEEN', 'NO_WEB_ANSWER'];

describe('shared fault codes', () => {
  it('keep the English each place said before', () => {
    expect(fault('CANCELLED', { what: 'password' }).toShape()).toMatchObject({ message: 'Stopped: no password was given.', meaning: 'Nothing was started.' });
    expect(fault('CANCELLED', { what: 'command' }).message).toBe('The command on the router was stopped.');
    expect(fault('CANCELLED', { what: 'backupDuring' }).toShape()).toMatchObject({ message: 'The backup was stopped during this partition.', fix: 'Retry the failed partitions to finish it.' });
    expect(fault('CANCELLED', { what: 'choice' }).toShape()).toMatchObject({ message: 'You chose not to go ahead.', meaning: 'Nothing was changed on the router.' });
    expect(fault('NOT_CONFIRMED', { what: 'slot', slot: 2 }).toShape()).toMatchObject({ message: 'Type "slot 2" to confirm.', fix: 'Type exactly: slot 2' });
    expect(fault('NOT_CONFIRMED', { what: 'step' }).message).toBe('Not confirmed.');
    expect(fault('STOPPED', { why: 'step' }).message).toBe('Stopped.');
    expect(fault('RUN_STOPPED', { what: 'recovery', summary: 'none' }).toShape()).toMatchObject({ message: 'The recovery was stopped before it finished.', meaning: 'The steps above say how far it got.' });
    expect(fault('RUN_FAILED', { what: 'guide', summary: 'Stopped at step 3.' }).toShape()).toMatchObject({ message: 'The guide did not finish.', meaning: 'Stopped at step 3.' });
    // IMAGE_TOO_BIG: firmware's file check and flash's restore plan (upgrade's verdict: test/shared/capabilities/upgrade/refusals-said.test.ts)
    expect(fault('IMAGE_TOO_BIG', { what: 'file', name: 'disk.img', mib: 2048 }).toShape()).toMatchObject({ message: 'disk.img is 2048 MiB: too big to be router firmware.', fix: 'Unpack it and choose the firmware image inside.' });
    expect(fault('IMAGE_TOO_BIG', { what: 'backup', name: 'art' }).toShape()).toMatchObject({ message: 'The backup of "art" is larger than the router\'s partition.', meaning: 'It cannot fit.', fix: 'Check that this is the router the backup came from.' });
  });

  it('are shown in German and Spanish, a run summary kept as it came', async () => {
    const de = translator('de', await loadCatalog('de'));
    const es = translator('es', await loadCatalog('es'));
    expect(localizeError(fault('CANCELLED', { what: 'choice' }).toShape(), de).message).toBe('Sie haben sich entschieden, nicht fortzufahren.');
    expect(localizeError(fault('NOT_CONFIRMED', { what: 'slot', slot: 1 }).toShape(), es).fix).toBe('Escribe exactamente: slot 1');
    const run = localizeError(fault('RUN_FAILED', { what: 'recovery', summary: 'Stopped at step 3.' }).toShape(), de);
    expect(run.message).toBe('Die Wiederherstellung ist nicht fertig geworden.');
    expect(run.meaning).toBe('Stopped at step 3.');
  });

  it('are raised through fault() everywhere, never as inline English', () => {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !p.includes(`${path.sep}messages${path.sep}`)) {
          const src = fs.readFileSync(p, 'utf8');
          for (const code of [...SHARED, ...ONCE_INLINE]) if (new RegExp(`(code: |\\bfail\\(|\\brefusal\\()'${code}'`).test(src)) found.push(`${p}: ${code}`);
        }
      }
    };
    walk('src-main');
    walk('src-shared');
    expect(found).toEqual([]);
  });
});
