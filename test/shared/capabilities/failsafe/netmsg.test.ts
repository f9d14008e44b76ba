import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyNetmsg, decodeNetmsg, encodeNetmsg, NETMSG_PAYLOAD_LENGTH } from '../../../../src-shared/capabilities/failsafe/netmsg';

const bytes = (...parts: (number[] | string)[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p));
  return Uint8Array.from(out);
};

describe('decodeNetmsg', () => {
  it('decodes the exact datagram OpenWrt preinit sends', () => {
    const d = decodeNetmsg(encodeNetmsg('Please press button now to enter failsafe'));
    expect(d).toMatchObject({ text: 'Please press button now to enter failsafe', kind: 'failsafe-prompt', hasPrefix: true, wellFormed: true, length: 1001, notes: [] });
  });

  it('strips the literal backslash-n that ash leaves in preinit messages', () => {
    const d = decodeNetmsg(encodeNetmsg('Entering Failsafe!\\n'));
    expect(d.text).toBe('Entering Failsafe!');
    expect(d.kind).toBe('failsafe-entered');
    expect(decodeNetmsg(encodeNetmsg('Continuing with Regular Preinit\\n')).kind).toBe('regular-boot');
    expect(decodeNetmsg(encodeNetmsg('Doing OpenWrt Preinit\\n')).kind).toBe('preinit');
  });

  it('tolerates a datagram without the DE AD prefix and a real trailing newline', () => {
    const d = decodeNetmsg(bytes('Press reset now, to enter Failsafe!\n'));
    expect(d.text).toBe('Press reset now, to enter Failsafe!');
    expect(d.kind).toBe('failsafe-prompt');
    expect(d.hasPrefix).toBe(false);
    expect(d.wellFormed).toBe(false);
    expect(d.notes).toContain('no DE AD prefix');
  });

  it('handles empty, prefix-only and 64 KiB datagrams', () => {
    expect(decodeNetmsg(new Uint8Array(0))).toMatchObject({ text: '', kind: 'unknown', length: 0, wellFormed: false });
    expect(decodeNetmsg(bytes([0xde, 0xad]))).toMatchObject({ text: '', hasPrefix: true });
    const big = new Uint8Array(65507).fill(0x41);
    const d = decodeNetmsg(big);
    expect(d.text.length).toBe(998);
    expect(d.notes.join()).toMatch(/truncated/);
  });

  it('escapes control characters and marks invalid UTF-8', () => {
    const d = decodeNetmsg(bytes([0xde, 0xad], 'evil\x1b[2Jtext', [0xff, 0xfe], [0]));
    expect(d.text).not.toContain('\x1b');
    expect(d.text).toContain('\\x1b');
    expect(d.text).toContain('\uFFFD');
    expect(d.notes.join()).toMatch(/UTF-8/);
  });

  it('flags data after the text that is not NUL padding', () => {
    const p = encodeNetmsg('Please press button now to enter failsafe');
    p[900] = 0x41;
    expect(decodeNetmsg(p).wellFormed).toBe(false);
  });

  it('keeps multi-byte UTF-8 intact and caps text at 998 bytes like strncpy', () => {
    expect(decodeNetmsg(encodeNetmsg('Grüße ✓ 🚀')).text).toBe('Grüße ✓ 🚀');
    const long = encodeNetmsg('x'.repeat(2000));
    expect(long.length).toBe(NETMSG_PAYLOAD_LENGTH);
    expect(decodeNetmsg(long).text.length).toBe(998);
  });

  it('classifies case-insensitively and leaves the rest unknown', () => {
    expect(classifyNetmsg('PLEASE PRESS BUTTON NOW TO ENTER FAILSAFE')).toBe('failsafe-prompt');
    expect(classifyNetmsg('hello')).toBe('unknown');
  });

  it('fuzz: 100k random datagrams never throw, always return bounded text', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 1100, size: 'max' }), fc.boolean(), (raw, prefix) => {
        const data = prefix ? Uint8Array.from([0xde, 0xad, ...raw]) : raw;
        const d = decodeNetmsg(data);
        n++;
        return typeof d.text === 'string' && d.text.length <= 998 * 4 && d.length === data.length && !/[\u0000-\u0008\u000b-\u001f]/.test(d.text);
      }),
      { numRuns: 100_000 },
    );
    expect(n).toBe(100_000);
  }, 60_000);
});
