/**
 * Lenient UTF-8 decoding for untrusted bytes (router output, datagrams).
 * Invalid sequences become U+FFFD; nothing throws. Pure: no TextDecoder, so src-shared stays free of DOM/node types.
 */
export function decodeUtf8Lenient(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  let chunk: number[] = [];
  const flush = (): void => {
    if (chunk.length) {
      out += String.fromCodePoint(...chunk);
      chunk = [];
    }
  };
  let i = start;
  while (i < end) {
    const b0 = bytes[i]!;
    let cp = 0xfffd;
    let len = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf && i + 1 < end && (bytes[i + 1]! & 0xc0) === 0x80) {
      cp = ((b0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef && i + 2 < end && (bytes[i + 1]! & 0xc0) === 0x80 && (bytes[i + 2]! & 0xc0) === 0x80) {
      const c = ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
        cp = c;
        len = 3;
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4 && i + 3 < end && (bytes[i + 1]! & 0xc0) === 0x80 && (bytes[i + 2]! & 0xc0) === 0x80 && (bytes[i + 3]! & 0xc0) === 0x80) {
      const c = ((b0 & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      if (c >= 0x10000 && c <= 0x10ffff) {
        cp = c;
        len = 4;
      }
    }
    chunk.push(cp);
    if (chunk.length >= 4096) flush();
    i += len;
  }
  flush();
  return out;
}

/** Replace C0/C1 control characters (except tab) with U+FFFD-free visible escapes so a log line cannot rewrite the screen. */
export function sanitizeForDisplay(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
