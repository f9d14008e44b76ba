/**
 * Vendor recovery: checks the chosen file for the chosen model (cut where it carries a bootloader, refused when
 * its header names another model), keeps the bytes the router will get in the data folder, and starts the
 * vendor's playbook on the timeline engine with the facts of the device profile as run options.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FLOW_DEFAULTS, planImage, RECOVER_PLAYBOOK_IDS, tplinkRecoveryNames, VENDOR_NAMES, type RecoverPlan, type RecoverProgress } from '../../../src-shared/capabilities/recover';
import type { RunOptions, RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { findDeviceProfile, type DeviceProfile, type VendorFlow } from '../../../src-shared/profiles/profiles';
import { fault, RbFault } from '../../../src-shared/errors';
import type { PlaybookService } from '../playbook';

/** Larger than any router's flash we know; a file beyond it is not firmware. */
const MAX_FILE = 512 * 1024 * 1024;

export interface RecoverRequest {
  flow: VendorFlow;
  model?: string | undefined;
  file: string;
  interface?: string | undefined;
}

/** Extra run options for tests and the CLI (timeouts, port): numbers only. */
export type RecoverTuning = Partial<Record<'writeSeconds' | 'fetchTimeoutS' | 'verifyTimeoutS' | 'tftpPort' | 'connectWaitS', number>>;

export class RecoverService {
  private plan: RecoverPlan | undefined;
  private last: RecoverProgress | undefined;

  constructor(
    private readonly hooks: { progress(p: RecoverProgress): void },
    private readonly opts: { dataDir: string; playbook: () => PlaybookService },
  ) {}

  onProgress(p: RecoverProgress): void {
    this.last = p;
    this.hooks.progress(p);
  }

  status(): { plan?: RecoverPlan; progress?: RecoverProgress } {
    return { ...(this.plan ? { plan: this.plan } : {}), ...(this.last ? { progress: this.last } : {}) };
  }

  profileFor(flow: VendorFlow, model: string | undefined): DeviceProfile | undefined {
    if (!model) return undefined;
    const p = findDeviceProfile(model);
    if (!p)
      throw fault('RECOVER_UNKNOWN_MODEL', { model });
    if (p.recovery.flow !== flow)
      throw fault('RECOVER_WRONG_FLOW', {
        router: `${p.vendor} ${p.model}`,
        chosen: VENDOR_NAMES[flow],
        uses: p.recovery.flow ? VENDOR_NAMES[p.recovery.flow] : 'none',
        summary: p.recovery.flow ? '' : p.recovery.summary,
      });
    return p;
  }

  /** Read the file, cut and check it. Returns the plan and the bytes the router gets. */
  async check(req: RecoverRequest): Promise<{ plan: RecoverPlan; bytes: Buffer }> {
    const profile = this.profileFor(req.flow, req.model);
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(req.file);
    } catch (err) {
      throw fault('RECOVER_FILE_MISSING', { file: req.file }, { details: (err as Error).message });
    }
    if (!st.isFile()) throw fault('RECOVER_NOT_A_FILE', { file: req.file });
    if (st.size > MAX_FILE) throw fault('RECOVER_IMAGE_TOO_LARGE', { kind: 'any', model: '' });
    const buf = await fs.promises.readFile(req.file);
    const image = planImage(req.flow, buf, profile);
    const bytes = buf.subarray(image.cutBytes);
    const d = FLOW_DEFAULTS[req.flow];
    const plan: RecoverPlan = {
      flow: req.flow,
      ...(profile ? { model: profile.id } : {}),
      file: req.file,
      image,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      router: profile?.recovery.deviceIp ?? d.router,
      host: profile?.recovery.hostAddress ?? d.host,
      names: req.flow === 'tplink' ? tplinkRecoveryNames(profile) : [],
    };
    this.plan = plan;
    return { plan, bytes: Buffer.from(bytes) };
  }

  /** Check, refuse a file that is not for this model, keep the served bytes, start the playbook. */
  async start(req: RecoverRequest, tuning: RecoverTuning = {}, practice?: { routerAddress: string; afterPort: number }): Promise<RunSnapshot> {
    const { plan, bytes } = await this.check(req);
    if (plan.image.refuse) throw new RbFault(plan.image.refuse);
    const profile = plan.model ? findDeviceProfile(plan.model) : undefined;
    const dir = path.join(this.opts.dataDir, 'recover', 'images');
    fs.mkdirSync(dir, { recursive: true });
    const served = path.join(dir, `${plan.sha256}.bin`);
    if (!fs.existsSync(served)) {
      fs.writeFileSync(`${served}.part`, bytes);
      fs.renameSync(`${served}.part`, served);
    }
    const after = profile?.recovery.after;
    const options: Record<string, string | number | boolean> = {
      routerAddress: plan.router,
      recoverFlow: plan.flow,
      recoverFile: served,
      recoverOriginalName: path.basename(req.file),
      recoverSha256: plan.sha256,
      recoverSize: bytes.length,
      recoverNames: plan.names.join('\n'),
      hostAddress: plan.host,
      ...(plan.model ? { deviceId: plan.model } : {}),
      ...(req.interface ? { interface: req.interface } : {}),
      ...(profile?.recovery.uploadPath ? { uploadPath: profile.recovery.uploadPath } : {}),
      writeSeconds: profile?.recovery.writeSeconds ?? (plan.flow === 'tplink' ? 150 : 180),
      afterAddress: after?.address ?? FLOW_DEFAULTS[plan.flow].after,
      afterPort: after?.tcpPort ?? 80,
      // the practice router: on this computer (loopback), no address to set; its journal is kept apart
      ...(practice ? { practice: true, routerAddress: practice.routerAddress, hostAddress: '127.0.0.1/8', afterAddress: practice.routerAddress, afterPort: practice.afterPort } : {}),
      ...tuning,
    };
    this.last = undefined;
    return this.opts.playbook().start(RECOVER_PLAYBOOK_IDS[plan.flow], options as unknown as RunOptions);
  }
}
