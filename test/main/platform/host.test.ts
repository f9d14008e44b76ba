import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../src-main/platform/host';

describe('this computer', () => {
  it('puts user data where each OS expects it, with an override', () => {
    expect(dataDir('linux', {}, '/home/ann')).toBe('/home/ann/.local/share/rescue-bench');
    expect(dataDir('linux', { XDG_DATA_HOME: '/x' }, '/home/ann')).toBe('/x/rescue-bench');
    expect(dataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Rescue Bench');
    expect(dataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench');
    expect(dataDir('linux', { RESCUE_BENCH_DATA_DIR: '/data' })).toBe('/data');
  });
});
