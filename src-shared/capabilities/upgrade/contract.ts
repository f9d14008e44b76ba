import { z } from 'zod';
import { command, event, RbErrorSchema, SaidMessageSchema } from '../../contract/common';
import { SessionTargetSchema } from '../device';
import { DhcpStatusSchema } from '../net';
import { RunSnapshotSchema } from '../playbook';

/**
 * Putting firmware on a running router (upgrade.*), as a playbook on the timeline engine: connect, check the
 * image here, back up, copy it to the router with a progress bar, let the router test it (sysupgrade -T),
 * write it, wait for the router to come back and check what runs. The run itself is reported as
 * playbook.run snapshots (answered with playbook.respond); upgrade.progress carries the byte-level progress.
 */
const Sha256Schema = z.string().regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 of 64 hex digits');

export const UpgradeStartSchema = z.object({
  /** flash: any image onto a running OpenWrt; return-to-stock: the Linksys dual-slot return to the maker's firmware. */
  mode: z.enum(['flash', 'return-to-stock']),
  target: SessionTargetSchema,
  /** The image on this computer. */
  file: z.string().min(1).max(4096),
  /** auto: keep settings where the image allows it, otherwise -n. */
  keepSettings: z.enum(['auto', 'keep', 'no-keep']).default('auto'),
  /** The user agreed beforehand to -F after a forceable refusal (the CLI's --force); the run still shows the router's words. */
  force: z.boolean().default(false),
  /** Copy, compare the checksum and run sysupgrade -T only; nothing is written. */
  dryRun: z.boolean().default(false),
  sha256: Sha256Schema.optional(),
  intermediate: z.string().min(1).max(4096).optional(),
  intermediateSha256: Sha256Schema.optional(),
  /** How long to wait for the router to come back after writing (seconds). */
  returnTimeoutS: z.number().int().min(5).max(1800).default(420),
  /** Where the maker's firmware answers on the web after the write (80; the practice router uses a free port). */
  webPort: z.number().int().min(1).max(65535).optional(),
  /** A run against the practice router: its journal stays out of the real history (decision 0091). */
  practice: z.boolean().optional(),
});
export type UpgradeStart = z.infer<typeof UpgradeStartSchema>;

export const SlotViewSchema = z.object({
  slot: z.union([z.literal(1), z.literal(2)]),
  kernel: z.object({ index: z.number().int(), name: z.string(), size: z.number().int(), offset: z.number().int().nullable() }).optional(),
  rootfs: z.object({ index: z.number().int(), name: z.string(), size: z.number().int(), offset: z.number().int().nullable() }).optional(),
  running: z.boolean(),
  bootsNext: z.boolean(),
});

export const HashCheckSchema = z.object({
  sha256: z.string(),
  expected: z.string().optional(),
  source: z.enum(['given', 'sidecar', 'sha256sums', 'known', 'none']),
  from: z.string(),
  status: z.enum(['match', 'mismatch', 'unlisted']),
  text: z.string(),
  /** The text as a catalogue id + values, beside the English (decision 0180); absent from an older workstation. */
  textMsg: SaidMessageSchema.optional(),
});

const ImageForPlanSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  kind: z.enum(['openwrt-sysupgrade', 'openwrt-factory', 'vendor', 'unknown']),
  slotLayout: z.string().optional(),
  version: z.string().optional(),
  hash: HashCheckSchema,
});

export const ReturnPlanSchema = z.object({
  ok: z.boolean(),
  refusal: RbErrorSchema.optional(),
  model: z.string(),
  layout: z.object({ id: z.string(), label: z.string() }).optional(),
  layoutEvidence: z.string(),
  runningSlot: z.union([z.literal(1), z.literal(2)]).optional(),
  steps: z.array(z.object({ id: z.enum(['intermediate', 'stock']), title: z.string(), image: ImageForPlanSchema, slot: z.union([z.literal(1), z.literal(2)]), command: z.string(), why: z.string(), titleMsg: SaidMessageSchema.optional(), whyMsg: SaidMessageSchema.optional() })),
  warnings: z.array(z.string()),
  userReported: z.string().optional(),
  successText: z.string(),
  /** The words above as catalogue ids + values, beside the English (decision 0168); absent from an older workstation. */
  layoutEvidenceMsg: SaidMessageSchema.optional(),
  warningsMsg: z.array(SaidMessageSchema).optional(),
  userReportedMsg: SaidMessageSchema.optional(),
  successMsg: SaidMessageSchema.optional(),
});
export type ReturnPlanWire = z.infer<typeof ReturnPlanSchema>;

