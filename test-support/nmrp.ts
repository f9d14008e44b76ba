/**
 * Helpers for Netgear recovery tests: DNI .img files written from OpenWrt's mkdniimg.c layout, and a scripted
 * NMRP router on the virtual cable (test-support/bindings/rawether-mock.ts) for service tests. The router in the
 * namespace tests is test-support/nmrp-router.py (a separate program speaking raw frames).
 */
import {
  encodeFrame,
  NmrpCode,
  NmrpOption,
  parseFrame,
  type NmrpFrame,
} from '../src-shared/capabilities/nmrp/codec';
import type { Station } from './bindings/rawether-mock';

/** A DNI image: 128-byte text header, the body, one checksum byte (0xff minus the byte sum). */
export function dniImage(body: Buffer, device = 'R7800', version = '1.0.2.94', region = '', hdId = '29764958+0+128+512+4x4+4x4+cascade'): Buffer {
  const hdr = Buffer.alloc(128);
  hdr.write(`device:${device}\nversion:V${version}\nregion:${region}\nhd_id:${hdId}\n`, 'latin1');
  const out = Buffer.concat([hdr, body, Buffer.alloc(1)]);
  let sum = 0;
  for (let i = 0; i < out.length - 1; i++) sum += out[i]!;
  out[out.length - 1] = (0xff - (sum & 0xff)) & 0xff;
  return out;
}

export interface ScriptedRouter {
  frames: NmrpFrame[];
  /** Codes the computer sent us, in order. */
  received(): number[];
  /** Send a message to the computer now. */
  say(code: number, options?: { type: number; value: Uint8Array }[]): void;
  stop(): void;
}

/**
 * A router that behaves like the bootloaders in vendor-recovery-facts §5, driven by what it hears: answers the
 * first ADVERTISE with CONF_REQ (re-sent every `resendMs` until a CONF_ACK arrives), then sends TFTP_UL_REQ
 * (re-sent until `onUpload` is called by the test), and after `finish()` sends `keepAlives` KEEP_ALIVE_REQs and
 * CLOSE_REQ (re-sent until CLOSE_ACK). `silentAfter` stops it answering after that stage.
 */
export function scriptedRouter(
  st: Station,
  opts: { resendMs?: number; fileName?: string; keepAlives?: number; silentAfter?: 'conf-ack' | 'never'; ignoreAdvertisements?: boolean } = {},
): ScriptedRouter & { finish(): void } {
  const resend = opts.resendMs ?? 40;
  const frames: NmrpFrame[] = [];
  let host: string | undefined;
  let stage: 'idle' | 'conf' | 'upload' | 'writing' | 'close' | 'closed' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let kaLeft = opts.keepAlives ?? 2;
  const say = (code: number, options: { type: number; value: Uint8Array }[] = []): void => {
    if (host) st.send(encodeFrame(host, st.mac, { code, options }));
  };
  const repeat = (fn: () => void): void => {
    clearInterval(timer);
    fn();
    timer = setInterval(fn, resend);
  };
  const ulReq = (): void => say(NmrpCode.TFTP_UL_REQ, opts.fileName === undefined ? [] : [{ type: NmrpOption.FILE_NAME, value: Buffer.from(opts.fileName) }]);
  st.onFrame((raw) => {
    const r = parseFrame(raw);
    if (!r.ok) return;
    frames.push(r.frame);
    const f = r.frame;
    if (f.code === NmrpCode.ADVERTISE && stage === 'idle' && !opts.ignoreAdvertisements) {
      host = f.src;
      stage = 'conf';
      repeat(() => say(NmrpCode.CONF_REQ));
    } else if (f.code === NmrpCode.CONF_ACK && stage === 'conf') {
      if (opts.silentAfter === 'conf-ack') {
        clearInterval(timer);
        stage = 'closed';
        return;
      }
      stage = 'upload';
      repeat(ulReq);
    } else if (f.code === NmrpCode.KEEP_ALIVE_ACK && stage === 'writing') {
      if (kaLeft > 0) {
        kaLeft--;
        repeat(() => say(NmrpCode.KEEP_ALIVE_REQ));
      } else {
        stage = 'close';
        repeat(() => say(NmrpCode.CLOSE_REQ));
      }
    } else if (f.code === NmrpCode.CLOSE_ACK && stage === 'close') {
      clearInterval(timer);
      stage = 'closed';
    }
  });
  return {
    frames,
    received: () => frames.map((f) => f.code),
    say,
    /** The test's TFTP double calls this when the router would have the file: it stops asking and writes. */
    finish() {
      clearInterval(timer);
      stage = 'writing';
      if (kaLeft > 0) {
        kaLeft--;
        repeat(() => say(NmrpCode.KEEP_ALIVE_REQ));
      } else {
        stage = 'close';
        repeat(() => say(NmrpCode.CLOSE_REQ));
      }
    },
    stop() {
      clearInterval(timer);
      st.close();
    },
  };
}

