import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NmrpService, tftpTimeoutFor, type NmrpDeps } from '../../../../src-main/capabilities/nmrp/service';
import type { TftpPutOptions, TftpPutResult } from '../../../../src-main/capabilities/tftp';
import { MockCable } from '../../../../test-support/bindings/rawether-mock';
import { dniImage, scriptedRouter } from '../../../../test-support/nmrp';
import { devIpOf, encodeFrame, NmrpCode, parseFrame, regionOf } from '../../../../src-shared/capabilities/nmrp/codec';
import type { NmrpStage, NmrpStart } from '../../../../src-shared/capabilities/nmrp/contract';
import { NmrpStartSchema } from '../../../../src-shared/capabilities/nmrp/contract';
import { RbFault } from '../../../../src-shared/errors';
import { english, type MessageId } from '../../../../src-shared/i18n';

const ROUTER = '20:e5:2a:00:00:01';
let dir: string;
let image: string;
let notNetgear: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-nmrp-svc-'));
  image = path.join(dir, 'R7800-V1.0.2.94.img');
  fs.writeFileSync(image, dniImage(Buffer.alloc(40_000, 7)));
  notNetgear = path.join(dir, 'random.bin');
  fs.writeFileSync(notNetgear, Buffer.alloc(5000, 3));
});

interface NetLog {
  calls: string[];
  /** The privileged `ip neigh` fails (e.g. the permission prompt was cancelled). */
  arpFails?: boolean;
  /** The privileged `ip neigh` finishes only when this does (a slow spawn under load). */
  arpGate?: Promise<void>;
}

function fakeNet(log: NetLog): NmrpDeps['net'] {
  return () => ({
    async prepare(req) {
      log.calls.push(`prepare ${req.interface} ${req.address}`);
      return {
        interface: req.interface,
        address: req.address,
        async addStaticArp(ip, mac) {
          log.calls.push(`arp ${ip} ${mac}`);
          await log.arpGate;
          if (log.arpFails) throw new Error('ip neigh: permission denied');
        },
        async release() {
          log.calls.push('release');
        },
      };
    },
    async waitForCarrier(iface) {
      log.calls.push(`carrier ${iface}`);
    },
  });
}

type Put = (o: TftpPutOptions) => Promise<TftpPutResult>;

function setup(put: (router: ReturnType<typeof scriptedRouter>) => Put, routerOpts: Parameters<typeof scriptedRouter>[1] = {}, cableFault?: string, platform: 'linux' | 'darwin' | 'win32' = 'linux') {
  const cable = new MockCable('eth9', '02:00:00:00:00:01', cableFault);
  const router = scriptedRouter(cable.station(ROUTER), routerOpts);
  const net: NetLog = { calls: [] };
  const stages: NmrpStage[] = [];
  const puts: TftpPutOptions[] = [];
  const p = put(router);
  const svc = new NmrpService(
    { stage: (s) => stages.push(s), progress: () => {} },
    {
      raw: cable.factory,
      net: fakeNet(net),
      tftpPut: async (o) => {
        puts.push(o);
        await o.readyToSend; // as the real client: nothing goes out before the router's ARP entry is there
        return p(o);
      },
      timing: { advertiseEveryMs: 5, advertiseForMs: 400, replyTimeoutMs: 300, keepAliveLimitMs: 400, tftpTimeoutMs: 50 },
      platform,
    },
  );
  return { cable, router, net, stages, puts, svc };
}

const okPut: (r: ReturnType<typeof scriptedRouter>) => Put = (r) => async (o) => {
  o.onProgress?.({ bytes: 1000, total: 40129, bytesPerSecond: 1e6 });
  setTimeout(() => r.finish(), 5);
  return { bytes: 40129, sha256: 'ab'.repeat(32), blksize: 1456, windowsize: 1, rolledOver: false, ms: 10 };
};

/** Frames on the virtual cable are delivered on setImmediate. */
const wireIdle = (): Promise<void> => new Promise((r) => setImmediate(r));

const req = (over: Partial<NmrpStart> = {}): NmrpStart => NmrpStartSchema.parse({ interface: 'eth9', file: image, ...over });

