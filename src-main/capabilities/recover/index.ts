import { defineMainCapability } from '../../core/capability';
import { recoverCapability, RECOVER_PLAYBOOK_IDS, RECOVER_PLAYBOOKS, VENDOR_FLOWS } from '../../../src-shared/capabilities/recover';
import { currentPlatform, detectFirewalls } from '../../platform';
import { playbookMain, type RegisteredPlaybook } from '../playbook';
import { startTftpServer, tftpPut } from '../tftp';
import { netMain, type NetService } from '../net';
import type { RecoverDeps } from './deps';
import { uploadFirmware } from './http-upload';
import { RecoverService } from './service';
import { recoverExecutors } from './steps';
import { recoverHandlers } from './handlers';

export { uploadFirmware, type UploadOptions, type UploadResult } from './http-upload';
export { RecoverService, type RecoverRequest, type RecoverTuning } from './service';
export { recoverExecutors } from './steps';
export type { RecoverDeps, RecoverNet } from './deps';
import type { RecoverNet } from './deps';
import { said, saidOr } from '../../../src-shared/i18n/said';

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('stopped'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('stopped'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The network assistant as the recovery steps see it (deps.ts): its findings become the network step's evidence. */
export function netForRecovery(net: NetService): RecoverNet {
  return {
    interfaces: async () => (await net.interfaces()).map((i) => ({ name: i.name, addresses: i.addresses, wired: i.wired, internal: i.loopback, ...(i.carrier !== null ? { carrier: i.carrier } : {}) })),
    prepare: (req) => net.prepare(req),
    probe: async (ip, opts) => {
      const r = await net.probe(ip, opts);
      return { ...(r.arpMac ? { arpMac: r.arpMac } : {}), icmp: r.icmp, tcp: Object.fromEntries(Object.entries(r.tcp).map(([k, v]) => [Number(k), v])) };
    },
    notes: async (req) => {
      const c = await net.check({ target: req.target, need: req.need, ...(req.interface ? { interface: req.interface } : {}) });
      // each finding's two sentences said from their ids (decision 0188)
      return c.findings.filter((f) => f.level !== 'ok').map((f) => said('net.said.finding', { title: saidOr(f.title, f.titleMsg), meaning: saidOr(f.meaning, f.meaningMsg) }));
    },
  };
}

export function recoverDeps(recover: RecoverService, dataDir: string, net: NetService, overrides: Partial<RecoverDeps> = {}): RecoverDeps {
  return {
    platform: currentPlatform(),
    net: netForRecovery(net),
    startTftpServer: (o) => startTftpServer(o),
    tftpPut: (o) => tftpPut(o),
    upload: uploadFirmware,
    firewalls: (iface) => detectFirewalls(currentPlatform(), iface),
    progress: (p) => recover.onProgress(p),
    dataDir,
    sleep,
    ...overrides,
  };
}

/** The four vendor recoveries: their playbooks on the timeline engine, the file check, and the recover CLI. */
export const recoverMain = defineMainCapability({
  id: 'recover',
  contract: recoverCapability,
  // the playbook service is reached when a recovery starts (it is made after this one: it asks every capability for its playbooks)
  service: (ctx) => new RecoverService({ progress: (p) => ctx.bus.emit('recover.progress', p) }, { dataDir: ctx.dataDir, playbook: () => ctx.use(playbookMain) }),
  handlers: (recover, ctx) => recoverHandlers(recover, ctx),
  playbooks: (recover, ctx) => {
    const executors = recoverExecutors(recoverDeps(recover, ctx.dataDir, ctx.use(netMain)));
    const out: Record<string, RegisteredPlaybook> = {};
    for (const flow of VENDOR_FLOWS) out[RECOVER_PLAYBOOK_IDS[flow]] = { def: RECOVER_PLAYBOOKS[flow], executors };
    return out;
  },
  cli: async () => [(await import('./cli')).recoverCommand],
});
