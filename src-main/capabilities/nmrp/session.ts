/**
 * One NMRP conversation with one router, as bootloaders expect it (vendor-recovery-facts §5; decision 0086):
 *
 *   ADVERTISE (broadcast, every ~60 ms, up to `advertiseForMs`)  →  the router's first frame to us names its MAC
 *   CONF_REQ → CONF_ACK {DEV_IP router/mask, FW_UP, DEV_REGION last when given}; a re-sent CONF_REQ gets a fresh one
 *   TFTP_UL_REQ → TFTP put of the image (FILE_NAME from the request, else the file's name; blksize 1456)
 *   KEEP_ALIVE_REQ → KEEP_ALIVE_ACK, each re-arming the writing limit
 *   CLOSE_REQ → CLOSE_ACK: done; the router now waits to be switched off.
 *
 * Only frames to this computer's MAC (or broadcast) count; broken ones are counted and ignored; a frame from a
 * second router before the upload starts ends the run (we do not guess); an ADVERTISE from someone else means
 * another NMRP server on the cable. Up to 5 unexpected codes in a row are tolerated (as nmrpflash). Sends that
 * fail while the link is down (the router's power-up) are counted and retried by the protocol itself.
 *
 * CONF_ACK is armed in the raw-frame binding before the first ADVERTISE, so the addon's reader thread answers
 * CONF_REQ itself (decision 0108): the router's settings do not wait for this thread's event loop, which a spawned
 * command or a journal write can hold for tens of milliseconds. Where the binding cannot (Windows), it is sent here.
 */
import { fault as catalogFault, RbFault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import {
  advertise,
  bare,
  BROADCAST_MAC,
  codeName,
  confAck,
  encodeFrame,
  NmrpCode,
  parseFrame,
  requestedFileName,
  type NmrpFrame,
  type NmrpRegion,
} from '../../../src-shared/capabilities/nmrp/codec';
import type { NmrpCounters, NmrpStage, NmrpStageName } from '../../../src-shared/capabilities/nmrp/contract';
import { TFTP_MAX_BLOCK } from '../../../src-shared/capabilities/nmrp/image';
import { doNowPart, sayPart, warningPart } from '../../../src-shared/capabilities/nmrp/said';
import { said } from '../../../src-shared/i18n/said';

/** Where the NMRP code sits in a frame: after the Ethernet header (14) and the reserved field (2). */
const CODE_OFFSET = 16;
import type { RawEtherSocket } from '../../platform/bindings/rawether';
import type { TftpPutResult } from '../tftp';
import type { NmrpTftpPut } from './deps';
import { cancelledFault, imageRejectedFault, noRouterFault, otherServerFault, silentFault, tftpFault, twoRoutersFault } from './faults';

export const NMRP_BLKSIZE = 1456;
const MAX_UNEXPECTED = 5;
const MAX_UPLOAD_REQUESTS = 3;

export interface SessionTiming {
  advertiseEveryMs: number;
  advertiseForMs: number;
  replyTimeoutMs: number;
  keepAliveLimitMs: number;
  /** Per-packet TFTP retransmit timeout. */
  tftpTimeoutMs: number;
}

export const DEFAULT_TIMING: SessionTiming = { advertiseEveryMs: 60, advertiseForMs: 60_000, replyTimeoutMs: 10_000, keepAliveLimitMs: 1_800_000, tftpTimeoutMs: 200 };

export type StageReport = Omit<NmrpStage, 'runId' | 'at' | 'counters'>;

export interface SessionOptions {
  socket: RawEtherSocket;
  routerIp: string;
  mask: string;
  hostIp: string;
  region?: NmrpRegion | undefined;
  file: string;
  size: number;
  /** The local file's own name (remote name when the router sends no FILE_NAME). */
  localName: string;
  tftpPut: NmrpTftpPut;
  /** The router's MAC is known (its first frame): add the static ARP entry. */
  onRouterMac(mac: string): Promise<void>;
  timing: SessionTiming;
  signal: AbortSignal;
  stage(s: StageReport, counters: NmrpCounters): void;
  progress(p: { bytes: number; total: number; bytesPerSecond: number }): void;
  now?: () => number;
}

export interface SessionResult {
  routerMac: string;
  firstConfReqAt: number | undefined;
  closeAckAt: number;
  upload: TftpPutResult;
  counters: NmrpCounters;
}

/** The session failed; `fault` says why, `stage` where. */
export class SessionError extends Error {
  /** The counters when it failed (filled in by runSession). */
  counters: NmrpCounters | undefined;
  constructor(
    readonly fault: RbErrorShape,
    readonly stage: NmrpStageName,
  ) {
    super(fault.message);
  }
}

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const counters: NmrpCounters = { malformed: 0, ignored: 0, confAcks: 0, uploadRequests: 0, keepAlives: 0, advertisements: 0 };
  try {
    return await converse(o, counters);
  } catch (err) {
    if (err instanceof SessionError) err.counters = { ...counters };
    throw err;
  }
}