/** What return-to-stock found on the router, with the plan: the partition map shows both slots from it. */
export const StockReportSchema = z.object({
  plan: ReturnPlanSchema,
  slots: z.array(SlotViewSchema),
  env: z.record(z.string(), z.string()),
  bootPart: z.number().int().optional(),
  release: z.string().optional(),
  warnings: z.array(z.string()),
  /** The warnings that are ours as id + values (decision 0184: the slots' and the device reading's), matched to a warning by its English; a router's own line has none. */
  warningsMsg: z.array(SaidMessageSchema).optional(),
});
export type StockReport = z.infer<typeof StockReportSchema>;

export const UpgradeProgressSchema = z.object({
  runId: z.string(),
  stage: z.enum(['upload', 'settings-backup', 'wait']),
  /**
   * The wait: what the router shows now. writing (its old system may still answer ping), restarting (nothing
   * answers), starting (ping or ARP answer again, no service yet), back (a service answers).
   */
  phase: z.enum(['writing', 'restarting', 'starting', 'back']).optional(),
  /** Bytes (upload) or seconds (wait). */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Bytes per second over the last seconds (upload). */
  rate: z.number().nonnegative().optional(),
  /** Seconds left (upload), when it can be told. */
  etaS: z.number().nonnegative().optional(),
  /** What the router should be doing now, in plain words. */
  text: z.string().max(500),
  /** `text` as catalogue id + values (decision 0130). */
  msg: SaidMessageSchema.optional(),
});
export type UpgradeProgress = z.infer<typeof UpgradeProgressSchema>;

/** What a run found out, for the result: the CLI's value and the screen's summary card. */
export const UpgradeOutcomeSchema = z.object({
  run: RunSnapshotSchema,
  journal: z.string(),
  /** Set once the router was seen again and checked. */
  verified: z
    .object({
      kind: z.enum(['openwrt', 'vendor']),
      text: z.string(),
      /** `text` and `hostKeyNote` as catalogue id + values (decision 0130). */
      msg: SaidMessageSchema.optional(),
      release: z.string().optional(),
      slot: z.number().int().optional(),
      hostKeyNote: z.string().optional(),
      hostKeyNoteMsg: SaidMessageSchema.optional(),
      /**
       * The maker's firmware: is there a DHCP server on the cable now (the net capability's check: its own
       * DHCPDISCOVER where permitted, else this computer's DHCP-given address, else unknown with why), and on
       * which interface of this computer. Evidence beside the web page's answer.
       */
      dhcp: DhcpStatusSchema.extend({ interface: z.string().optional() }).optional(),
    })
    .optional(),
  /** The router's own words of its sysupgrade -T. */
  routerSays: z.array(z.string()).optional(),
  settingsBackup: z.string().optional(),
  plan: ReturnPlanSchema.optional(),
  /** Time from "Flash" to "verified" and the router's own share of it (writing and starting), ms. */
  timing: z.object({ totalMs: z.number(), routerMs: z.number(), oursMs: z.number() }).optional(),
});
export type UpgradeOutcome = z.infer<typeof UpgradeOutcomeSchema>;

export const BootSlotResultSchema = z.object({
  /** false for a preview: nothing was written. */
  changed: z.boolean(),
  before: z.record(z.string(), z.string()),
  env: z.record(z.string(), z.string()),
  commands: z.array(z.string()),
  changes: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
});
export type BootSlotResult = z.infer<typeof BootSlotResultSchema>;

export const upgradeCommands = {
  'upgrade.start': command('Start putting firmware on a running router (or the Linksys return to factory firmware); returns the run\'s first snapshot', UpgradeStartSchema, RunSnapshotSchema),
  'upgrade.plan': command(
    'Return to factory firmware: connect, read the slots and layout, check the files and say the plan; nothing on the router is changed (not even sysupgrade -T)',
    UpgradeStartSchema.pick({ target: true, file: true, sha256: true, intermediate: true, intermediateSha256: true }),
    StockReportSchema,
  ),
  'upgrade.outcome': command('What the current or last upgrade run found out (verified firmware, the router\'s words, timing)', z.object({}).strict(), UpgradeOutcomeSchema.partial({ run: true, journal: true })),
  'upgrade.bootSlot': command(
    'Linksys: make U-Boot start the given slot (fw_setenv boot_part N and its bootcmd) on a router that still answers; confirm names the slot ("slot N"); preview reads and says what would change, changing nothing',
    z.object({ target: SessionTargetSchema, slot: z.union([z.literal(1), z.literal(2)]), confirm: z.string().max(32), preview: z.boolean().optional() }),
    BootSlotResultSchema,
  ),
};

export const upgradeEvents = {
  'upgrade.progress': event('Byte-level progress of an upgrade run: the upload, the settings backup, the wait for the router', UpgradeProgressSchema),
};