describe('NMRP service over a virtual cable', () => {
  let stopRouter: (() => void) | undefined;
  afterEach(() => stopRouter?.());

  it('says before and with a run where raw frames are untested (Windows, macOS), and not on Linux', async () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const t = setup(okPut, { fileName: 'firmware' }, undefined, platform);
      stopRouter = t.router.stop;
      if (platform === 'linux') expect(t.svc.status().untested).toBeUndefined();
      else expect(t.svc.status().untested).toBeTruthy(); // before any run: the screen shows it on the setup card
      const started = await t.svc.start(req());
      const run = await t.svc.settled();
      stopRouter();
      expect(run.state).toBe('done');
      if (platform === 'win32') expect(started.untested).toMatch(/not been tried on a real Windows computer/);
      else if (platform === 'darwin') expect(run.untested).toMatch(/not been tried on a real Mac/);
      else expect(run.untested).toBeUndefined();
    }
  });

  it('runs the whole conversation: CONF_ACK with address and region, upload of the requested name, keep-alives, CLOSE_ACK; network undone', async () => {
    const t = setup(okPut, { fileName: 'firmware', keepAlives: 3 });
    stopRouter = t.router.stop;
    await t.svc.start(req({ region: 'AU' }));
    const run = await t.svc.settled();
    await wireIdle();
    expect(run.state).toBe('done');
    expect(t.stages.map((s) => s.stage)).toEqual(['checking-image', 'checking-image', 'preparing-network', 'waiting-for-cable', 'advertising', 'router-found', 'configured', 'upload-requested', 'uploading', 'uploaded', 'writing', 'writing', 'writing', 'done']);
    const ack = t.router.frames.find((f) => f.code === NmrpCode.CONF_ACK)!;
    expect(devIpOf(ack)).toEqual({ ip: '10.164.183.253', mask: '255.255.255.0' });
    expect(regionOf(ack)).toBe(10);
    expect(ack.options.map((o) => o.type)).toEqual([0x0002, 0x0101, 0x0004]);
    expect(t.puts[0]).toMatchObject({ host: '10.164.183.253', remoteName: 'firmware', blksize: 1456, localAddress: '10.164.183.252', source: { path: image } });
    expect(t.router.received().filter((c) => c === NmrpCode.KEEP_ALIVE_ACK)).toHaveLength(3);
    expect(t.router.received().at(-1)).toBe(NmrpCode.CLOSE_ACK);
    expect(t.net.calls).toEqual(['prepare eth9 10.164.183.252/24', 'carrier eth9', `arp 10.164.183.253 ${ROUTER}`, 'release']);
    expect(t.cable.hostOpen()).toBe(false);
    expect(run.image?.board).toBe('R7800');
    expect(t.stages.at(-1)?.doNow).toMatch(/Switch the router off/);
    // every stage's words travel as catalogue id + values beside the same English (decision 0145)
    for (const s of t.stages) {
      expect(s.sayMsg, s.say).toBeDefined();
      expect(english(s.sayMsg!.id as MessageId, s.sayMsg!.values)).toBe(s.say);
      if (s.doNow) expect(english(s.doNowMsg!.id as MessageId, s.doNowMsg!.values)).toBe(s.doNow);
      if (s.warning) expect(english(s.warningMsg!.id as MessageId, s.warningMsg!.values)).toBe(s.warning);
    }
    expect(t.stages.find((s) => s.stage === 'configured')?.sayMsg).toEqual({ id: 'nmrp.said.settingsRegion', values: { address: '10.164.183.253', region: 'AU' } });
    // every frame we sent was padded to 60 bytes
    expect(t.cable.log.filter((f) => f[6] === 0x02).every((f) => f.length === 60)).toBe(true);
  });

  it('uses the file name when the router sends no FILE_NAME, and sends no DEV_REGION unless asked', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    expect((await t.svc.settled()).state).toBe('done');
    expect(t.puts[0]?.remoteName).toBe('R7800-V1.0.2.94.img');
    expect(regionOf(t.router.frames.find((f) => f.code === NmrpCode.CONF_ACK)!)).toBeUndefined();
  });

  it('keeps a CLOSE_REQ that arrives before the upload has settled (no wait for the router to send it again)', async () => {
    // The router ACKs the last block and sends CLOSE_REQ at once; our TFTP client settles 30 ms later. The
    // router re-sends only after 10 s, past the writing limit: a dropped CLOSE_REQ would fail the run.
    const closeEarly: (r: ReturnType<typeof scriptedRouter>) => Put = (r) => async () => {
      r.finish();
      await new Promise((res) => setTimeout(res, 30));
      return { bytes: 40129, sha256: 'ab'.repeat(32), blksize: 1456, windowsize: 1, rolledOver: false, ms: 10 };
    };
    const t = setup(closeEarly, { keepAlives: 0, resendMs: 10_000 });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    expect((await t.svc.settled()).state).toBe('done');
    await wireIdle();
    expect(t.router.received().at(-1)).toBe(NmrpCode.CLOSE_ACK);
  });

  it('sends nothing when the router\'s ARP entry cannot be added, and says so; the network is undone', async () => {
    let sent = false;
    const t = setup((r) => async (o) => {
      sent = true;
      return okPut(r)(o);
    }, { keepAlives: 0 });
    stopRouter = t.router.stop;
    t.net.arpFails = true;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.state).toBe('failed');
    expect(run.fault?.code).toBe('NMRP_ARP_FAILED');
    expect(sent).toBe(false);
    expect(t.net.calls.at(-1)).toBe('release');
  });

  it('answers CONF_REQ from the binding itself (decision 0108): one CONF_ACK per CONF_REQ, none sent twice; in JS where the binding cannot', async () => {
    for (const answers of [true, false]) {
      const t = setup(okPut, { keepAlives: 0 });
      stopRouter = t.router.stop;
      t.cable.answers = answers;
      let dropped = 0;
      t.cable.intercept = (f) => (f[6] === 0x02 && f[16] === NmrpCode.CONF_ACK && dropped++ === 0 ? 'drop' : 'pass'); // the first is lost
      await t.svc.start(req({ region: 'NA' }));
      const run = await t.svc.settled();
      stopRouter();
      expect(run.state).toBe('done');
      const confReqs = t.cable.log.filter((f) => f[6] === 0x20 && f[16] === NmrpCode.CONF_REQ).length; // sent by the router
      const confAcks = t.cable.log.filter((f) => f[6] === 0x02 && f[16] === NmrpCode.CONF_ACK);
      expect(confReqs).toBeGreaterThanOrEqual(2);
      expect(confAcks).toHaveLength(confReqs); // the binding's answer is not repeated by the session
      expect(t.stages.at(-1)?.counters.confAcks).toBe(confReqs);
      const ack = parseFrame(confAcks[1]!);
      expect(ack.ok && devIpOf(ack.frame)).toEqual({ ip: '10.164.183.253', mask: '255.255.255.0' });
      expect(ack.ok && regionOf(ack.frame)).toBe(1);
      expect(ack.ok && ack.frame.dst).toBe(ROUTER);
    }
  });

  it('the binding answers only the first router: a second router\'s CONF_REQ gets no CONF_ACK, and the run refuses to guess', async () => {
    const t = setup(okPut, { keepAlives: 0, silentAfter: 'conf-ack' });
    stopRouter = t.router.stop;
    const other = t.cable.station('20:e5:2a:00:00:02');
    t.cable.intercept = (f) => {
      // once the first router has its answer, a second one asks too
      if (f[6] === 0x02 && f[16] === NmrpCode.CONF_ACK && f[5] === 0x01) setImmediate(() => other.send(encodeFrame('02:00:00:00:00:01', other.mac, { code: NmrpCode.CONF_REQ, options: [] })));
    };
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_TWO_ROUTERS');
    expect(other.frames.filter((f) => f[16] === NmrpCode.CONF_ACK)).toHaveLength(0);
  });

  it('adds the router\'s ARP entry in-process where the binding can (decision 0109): the upload does not wait for the lease, which records it once the upload is under way', async () => {
    const order: string[] = [];
    let openGate: () => void = () => {};
    const t = setup((r) => async (o) => {
      order.push(`put ${t.cable.neighbours instanceof Map ? t.cable.neighbours.get('10.164.183.253') : '-'} ${t.net.calls.some((c) => c.startsWith('arp')) ? 'recorded' : 'not recorded'}`);
      const res = await okPut(r)(o); // reports progress: the lease is asked now
      order.push(`after progress: ${t.net.calls.filter((c) => c.startsWith('arp')).join()}`);
      openGate();
      return res;
    }, { keepAlives: 0 });
    stopRouter = t.router.stop;
    t.cable.neighbours = new Map();
    t.net.arpGate = new Promise((r) => (openGate = r));
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.state).toBe('done');
    expect(order).toEqual([`put ${ROUTER} not recorded`, `after progress: arp 10.164.183.253 ${ROUTER}`]);
    expect(t.net.calls).toEqual(['prepare eth9 10.164.183.252/24', 'carrier eth9', `arp 10.164.183.253 ${ROUTER}`, 'release']);
    // recorded by the lease: its release removes it (this fake lease does not), so the service leaves it alone
    expect(t.cable.neighbours.get('10.164.183.253')).toBe(ROUTER);
  });

  it('removes the in-process ARP entry itself when the lease cannot record it, or when the upload never started', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    const table = new Map<string, string>();
    t.cable.neighbours = table;
    t.net.arpFails = true;
    await t.svc.start(req());
    expect((await t.svc.settled()).state).toBe('done'); // the entry was there: the upload went out
    expect(table.size).toBe(0);
    stopRouter();

    const silent = setup(okPut, { keepAlives: 0, silentAfter: 'conf-ack' });
    stopRouter = silent.router.stop;
    const table2 = new Map<string, string>();
    silent.cable.neighbours = table2;
    await silent.svc.start(req());
    expect((await silent.svc.settled()).state).toBe('failed');
    expect(table2.size).toBe(0);
    expect(silent.net.calls.some((c) => c.startsWith('arp'))).toBe(false); // never asked: nothing of it is left
    expect(process.listenerCount('exit')).toBeLessThan(20); // the exit hook went with the entry
  });

  it('takes the lease\'s privileged route, waited for, when the in-process entry is refused (no CAP_NET_ADMIN)', async () => {
    const order: string[] = [];
    const t = setup((r) => async (o) => {
      order.push(t.net.calls.some((c) => c.startsWith('arp')) ? 'put after arp' : 'put before arp');
      return okPut(r)(o);
    }, { keepAlives: 0 });
    stopRouter = t.router.stop;
    t.cable.neighbours = 'refused';
    await t.svc.start(req());
    expect((await t.svc.settled()).state).toBe('done');
    expect(order).toEqual(['put after arp']);
  });

  it("waits for each TFTP answer as nmrpflash does, max(-t/50, 200 ms): 200 ms at the default 10 s, longer for slow routers", () => {
    expect(tftpTimeoutFor(10)).toBe(200);
    expect(tftpTimeoutFor(1)).toBe(200);
    expect(tftpTimeoutFor(60)).toBe(1200);
  });

  it('answers a re-sent CONF_REQ with a fresh CONF_ACK when the first was lost', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    let dropped = 0;
    t.cable.intercept = (f) => (f[6] === 0x02 && f[16] === NmrpCode.CONF_ACK && dropped++ === 0 ? 'drop' : 'pass');
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.state).toBe('done');
    expect(t.stages.filter((s) => s.stage === 'configured').length).toBeGreaterThanOrEqual(2);
    expect(t.stages.at(-1)?.counters.confAcks).toBeGreaterThanOrEqual(2);
  });

  it('ignores and counts malformed and foreign frames', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    const junk = t.cable.station('20:e5:2a:00:00:09');
    const bad = Buffer.from(encodeFrame('02:00:00:00:00:01', '20:e5:2a:00:00:01', { code: 2, options: [] }));
    bad[14] = 1; // reserved field set
    const other = Buffer.from(encodeFrame('02:00:00:00:00:77', '20:e5:2a:00:00:01', { code: 2, options: [] })); // for someone else
    const timer = setInterval(() => {
      junk.send(bad);
      junk.send(other);
    }, 3);
    await t.svc.start(req());
    const run = await t.svc.settled();
    clearInterval(timer);
    expect(run.state).toBe('done');
    const c = t.stages.at(-1)!.counters;
    expect(c.malformed).toBeGreaterThan(0);
  });

  it('refuses to guess when a second router answers before the upload', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    const second = scriptedRouter(t.cable.station('20:e5:2a:00:00:02'), {});
    await t.svc.start(req());
    const run = await t.svc.settled();
    second.stop();
    expect(run.state).toBe('failed');
    expect(run.fault?.code).toBe('NMRP_TWO_ROUTERS');
    expect(t.puts).toHaveLength(0);
    expect(t.net.calls.at(-1)).toBe('release');
  });

  it('says what to check, in order, when no router ever answers', async () => {
    const t = setup(okPut, { ignoreAdvertisements: true });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_NO_ROUTER');
    expect(run.fault?.fix).toMatch(/1\. The cable[\s\S]*2\. The router was switched on[\s\S]*3\. Nothing sits between/);
    expect(t.net.calls.at(-1)).toBe('release');
    expect(t.stages.at(-1)!.counters.advertisements).toBeGreaterThan(10);
  });

  it('fails, undoing everything, when the router goes silent after its address', async () => {
    const t = setup(okPut, { silentAfter: 'conf-ack' });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_ROUTER_SILENT');
    expect(t.net.calls.at(-1)).toBe('release');
    expect(t.cable.hostOpen()).toBe(false);
  });

  it('fails when the router goes silent while writing (no CLOSE_REQ)', async () => {
    const t = setup((r) => async () => {
      // the router takes the file, then says nothing more (powered off, or its bootloader hung)
      r.stop();
      return { bytes: 40129, sha256: 'ab'.repeat(32), blksize: 1456, windowsize: 1, rolledOver: false, ms: 10 };
    });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_ROUTER_SILENT');
    expect(run.fault?.message).toMatch(/writing/);
  });

  it('names ARP and the firewall when the upload times out at block 0; a restart mid-upload otherwise', async () => {
    const fault = new RbFault({ code: 'TFTP_PUT_TIMEOUT', message: 'no answer' });
    const t0 = setup(() => async () => Promise.reject(fault));
    stopRouter = t0.router.stop;
    await t0.svc.start(req());
    expect((await t0.svc.settled()).fault?.code).toBe('NMRP_TFTP_NO_ANSWER');
    expect((await t0.svc.settled()).fault?.meaning).toMatch(/ARP/);
    t0.router.stop();
    const t1 = setup(() => async (o) => {
      o.onProgress?.({ bytes: 20000, total: 40129, bytesPerSecond: 1 });
      throw fault;
    });
    stopRouter = t1.router.stop;
    await t1.svc.start(req());
    const run = await t1.svc.settled();
    expect(run.fault?.code).toBe('NMRP_UPLOAD_INTERRUPTED');
    expect(run.fault?.message).toMatch(/50 %/);
    expect(t1.net.calls.at(-1)).toBe('release');
  });

  it('stops after the router asks for the file more than 3 times (it rejects the image), sending CLOSE_REQ', async () => {
    const t = setup((r) => async () => {
      // the router throws the file away and asks again
      setTimeout(() => r.say(NmrpCode.TFTP_UL_REQ), 5);
      return { bytes: 40129, sha256: 'ab'.repeat(32), blksize: 1456, windowsize: 1, rolledOver: false, ms: 10 };
    });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_IMAGE_REJECTED');
    await wireIdle();
    expect(t.router.received()).toContain(NmrpCode.CLOSE_REQ);
  });

  it('without the raw-frame permission it says how to grant it, before touching the network', async () => {
    const t = setup(okPut, {}, 'EPERM');
    stopRouter = t.router.stop;
    await t.svc.start(req());
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_NO_RAW_PRIVILEGE');
    expect(run.fault?.fix).toMatch(/setcap cap_net_raw\+ep/);
    expect(t.net.calls).toEqual([]);
  });

  it('refuses a file that is not a Netgear image before anything is sent', async () => {
    const t = setup(okPut);
    stopRouter = t.router.stop;
    await t.svc.start(req({ file: notNetgear }));
    const run = await t.svc.settled();
    expect(run.fault?.code).toBe('NMRP_NOT_NETGEAR_IMAGE');
    expect(t.cable.log).toHaveLength(0);
    expect(t.net.calls).toEqual([]);
  });

  it('cancel stops the run and undoes the network set-up', async () => {
    const t = setup(okPut, { ignoreAdvertisements: true });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    await expect.poll(() => t.stages.some((s) => s.stage === 'advertising')).toBe(true);
    const run = await t.svc.cancel();
    expect(run.state).toBe('cancelled');
    expect(t.net.calls.at(-1)).toBe('release');
    expect(t.cable.hostOpen()).toBe(false);
  });

  it('keeps advertising while the link is down (the router powering up) and finishes once it is back', async () => {
    const t = setup(okPut, { keepAlives: 0 });
    stopRouter = t.router.stop;
    t.cable.linkDown();
    setTimeout(() => t.cable.linkUp(), 60);
    await t.svc.start(req());
    expect((await t.svc.settled()).state).toBe('done');
  });

  it('parses every frame it sent as valid NMRP', async () => {
    const t = setup(okPut, { keepAlives: 1 });
    stopRouter = t.router.stop;
    await t.svc.start(req());
    await t.svc.settled();
    for (const f of t.cable.log) expect(parseFrame(f).ok).toBe(true);
  });
});
