/**
 * Decision 0186: `backup`'s own lines (phase, ok/FAILED per partition, result) are catalogue entries; their English
 * is the one the command printed before, word for word, and German says them with German numbers.
 */
import { describe, expect, it } from 'vitest';
import { english, loadCatalog, translator } from '../../../../src-shared/i18n';

// the lines as cli-backup.ts wrote them before decision 0186
const mib = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
const mibSaid = (t: typeof english, n: number) => t('flash.cli.backup.mib', { big: n < 10 * 1048576 ? 'no' : 'yes', n: n / 1048576 });

describe("backup's lines as ids", () => {
  it.each([
    [0, 0, 0, null],
    [3_500_000, 1_234_567_890, 812_345, 41_200],
    [123_456_789, 2_000_000_000, 20_000_000, 999],
  ])('the phase line is the English as before (%d of %d)', (done, total, rate, etaMs) => {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    const before = `copying 2/5 rootfs  ${pct}%  ${mib(done)} of ${mib(total)}  ${mib(rate)}/s${etaMs !== null ? `  about ${Math.ceil(etaMs / 1000)} s left` : ''}`;
    const now = english('flash.cli.backup.progress', {
      phase: 'copying', part: 'yes', position: '2', count: '5', partition: 'rootfs', pct: String(pct),
      done: mibSaid(english, done), total: mibSaid(english, total), rate: mibSaid(english, rate),
      eta: etaMs !== null ? 'yes' : 'no', seconds: etaMs !== null ? String(Math.ceil(etaMs / 1000)) : '',
    });
    expect(now).toBe(before);
  });

  it('hashing-on-router without a partition, ok with and without bad blocks, FAILED, Done: English as before', () => {
    expect(english('flash.cli.backup.progress', { phase: 'hashingOnRouter', part: 'no', position: '', count: '', partition: '', pct: '0', done: '0.00 MiB', total: '1.00 MiB', rate: '0.00 MiB', eta: 'no', seconds: '' })).toBe(
      'hashing-on-router  0%  0.00 MiB of 1.00 MiB  0.00 MiB/s',
    );
    const sha = 'ab'.repeat(32);
    expect(english('flash.cli.backup.ok', { index: '1', name: 'ubi', file: 'mtd1-ubi.bin', sha256: sha, bad: 0 })).toBe(`  ok      mtd1 ubi → mtd1-ubi.bin sha256 ${sha}`);
    expect(english('flash.cli.backup.ok', { index: '1', name: 'ubi', file: 'mtd1-ubi.bin', sha256: sha, bad: 3 })).toBe(`  ok      mtd1 ubi → mtd1-ubi.bin sha256 ${sha} (3 bad blocks skipped)`);
    expect(english('flash.cli.backup.failed', { index: '4', name: 'art', message: 'It broke.' })).toBe('  FAILED  mtd4 art: It broke.');
    expect(english('flash.cli.backup.done', { count: '9', dir: '/tmp/b' })).toBe('Done. 9 partitions copied and checked, in /tmp/b');
  });

  it('in German: German phase words, decimal commas, one bad block in the singular', async () => {
    const de = translator('de', await loadCatalog('de'));
    expect(
      de('flash.cli.backup.progress', {
        phase: 'copying', part: 'yes', position: '2', count: '5', partition: 'rootfs', pct: '40',
        done: mibSaid(de, 3_500_000), total: mibSaid(de, 123_456_789), rate: mibSaid(de, 812_345), eta: 'yes', seconds: '42',
      }),
    ).toBe('kopiere 2/5 rootfs  40 %  3,34 MiB von 117,7 MiB  0,77 MiB/s  noch etwa 42 s');
    expect(de('flash.cli.backup.ok', { index: '1', name: 'ubi', file: 'mtd1-ubi.bin', sha256: 'ab', bad: 1 })).toBe('  ok      mtd1 ubi → mtd1-ubi.bin sha256 ab (1 defekter Block übersprungen)');
    expect(de('flash.cli.backup.failed', { index: '4', name: 'art', message: 'Kaputt.' })).toBe('  FEHLER  mtd4 art: Kaputt.');
    expect(de('flash.cli.backup.done', { count: '9', dir: '/tmp/b' })).toBe('Fertig. 9 Partitionen kopiert und geprüft, in /tmp/b');
  });
});
