/**
 * Netgear recovery as one run at a time: check the image, open raw frames on the chosen connection, give this
 * computer its address through the network assistant (NetService.prepare: the privilege prompt, NetworkManager
 * left out, re-added across link flaps), wait for the cable, run the NMRP session, add the router's static ARP
 * entry from its first frame, and undo the network set-up in every case (decision 0086).
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
    const timing: SessionTiming = { ...DEFAULT_TIMING, replyTimeoutMs: req.timeoutS * 1000, keepAliveLimitMs: req.keepAliveLimitS * 1000, advertiseForMs: req.advertiseS * 1000, ...this.deps.timing };
    let socket: RawEtherSocket | undefined;
    let lease: NmrpLease | undefined;
    let counters = { ...ZERO };
    try {
      this.emit(runId, { stage: 'checking-image', say: 'Checking the firmware file.' }, counters);
      const image = await this.check(req.file);
      this.run.image = image;
      if (image.fault) throw new RbFault(image.fault);
      this.emit(runId, { stage: 'checking-image', say: image.say, image, ...(image.warnings[0] ? { warning: image.warnings[0] } : {}) }, counters);
      if (signal.aborted) throw catalogFault('NMRP_CANCELLED');

      socket = this.deps.raw.open(req.interface, ETHERTYPE_NMRP);
      this.emit(runId, { stage: 'preparing-network', say: `Preparing the connection ${req.interface}: this computer takes the address ${req.hostIp}.` }, counters);
      const net = this.deps.net();
      lease = await net.prepare({
        interface: req.interface,
        address: `${req.hostIp}/${prefix}`,
        reason: `Netgear recovery gives this computer the address ${req.hostIp} on ${req.interface} while it talks to the router, and removes it afterwards.`,
      });
      this.emit(runId, { stage: 'waiting-for-cable', say: 'Waiting for the router: plug the cable into one of its LAN ports.', doNow: 'Switch the router on now.' }, counters);
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
        onRouterMac: (mac) => leaseNow.addStaticArp(routerIp, mac),
        timing,
        signal,
        stage: (s, c) => {
          counters = c;
          this.emit(runId, s, c);
        },
        progress: (p) => {
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
      socket?.close();
      if (lease)
        await lease.release().catch((err: unknown) => {
          this.emit(runId, { stage: this.run.state === 'done' ? 'done' : 'failed', say: 'The address could not be removed from this computer.', warning: err instanceof Error ? err.message : String(err) }, counters);
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
