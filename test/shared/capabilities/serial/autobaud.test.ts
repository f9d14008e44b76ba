import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickBaud, textScore, AUTOBAUD_MINIMUM } from '../../../../src-shared/capabilities/serial/autobaud';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('autobaud scoring', () => {
  it('a boot log reads as text; wrong-speed garbage does not', () => {
    expect(textScore(enc('U-Boot 2023.01\r\nDRAM:  256 MiB\r\nHit any key to stop autoboot:  2 '))).toBeGreaterThan(0.95);
    expect(textScore(Uint8Array.from([0xf8, 0x00, 0x80, 0xfe, 0x1c, 0xe0, 0x78, 0x86, 0xff, 0x00, 0x9e, 0xc0, 0x06, 0xf0, 0x00, 0xe6]))).toBeLessThan(0.3);
  });
  it('printable junk without letters (a wrong speed often gives ~~~~ or ````) scores low', () => {
    expect(textScore(enc('~'.repeat(64)))).toBeLessThan(AUTOBAUD_MINIMUM);
    expect(textScore(enc('`~`~`~`~`~`~`~`~`~'))).toBeLessThan(AUTOBAUD_MINIMUM);
  });
  it('too few bytes say nothing', () => {
    expect(textScore(enc('ok'))).toBe(0);
  });
  it('picks the best rate that reads as text, the earlier on a tie, none when all are garbage', () => {
    expect(pickBaud([{ baud: 115200, score: 0.2, bytes: 90 }, { baud: 57600, score: 0.99, bytes: 300 }, { baud: 9600, score: 0.99, bytes: 40 }])!.baud).toBe(57600);
    expect(pickBaud([{ baud: 115200, score: 0.4, bytes: 90 }, { baud: 57600, score: 0, bytes: 0 }])).toBeUndefined();
  });
  it('random bytes rarely read as text and never throw', () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 256 }), (b) => {
        if (textScore(b) < AUTOBAUD_MINIMUM) passed++;
      }),
      { numRuns: 5000, seed: 1 },
    );
    expect(passed).toBe(5000);
  });
});
