/**
 * Netgear recovery as one run at a time: check the image, open raw frames on the chosen connection, give this
 * computer its address through the network assistant (NetService.prepare: the privilege prompt, NetworkManager
 * left out, re-added across link flaps), wait for the cable, run the NMRP session, add the router's static ARP
 * entry from its first frame, and undo the network set-up in every case (decision 0086).
 *
 * The static ARP entry (decision 0109): where the raw-frame binding can add it in-process (Linux rtnetlink, with
 * CAP_NET_ADMIN: root), it does so at once and the upload does not wait for anything else; once the upload is
 * under way (its engine runs on its own thread, so a spawned command no longer holds anything up) the network
 * assistant's lease adds the same entry through its privileged route, which records it so the lease's undo (at the
 * end, at exit, or `net address remove` after a crash) removes it. Until then, and if that step fails or never
 * starts, the entry is removed here through the binding (at the end, or at exit). Without the in-process route
 * (no CAP_NET_ADMIN; macOS, Windows) the upload waits for the lease's privileged command as before.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { fault as catalogFault, RbFault } from '../../../src-shared/errors';
import { prefixToMask } from '../../../src-shared/capabilities/nmrp/codec';
import { ETHERTYPE_NMRP } from '../../../src-shared/capabilities/nmrp/codec';
import type { NmrpCounters, NmrpGrant, NmrpImageCheck, NmrpProgress, NmrpRun, NmrpStage, NmrpStart } from '../../../src-shared/capabilities/nmrp/contract';
import type { RawEtherFactory, RawEtherSocket } from '../../platform/bindings/rawether';
import { rawFramesUntested } from '../../platform/bindings/rawether-access';
import { currentPlatform, type PlatformName } from '../../platform/host';
import type { NmrpLease, NmrpNet, NmrpTftpPut } from './deps';
import { checkNetgearImage } from './image-check';
import { grantRawFrames } from './grant';
import { sayPart, doNowPart } from '../../../src-shared/capabilities/nmrp/said';
import { said } from '../../../src-shared/i18n/said';
import { DEFAULT_TIMING, runSession, sessionFault, type SessionTiming, type StageReport } from './session';

export interface NmrpServiceEvents {
  stage(s: NmrpStage): void;
  progress(p: NmrpProgress): void;
}

export interface NmrpDeps {
  raw: RawEtherFactory;
  /** The network assistant (capabilities/net). A function, so it is made only when a run needs it. */
  net: () => NmrpNet;
  tftpPut: NmrpTftpPut;
  checkImage?: (file: string) => Promise<NmrpImageCheck>;
  /** Test hook: shorter waits. */
  timing?: Partial<SessionTiming>;
  /** Test hook: the permission grant. */
  grant?: () => Promise<NmrpGrant>;
  /** How long to wait for the cable before advertising (nmrpflash: 60 s). */
  carrierTimeoutMs?: number;
  /** Test hook: the OS (for the "untested here" note). */
  platform?: PlatformName;
}

/** The TFTP client's per-packet timeout for a given NMRP reply timeout: nmrpflash's max(-t/50, 200 ms). */
export function tftpTimeoutFor(timeoutS: number): number {
  return Math.max(200, Math.round((timeoutS * 1000) / 50));
}

const ZERO: NmrpCounters = { malformed: 0, ignored: 0, confAcks: 0, uploadRequests: 0, keepAlives: 0, advertisements: 0 };
const KEEP_STAGES = 200;

export class NmrpService {
  private run: NmrpRun = { state: 'idle', stages: [] };
  private abort: AbortController | undefined;
  private running: Promise<void> | undefined;
  private lastProgress = 0;

  constructor(
    private readonly listeners: NmrpServiceEvents,
    private readonly deps: NmrpDeps,
  ) {
    // said before a run too, so the screen can show it before the user starts
    const untested = rawFramesUntested(deps.platform ?? currentPlatform());
    if (untested) this.run.untested = untested;
  }

  status(): NmrpRun {
    return structuredClone(this.run);
  }

  check(file: string): Promise<NmrpImageCheck> {
    return (this.deps.checkImage ?? checkNetgearImage)(file);
  }

  /** Resolves when the current run (if any) has ended and everything is undone. */
  async settled(): Promise<NmrpRun> {
    await this.running;
    return this.status();
  }

  async start(req: NmrpStart): Promise<NmrpRun> {
    if (this.run.state === 'running')
      throw catalogFault('NMRP_BUSY');
    const runId = crypto.randomUUID();
    const abort = new AbortController();
    this.abort = abort;
    const untested = rawFramesUntested(this.deps.platform ?? currentPlatform());
    this.run = { state: 'running', runId, interface: req.interface, file: path.resolve(req.file), startedAt: Date.now(), stages: [], ...(untested ? { untested } : {}) };
    this.running = this.execute(runId, req, abort.signal);
    return this.status();
  }

  async cancel(): Promise<NmrpRun> {
    this.abort?.abort();
    await this.running;
    return this.status();
  }

  private emit(runId: string, s: StageReport, counters: NmrpCounters): void {
    if (this.run.runId !== runId) return;
    const stage: NmrpStage = { runId, at: Date.now(), counters, ...s };
    this.run.stages.push(stage);
    if (this.run.stages.length > KEEP_STAGES) this.run.stages.splice(0, this.run.stages.length - KEEP_STAGES);
    this.listeners.stage(stage);
  }

