import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src-shared/capabilities/flash/contract';
import { manifestNameProblems, partitionFileName, PARTITION_FILE_RE } from '../../../../src-shared/capabilities/flash/backup-files';

const manifest = (entries: Array<{ index: number; name: string; file: string | null }>): Manifest => ({
  format: 'rescue-bench-backup/1',
  tool: { name: 'Rescue Bench', version: '0.1.0' },
  createdAt: '2026-12-01T00:00:00.000Z',
  device: { host: '192.168.1.1', method: 'ssh', identity: {} },
  partitions: entries.map((e) => ({ ...e, size: 0x10000, erasesize: 0x10000, type: 'nor' as const, sha256: e.file ? 'a'.repeat(64) : null, badBlocks: [], status: e.file ? ('ok' as const) : ('failed' as const) })),
  complete: false,
});

describe('backup file names (shared by backup and restore)', () => {
  it('every name backup writes is a plain name inside the folder, and is accepted back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.string({ maxLength: 80 }), (index, name) => {
        const f = partitionFileName(index, name);
        expect(f).toMatch(PARTITION_FILE_RE);
        expect(f).not.toMatch(/[/\\:]/);
        expect(manifestNameProblems(manifest([{ index, name, file: f }]))).toEqual([]);
      }),
    );
    expect(partitionFileName(3, 'firmware')).toBe('mtd3-firmware.bin');
    expect(partitionFileName(1, 'u-boot env/x')).toBe('mtd1-u-boot_env_x.bin');
  });

  it('refuses any other name: paths out of the folder, another partition\'s file, or a partition listed twice', () => {
    const bad: Array<[string, string]> = [
      ['../../etc/shadow', 'a path out of the folder'],
      ['/etc/shadow', 'an absolute path'],
      ['mtd3-firmware.bin/../../x', 'a path that starts like a name'],
      ['..\\mtd3-firmware.bin', 'a Windows path'],
      ['mtd2-art.bin', "another partition's file"],
      ['mtd3-firmware.bin.partial', 'an unfinished file'],
      ['manifest.json', 'the manifest itself'],
    ];
    for (const [file, what] of bad) expect(manifestNameProblems(manifest([{ index: 3, name: 'firmware', file }])), what).toHaveLength(1);
    expect(manifestNameProblems(manifest([{ index: 3, name: 'firmware', file: null }]))).toEqual([]);
    const twice = manifestNameProblems(manifest([{ index: 3, name: 'firmware', file: 'mtd3-firmware.bin' }, { index: 3, name: 'firmware', file: 'mtd3-firmware.bin' }]));
    expect(twice.join()).toMatch(/listed twice/);
  });
});
