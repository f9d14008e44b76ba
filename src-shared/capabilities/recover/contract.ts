import { z } from 'zod';
import { command, event, Empty, RbErrorSchema, SaidMessageSchema } from '../../contract/common';
import { RunSnapshotSchema } from '../playbook';

export const VendorFlowSchema = z.enum(['tplink', 'asus', 'ubiquiti', 'dlink']);

export const ImagePlanSchema = z.object({
  flow: VendorFlowSchema,
  size: z.number().int().nonnegative(),
  cutBytes: z.number().int().nonnegative(),
  cutReason: z.string(),
  /** `cutReason` and each check's `text` as catalogue id + values (decision 0130); `key` names the check's words. */
  cutReasonMsg: SaidMessageSchema.optional(),
  servedBytes: z.number().int().nonnegative(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), text: z.string(), msg: SaidMessageSchema.optional(), key: z.string().max(32).optional() })),
  refuse: RbErrorSchema.optional(),
  header: z.object({ format: z.string(), hwId: z.string().optional(), hwRevision: z.number().optional(), version: z.string().optional(), vendor: z.string().optional() }).optional(),
});

/** The chosen file, what the router gets (cut or not) and why, and under which names (TP-Link). */
export const RecoverPlanSchema = z.object({
  flow: VendorFlowSchema,
  /** Device profile id, when a model was chosen. */
  model: z.string().optional(),
  file: z.string(),
  image: ImagePlanSchema,
  /** SHA-256 (hex) of exactly the bytes the router gets. */
  sha256: z.string(),
  /** Where the router is in recovery mode, and the address this computer needs (with prefix). */
  router: z.string(),
  host: z.string(),
  /** TP-Link: every name the file is offered under; any other name the router asks for gets it too. */
  names: z.array(z.string()),
});
export type RecoverPlan = z.infer<typeof RecoverPlanSchema>;

export const RecoverRequestSchema = z.object({
  flow: VendorFlowSchema,
  /** Device profile id ("tplink,archer-c7-v2"); without one, the flow's defaults and no model check. */
  model: z.string().max(128).optional(),
  /** Path of the firmware file on this computer. */
  file: z.string().min(1).max(4096),
});

/** What the transfer and the wait after it are doing now (not journaled: the journal keeps the evidence). */
export const RecoverProgressSchema = z.object({
  runId: z.string(),
  phase: z.enum(['waiting', 'transfer', 'writing', 'verifying']),
  bytes: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  /** The name the router asked for (TP-Link). */
  requested: z.string().max(300).optional(),
  /** When this phase began (ms since epoch). */
  since: z.number(),
  /** Writing: how long the router usually takes (s). */
  expectedSeconds: z.number().nonnegative().optional(),
});
export type RecoverProgress = z.infer<typeof RecoverProgressSchema>;

export const recoverCommands = {
  'recover.check': command('Check a firmware file for a vendor recovery: what the router gets, cut or not, and whether it is for this model', RecoverRequestSchema, RecoverPlanSchema),
  'recover.start': command(
    'Start a vendor recovery guide with this file (refused when the file is not for the model)',
    RecoverRequestSchema.extend({
      /** The network connection that leads to the router; without it, the wired one with a cable in. */
      interface: z.string().max(64).optional(),
      /** Technicians and tests: how long the router writes (s), how long to wait for its request / its return, the TFTP port. */
      writeSeconds: z.number().int().min(0).max(3600).optional(),
      fetchTimeoutS: z.number().int().min(1).max(3600).optional(),
      verifyTimeoutS: z.number().int().min(0).max(3600).optional(),
      connectWaitS: z.number().int().min(0).max(600).optional(),
      tftpPort: z.number().int().min(1).max(65535).optional(),
      /**
       * The practice router on this computer instead of a real one (decision 0091): its loopback address, the
       * port that answers once it runs again; the journal stays out of the real history.
       */
      practice: z.object({ routerAddress: z.string().regex(/^127\.\d+\.\d+\.\d+$/, 'a 127.x address'), afterPort: z.number().int().min(1).max(65535) }).optional(),
    }),
    RunSnapshotSchema,
  ),
  'recover.status': command('The recovery being prepared or run, and its progress (for a UI that (re)connects)', Empty, z.object({ plan: RecoverPlanSchema.optional(), progress: RecoverProgressSchema.optional() })),
};

export const recoverEvents = {
  'recover.progress': event('Transfer progress, the writing timer and the final check of a vendor recovery', RecoverProgressSchema),
};