  private async execute(runId: string, req: NmrpStart, signal: AbortSignal): Promise<void> {
    const [routerIp, prefixText] = req.routerIp.split('/') as [string, string];
    const prefix = Number(prefixText);
    const timing: SessionTiming = {
      ...DEFAULT_TIMING,
      replyTimeoutMs: req.timeoutS * 1000,
      // nmrpflash's per-packet TFTP timeout, max(-t/50, 200 ms): a lost WRQ or block costs 200 ms, not 500 (decision 0108)
      tftpTimeoutMs: tftpTimeoutFor(req.timeoutS),
      keepAliveLimitMs: req.keepAliveLimitS * 1000,
      advertiseForMs: req.advertiseS * 1000,
      ...this.deps.timing,
    };
    let socket: RawEtherSocket | undefined;
    let lease: NmrpLease | undefined;
    /** The lease's own (recorded) ARP entry, when the binding added it first: settled before the lease is released. */
    let arpRecorded: Promise<boolean> | undefined;
    let recordArp: (() => void) | undefined;
    let unrecordedNeighbour: (() => void) | undefined;
    let counters = { ...ZERO };
    try {
      this.emit(runId, { stage: 'checking-image', ...sayPart(said('nmrp.said.checking')) }, counters);
      const image = await this.check(req.file);
      this.run.image = image;
      if (image.fault) throw new RbFault(image.fault);
      this.emit(
        runId,
        {
          stage: 'checking-image',
          say: image.say,
          ...(image.sayMsg ? { sayMsg: image.sayMsg } : {}),
          image,
          ...(image.warnings[0] ? { warning: image.warnings[0], ...(image.warningsMsg?.[0] ? { warningMsg: image.warningsMsg[0] } : {}) } : {}),
        },
        counters,
      );
      if (signal.aborted) throw catalogFault('NMRP_CANCELLED');

      socket = this.deps.raw.open(req.interface, ETHERTYPE_NMRP);
      this.emit(runId, { stage: 'preparing-network', ...sayPart(said('nmrp.said.preparing', { name: req.interface, address: req.hostIp })) }, counters);
      const net = this.deps.net();
      lease = await net.prepare({
        interface: req.interface,
        address: `${req.hostIp}/${prefix}`,
        reason: said('net.prompt.netgear', { address: req.hostIp, iface: req.interface }),
      });
      this.emit(runId, { stage: 'waiting-for-cable', ...sayPart(said('nmrp.said.waitingCable')), ...doNowPart(said('nmrp.said.switchOn')) }, counters);
      await net.waitForCarrier(req.interface, { timeoutMs: this.deps.carrierTimeoutMs ?? 60_000, signal });

      const leaseNow = lease;
      const result = await runSession({
        socket,
        routerIp,
        mask: prefixToMask(prefix),
        hostIp: req.hostIp,
        region: req.region,
        file: image.file,
        size: image.size,
        localName: image.fileName,
        tftpPut: this.deps.tftpPut,
        onRouterMac: async (mac) => {
          const sock = socket!;
          let inProcess = false;
          try {
            inProcess = sock.neighbour(routerIp, mac);
          } catch {
            /* refused (no CAP_NET_ADMIN): the lease's privileged route below, waited for */
          }
          if (!inProcess) return leaseNow.addStaticArp(routerIp, mac);
          // until the lease has recorded the entry, a process exit removes it through the binding
          const undo = (): void => {
            try {
              sock.neighbour(routerIp, null);
            } catch {
              /* best effort at exit */
            }
          };
          process.once('exit', undo);
          unrecordedNeighbour = () => {
            process.removeListener('exit', undo);
            undo();
          };
          recordArp = () => {
            recordArp = undefined;
            arpRecorded = leaseNow.addStaticArp(routerIp, mac).then(
              () => {
                process.removeListener('exit', undo);
                unrecordedNeighbour = undefined;
                return true;
              },
              () => false,
            );
          };
        },
        timing,
        signal,
        stage: (s, c) => {
          counters = c;
          this.emit(runId, s, c);
        },
        progress: (p) => {
          if (p.bytes > 0) recordArp?.(); // the upload is under way: the lease records the entry now
          const t = Date.now();
          if (p.bytes < p.total && t - this.lastProgress < 250) return;
          this.lastProgress = t;
          this.listeners.progress({ runId, ...p });
        },
      });
      this.run.firstConfReqAt = result.firstConfReqAt;
      this.run.closeAckAt = result.closeAckAt;
      this.run.state = 'done';
    } catch (err) {
      const { fault, stage, counters: last } = sessionFault(err);
      if (last) counters = last;
      const cancelled = stage === 'cancelled' || fault.code === 'NMRP_CANCELLED';
      this.run.state = cancelled ? 'cancelled' : 'failed';
      this.run.fault = fault;
      this.emit(runId, { stage: cancelled ? 'cancelled' : 'failed', say: fault.message, fault }, counters);
    } finally {
      if (arpRecorded) await arpRecorded;
      unrecordedNeighbour?.(); // the lease could not record it: removed here, through the binding that added it
      socket?.close();
      if (lease)
        await lease.release().catch((err: unknown) => {
          this.emit(runId, { stage: this.run.state === 'done' ? 'done' : 'failed', ...sayPart(said('nmrp.said.addressNotRemoved')), warning: err instanceof Error ? err.message : String(err) }, counters);
        });
      if (this.abort?.signal === signal) this.abort = undefined;
    }
  }

  /** Ask the OS (its own password prompt) for the raw-frame permission. */
  grant(): Promise<NmrpGrant> {
    return (this.deps.grant ?? grantRawFrames)();
  }

  async stop(): Promise<void> {
    await this.cancel();
  }
}
