/**
 * Telnet wire decoding (RFC 854/855): separates data bytes from IAC commands and answers option
 * negotiation. Pure and incremental: a command split across TCP segments is kept until it is complete.
 *
 * Our policy is the one a dumb line client needs with busybox telnetd: we let the server ECHO and
 * SUPPRESS-GO-AHEAD (it offers both), we refuse every option the server asks US to do (NAWS, TTYPE, ...),
 * and we answer each request once (RFC 1143's "do not answer a confirmation" loop rule).
 */
export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const SE = 240;
export const OPT_ECHO = 1;
export const OPT_SGA = 3;

const ACCEPT_FROM_SERVER = new Set([OPT_ECHO, OPT_SGA]);

export interface TelnetChunk {
  /** Data bytes, IAC IAC already turned into one 0xff. */
  data: Buffer;
  /** Bytes to send back (negotiation answers). */
  reply: Buffer;
}

export class TelnetDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /** Options we have agreed for the server to perform (WILL answered with DO). */
  private readonly serverOn = new Set<number>();
  /** Options we have already refused, so a repeated request is answered only once. */
  private readonly refused = new Set<string>();

  feed(chunk: Buffer): TelnetChunk {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    const data: number[] = [];
    const reply: number[] = [];
    let i = 0;
    while (i < buf.length) {
      const b = buf[i]!;
      if (b !== IAC) {
        // Fast path: copy the run of plain bytes.
        let j = i;
        while (j < buf.length && buf[j] !== IAC) j++;
        for (let k = i; k < j; k++) data.push(buf[k]!);
        i = j;
        continue;
      }
      if (i + 1 >= buf.length) break; // lone IAC at the end: wait for more
      const cmd = buf[i + 1]!;
      if (cmd === IAC) {
        data.push(IAC);
        i += 2;
        continue;
      }
      if (cmd === WILL || cmd === WONT || cmd === DO || cmd === DONT) {
        if (i + 2 >= buf.length) break;
        const opt = buf[i + 2]!;
        this.negotiate(cmd, opt, reply);
        i += 3;
        continue;
      }
      if (cmd === SB) {
        // Subnegotiation: skip to IAC SE (we asked for none, so we ignore the content).
        let j = i + 2;
        let found = -1;
        while (j + 1 < buf.length) {
          if (buf[j] === IAC && buf[j + 1] === SE) {
            found = j;
            break;
          }
          if (buf[j] === IAC && buf[j + 1] === IAC) j += 2;
          else j += 1;
        }
        if (found < 0) {
          if (buf.length - i > 64 * 1024) {
            i = buf.length; // a runaway subnegotiation: drop it rather than grow without bound
            continue;
          }
          break;
        }
        i = found + 2;
        continue;
      }
      // NOP, GA, DM, BRK, IP, AO, AYT, EC, EL, SE without SB: two-byte commands carrying no data.
      i += 2;
    }
    if (i < buf.length) this.pending = Buffer.from(buf.subarray(i));
    return { data: Buffer.from(data), reply: Buffer.from(reply) };
  }

  private negotiate(cmd: number, opt: number, reply: number[]): void {
    if (cmd === WILL) {
      if (ACCEPT_FROM_SERVER.has(opt)) {
        if (!this.serverOn.has(opt)) {
          this.serverOn.add(opt);
          reply.push(IAC, DO, opt);
        }
      } else if (!this.refused.has(`dont${opt}`)) {
        this.refused.add(`dont${opt}`);
        reply.push(IAC, DONT, opt);
      }
    } else if (cmd === WONT) {
      if (this.serverOn.delete(opt)) reply.push(IAC, DONT, opt);
    } else if (cmd === DO) {
      if (!this.refused.has(`wont${opt}`)) {
        this.refused.add(`wont${opt}`);
        reply.push(IAC, WONT, opt);
      }
    }
    // DONT: we never perform options, so nothing changes and nothing is owed.
  }

  /** True when the server has agreed to echo what we type. */
  get serverEchoes(): boolean {
    return this.serverOn.has(OPT_ECHO);
  }
}

/** Escape data for the wire: every 0xff byte is doubled. */
export function telnetEscape(data: Buffer): Buffer {
  if (!data.includes(IAC)) return data;
  const out: number[] = [];
  for (const b of data) {
    out.push(b);
    if (b === IAC) out.push(IAC);
  }
  return Buffer.from(out);
}