async function converse(o: SessionOptions, counters: NmrpCounters): Promise<SessionResult> {
  const now = o.now ?? Date.now;
  const me = o.socket.mac;
  const report = (s: StageReport): void => o.stage(s, { ...counters });
  let routerMac: string | undefined;
  let uploading = false;
  let uploadStarted = false;
  let sendFailures = 0;
  let fatal: SessionError | undefined;
  let secondRouterWarned = false;
  const queue: NmrpFrame[] = [];
  /** Frames the binding already answered (CONF_REQ → CONF_ACK from its reader thread). */
  const answered = new WeakSet<NmrpFrame>();
  let wake: (() => void) | undefined;

  const fail = (fault: RbErrorShape, stage: NmrpStageName): void => {
    if (!fatal) fatal = new SessionError(fault, stage);
    wake?.();
  };

  const send = (dst: string, msg: ReturnType<typeof bare>): boolean => {
    try {
      o.socket.send(encodeFrame(dst, me, msg));
      return true;
    } catch (err) {
      const shape = toErrorShape(err, 'NMRP_RAW_FAILED');
      if (shape.code === 'NMRP_LINK_DOWN' || shape.code === 'NMRP_RAW_FAILED') {
        sendFailures++;
        return false;
      }
      fail(shape, 'failed');
      return false;
    }
  };

  o.socket.onFrame((raw, wasAnswered) => {
    const r = parseFrame(raw);
    if (!r.ok) {
      if (r.kind === 'malformed') counters.malformed++;
      else counters.ignored++;
      return;
    }
    const f = r.frame;
    if (wasAnswered) answered.add(f);
    if (f.src === me || (f.dst !== me && f.dst !== BROADCAST_MAC)) {
      counters.ignored++;
      return;
    }
    if (f.code === NmrpCode.ADVERTISE) {
      fail(otherServerFault(f.src), 'failed');
      return;
    }
    if (routerMac !== undefined && f.src !== routerMac) {
      if (!uploadStarted) fail(twoRoutersFault(routerMac, f.src), 'failed');
      else {
        counters.ignored++;
        if (!secondRouterWarned) {
          secondRouterWarned = true;
          report({ stage: uploading ? 'uploading' : 'writing', ...sayPart(said('nmrp.said.secondRouter')), ...warningPart(said('nmrp.said.framesIgnored', { mac: f.src })) });
        }
      }
      return;
    }
    if (uploading) {
      // nmrpflash drains NMRP frames during TFTP; a keep-alive still gets its answer
      if (f.code === NmrpCode.KEEP_ALIVE_REQ) {
        counters.keepAlives++;
        send(f.src, bare(NmrpCode.KEEP_ALIVE_ACK));
      } else if (f.code === NmrpCode.CLOSE_REQ) {
        // A router may send CLOSE_REQ as soon as it has ACKed the last block, before our TFTP client has settled.
        // Dropping it here cost one re-send interval (0.5 s) per recovery: keep it for the conversation.
        queue.push(f);
      } else counters.ignored++;
      return;
    }
    queue.push(f);
    wake?.();
  });
  o.socket.onTrouble(() => {
    /* link down: sends fail and are counted; the protocol re-sends */
  });

  const abortP = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(new SessionError(cancelledFault(), 'cancelled'));
    if (o.signal.aborted) onAbort();
    else o.signal.addEventListener('abort', onAbort, { once: true });
  });
  abortP.catch(() => {});

  /** The next frame from the router, or undefined after `ms`. Throws the fatal error or cancellation. */
  const next = async (ms: number): Promise<NmrpFrame | undefined> => {
    const deadline = now() + ms;
    for (;;) {
      if (fatal) throw fatal;
      if (o.signal.aborted) throw new SessionError(cancelledFault(), 'cancelled');
      const f = queue.shift();
      if (f) return f;
      const left = deadline - now();
      if (left <= 0) return undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        }),
        abortP,
      ]);
      wake = undefined;
    }
  };

  // ---- advertise until the router's first frame; CONF_ACK is armed first, so the binding answers CONF_REQ at once
  const confReqMatch = { offset: CODE_OFFSET, value: NmrpCode.CONF_REQ };
  o.socket.answer(confReqMatch, encodeFrame(BROADCAST_MAC, me, confAck(o.routerIp, o.mask, o.region)));
  report({ stage: 'advertising', ...sayPart(said('nmrp.said.calling')), ...doNowPart(said('nmrp.said.switchOnHow')) });
  const advStart = now();
  let first: NmrpFrame | undefined;
  while (!first) {
    if (now() - advStart >= o.timing.advertiseForMs) throw new SessionError(noRouterFault(Math.round(o.timing.advertiseForMs / 1000), sendFailures < counters.advertisements, sendFailures), 'failed');
    if (send(BROADCAST_MAC, advertise())) counters.advertisements++;
    first = await next(o.timing.advertiseEveryMs);
  }
  routerMac = first.src;
  // the static ARP entry is added while the conversation goes on (CONF_ACK must not wait for a privileged
  // command); the upload waits for it, since that is when the router's address must resolve
  // Started on the next turn of the event loop: starting a program (the privileged `ip neigh`) blocks this thread
  // for tens of milliseconds, and the router's first CONF_REQ is answered first (bench:nmrp: CONF_ACK 26–142 ms
  // after CONF_REQ when the ARP command went first, nmrpflash 2–3 ms).
  const mac = routerMac;
  const arp = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => o.onRouterMac(mac))
    .then(
      () => undefined,
      (err: unknown) => toErrorShape(err, 'NMRP_ARP_FAILED'),
    );
  // 'router-found' is reported after the first answer has gone out: a report runs the event through the contract
  // (and the journal), which the first time costs tens of milliseconds the router should not wait for
  let foundReported = false;
  const reportFound = (): void => {
    if (foundReported) return;
    foundReported = true;
    report({ stage: 'router-found', ...sayPart(said('nmrp.said.found', { mac })), routerMac: mac });
  };

  // ---- the conversation
  let rx: NmrpFrame | undefined = first;
  let expect: number | undefined = NmrpCode.CONF_REQ;
  let unexpected = 0;
  let firstConfReqAt: number | undefined;
  let upload: TftpPutResult | undefined;
  let waitMs = o.timing.replyTimeoutMs;
  let phase: 'configured' | 'writing' | 'other' = 'other';
  const remoteNameFallback = o.localName;

  for (;;) {
    if (!rx) {
      const waitingFor = expect === undefined ? 'the router to finish writing' : codeName(expect);
      throw new SessionError(silentFault(waitingFor, Math.round(waitMs / 1000), phase), 'failed');
    }
    if (expect !== undefined && rx.code !== expect && !(expect === NmrpCode.TFTP_UL_REQ && rx.code === NmrpCode.CONF_REQ)) {
      if (++unexpected > MAX_UNEXPECTED) throw new SessionError(silentFault(codeName(expect), Math.round(waitMs / 1000), phase), 'failed');
    } else unexpected = 0;
    waitMs = o.timing.replyTimeoutMs;

    if (rx.code !== NmrpCode.CONF_REQ) reportFound();
    switch (rx.code) {
      case NmrpCode.CONF_REQ: {
        firstConfReqAt ??= now();
        if (!answered.has(rx)) send(routerMac, confAck(o.routerIp, o.mask, o.region));
        counters.confAcks++;
        reportFound();
        phase = 'configured';
        expect = NmrpCode.TFTP_UL_REQ;
        report({
          stage: 'configured',
          ...sayPart(
            counters.confAcks > 1
              ? said('nmrp.said.settingsAgain')
              : o.region
                ? said('nmrp.said.settingsRegion', { address: o.routerIp, region: o.region })
                : said('nmrp.said.settings', { address: o.routerIp }),
          ),
          routerMac,
        });
        break;
      }
      case NmrpCode.TFTP_UL_REQ: {
        counters.uploadRequests++;
        if (counters.uploadRequests > MAX_UPLOAD_REQUESTS) {
          send(routerMac, bare(NmrpCode.CLOSE_REQ));
          throw new SessionError(imageRejectedFault(counters.uploadRequests), 'failed');
        }
        const remoteName = requestedFileName(rx) ?? remoteNameFallback;
        const wraps512 = Math.floor(o.size / 512) + 1 > TFTP_MAX_BLOCK;
        const warning = wraps512 ? said('nmrp.said.manyPieces', { max: TFTP_MAX_BLOCK, blksize: NMRP_BLKSIZE }) : undefined;
        // The put starts first and the two reports follow while it opens the file: a report runs the event through
        // the contract and the journal, which the router's request should not wait for (decision 0108).
        // The request goes out once the static ARP entry is there (at once when the binding added it in-process).
        const arpReady = arp.then((f) => {
          if (f) throw new SessionError(f, 'failed');
        });
        arpReady.catch(() => {});
        uploading = true;
        uploadStarted = true;
        o.socket.answer(confReqMatch, null); // CONF_REQs are drained during the upload and answered here after it
        queue.length = 0; // re-sent requests from before the transfer started are drained, as nmrpflash does
        let lastBytes = 0;
        const put = o.tftpPut({
          host: o.routerIp,
          source: { path: o.file }, // a path, not a Buffer: the TFTP client's native lock-step engine sends from the file (decision 0016)
          remoteName,
          blksize: NMRP_BLKSIZE,
          timeoutMs: o.timing.tftpTimeoutMs,
          retries: 5,
          firstBlockRetries: 20,
          localAddress: o.hostIp,
          rollover: 0,
          signal: o.signal,
          readyToSend: arpReady,
          onProgress: (p) => {
            lastBytes = p.bytes;
            o.progress(p);
          },
        });
        put.catch(() => {});
        report({
          stage: 'upload-requested',
          ...sayPart(requestedFileName(rx) ? said('nmrp.said.askedName', { name: remoteName }) : said('nmrp.said.asked')),
          remoteName,
          routerMac,
          ...(counters.uploadRequests > 1 ? warningPart(said('nmrp.said.askedAgain')) : warning ? warningPart(warning) : {}),
        });
        report({ stage: 'uploading', ...sayPart(said('nmrp.said.sending')), remoteName, upload: { bytes: 0, total: o.size, bytesPerSecond: 0 } });
        try {
          upload = await Promise.race([put, abortP]);
        } catch (err) {
          uploading = false;
          if (err instanceof SessionError) throw err;
          if (o.signal.aborted) throw new SessionError(cancelledFault(), 'cancelled');
          throw new SessionError(tftpFault(lastBytes, o.size, o.routerIp, toErrorShape(err, 'TFTP_PUT_FAILED')), 'failed');
        }
        uploading = false;
        o.progress({ bytes: upload.bytes, total: o.size, bytesPerSecond: upload.ms > 0 ? (upload.bytes * 1000) / upload.ms : 0 });
        report({
          stage: 'uploaded',
          ...sayPart(said('nmrp.said.uploaded')),
          remoteName,
          upload: { bytes: upload.bytes, total: o.size, bytesPerSecond: upload.ms > 0 ? (upload.bytes * 1000) / upload.ms : 0, blksize: upload.blksize, sha256: upload.sha256, ms: upload.ms },
          ...(upload.rolledOver ? warningPart(said('nmrp.said.rolledOver')) : {}),
        });
        expect = undefined;
        phase = 'writing';
        waitMs = o.timing.keepAliveLimitMs;
        break;
      }
      case NmrpCode.KEEP_ALIVE_REQ:
        send(routerMac, bare(NmrpCode.KEEP_ALIVE_ACK));
        counters.keepAlives++;
        phase = 'writing';
        waitMs = o.timing.keepAliveLimitMs;
        report({ stage: 'writing', ...sayPart(said('nmrp.said.busy')), keepAlives: counters.keepAlives });
        break;
      case NmrpCode.CLOSE_REQ: {
        send(routerMac, bare(NmrpCode.CLOSE_ACK));
        const closeAckAt = now();
        if (!upload) throw new SessionError(catalogFault('NMRP_CLOSED_EARLY').toShape(), 'failed');
        report({
          stage: 'done',
          ...sayPart(said('nmrp.said.done')),
          ...doNowPart(said('nmrp.said.doneDoNow')),
          routerMac,
          keepAlives: counters.keepAlives,
        });
        return { routerMac, firstConfReqAt, closeAckAt, upload, counters: { ...counters } };
      }
      default:
        counters.ignored++;
    }
    rx = await next(waitMs);
  }
}

/** RbFault from a SessionError or anything else, for the service. */
export function sessionFault(err: unknown): { fault: RbErrorShape; stage: NmrpStageName; counters?: NmrpCounters } {
  if (err instanceof SessionError) return { fault: err.fault, stage: err.stage, ...(err.counters ? { counters: err.counters } : {}) };
  if (err instanceof RbFault) return { fault: err.toShape(), stage: 'failed' };
  return { fault: toErrorShape(err, 'NMRP_FAILED'), stage: 'failed' };
}
