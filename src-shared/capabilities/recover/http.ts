/**
 * The D-Link recovery page's upload, as bytes (pure): the request head and the multipart frame around the file,
 * and the reading of whatever the router answers. The bootloader's web server is uIP (HTTP/1.0, one connection,
 * a tiny receive window); vendor facts §4. What it needs and what browsers get wrong:
 * - no `Expect: 100-continue` (an HTTP/1.0 server never sends "100 Continue"; curl waits a second for it);
 * - an exact Content-Length (uIP reads to it; chunked encoding is HTTP/1.1 only);
 * - `Connection: close`, one request per connection;
 * - the file in a part named `firmware` with `Content-Type: application/octet-stream`;
 * - an answer that may be HTML without any status line or headers at all, or none, when the router reboots at once.
 */

export interface MultipartFrame {
  /** Request line, headers and the part header: everything before the file's bytes. */
  head: string;
  /** The closing boundary after the file's bytes. */
  tail: string;
  /** Total request bytes (head + file + tail). */
  total: number;
  contentLength: number;
}

/** The boundary is ASCII without quotes or spaces; callers pass random hex. */
export function multipartFrame(opts: { host: string; path: string; field: string; fileName: string; fileSize: number; boundary: string }): MultipartFrame {
  const safeName = opts.fileName.replace(/["\r\n\\]/g, '_');
  const partHead = `--${opts.boundary}\r\nContent-Disposition: form-data; name="${opts.field}"; filename="${safeName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${opts.boundary}--\r\n`;
  const contentLength = byteLength(partHead) + opts.fileSize + byteLength(tail);
  const head =
    `POST ${opts.path} HTTP/1.0\r\n` +
    `Host: ${opts.host}\r\n` +
    `User-Agent: RescueBench\r\n` +
    `Accept: */*\r\n` +
    `Connection: close\r\n` +
    `Content-Type: multipart/form-data; boundary=${opts.boundary}\r\n` +
    `Content-Length: ${contentLength}\r\n\r\n` +
    partHead;
  return { head, tail, contentLength, total: byteLength(head) + opts.fileSize + byteLength(tail) };
}

function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export interface RouterReply {
  /** HTTP status, when the answer had a status line. */
  status?: number;
  headers: Record<string, string>;
  /** True when the answer had no status line: HTML straight away (some uIP pages). */
  headerless: boolean;
  /** The page's visible words (tags and scripts removed, whitespace folded), at most 600 characters. */
  text: string;
  /** What the words say: the router took the file, refused it, or said nothing we recognise. */
  verdict: 'accepted' | 'refused' | 'unclear';
}

const REFUSED = /\b(fail(ed|ure)?|error|invalid|incorrect|wrong|not\s+(a\s+)?(valid|support(ed)?|correct)|bad\s+(file|image|firmware)|check\s*sum|too\s+(large|big))\b/i;
const ACCEPTED = /\b(success(ful(ly)?)?|succeed(ed)?|upgrad(e|ing)\s+(is\s+)?(in\s+progress|complete(d)?|done)|(do\s+not|don'?t)\s+(power\s+off|turn\s+off|unplug)|reboot(ing)?|restart(ing)?|please\s+wait|updating|flashing|writing)\b/i;

/** Read the router's answer (any bytes: it may be cut off, binary, or not HTTP at all). Pure; never throws. */
export function parseRouterReply(bytes: Uint8Array): RouterReply {
  let raw = '';
  const n = Math.min(bytes.length, 256 * 1024);
  for (let i = 0; i < n; i++) raw += String.fromCharCode(bytes[i]!);
  const headers: Record<string, string> = {};
  let status: number | undefined;
  let body = raw;
  const m = /^HTTP\/\d\.\d\s+(\d{3})[^\r\n]*\r?\n/.exec(raw);
  if (m) {
    status = Number(m[1]);
    const end = raw.search(/\r?\n\r?\n/);
    const headText = end >= 0 ? raw.slice(m[0].length, end) : raw.slice(m[0].length);
    for (const line of headText.split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase().slice(0, 64)] = line.slice(i + 1).trim().slice(0, 256);
    }
    body = end >= 0 ? raw.slice(end).replace(/^\r?\n\r?\n/, '') : '';
  }
  const text = visibleText(body).slice(0, 600);
  let verdict: RouterReply['verdict'] = 'unclear';
  if (status !== undefined && status >= 400) verdict = 'refused';
  else if (REFUSED.test(text)) verdict = 'refused';
  else if (ACCEPTED.test(text)) verdict = 'accepted';
  return { ...(status !== undefined ? { status } : {}), headers, headerless: status === undefined, text, verdict };
}

function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
