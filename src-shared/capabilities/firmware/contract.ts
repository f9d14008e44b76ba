import { z } from 'zod';
import { command, SaidMessageSchema } from '../../contract/common';

/** Any JSON value (parsed header fields, metadata JSON). */
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export const JsonSchema: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]));

export const CheckSchema = z.object({ name: z.string(), ok: z.boolean(), expected: z.string().optional(), actual: z.string().optional() });

export interface StructureWire {
  type: string;
  offset: number;
  length: number;
  valid: boolean | null;
  description: string;
  descriptionMsg?: z.infer<typeof SaidMessageSchema>;
  fields: Record<string, Json>;
  checks: z.infer<typeof CheckSchema>[];
  warnings: string[];
  warningsMsg?: z.infer<typeof SaidMessageSchema>[];
  children: StructureWire[];
}
export const StructureSchema: z.ZodType<StructureWire> = z.lazy(() =>
  z.object({
    type: z.string(),
    offset: z.number().int().nonnegative(),
    length: z.number().int().nonnegative(),
    valid: z.boolean().nullable(),
    description: z.string(),
    /** The description's catalogue id + values (decision 0148); sizes are byte counts, said in the language shown. */
    descriptionMsg: SaidMessageSchema.optional(),
    fields: z.record(z.string(), JsonSchema),
    checks: z.array(CheckSchema),
    warnings: z.array(z.string()),
    /** Each warning's id + values, in the order of `warnings`. */
    warningsMsg: z.array(SaidMessageSchema).optional(),
    children: z.array(StructureSchema),
  }),
);

export const FlatFormatSchema = z
  .object({ type: z.string(), offset: z.number(), length: z.number(), valid: z.boolean().nullable(), depth: z.number().int(), description: z.string() })
  .catchall(JsonSchema);

export const ImageIdentitySchema = z.object({
  kind: z.enum(['openwrt-sysupgrade', 'openwrt-factory', 'vendor', 'unknown']),
  headline: z.string(),
  integrity: z.enum(['intact', 'damaged', 'partly-checked', 'unchecked']),
  integrityText: z.string(),
  boards: z.array(z.string()),
  profileId: z.string().optional(),
  version: z.string().optional(),
  compatVersion: z.string().optional(),
  slotLayout: z.string().optional(),
  slotLayoutReason: z.string().optional(),
  writePath: z.enum(['sysupgrade-tar', 'raw', 'other']),
  kernelSize: z.number().optional(),
  rootSize: z.number().optional(),
  bodySize: z.number(),
  knownFile: z.string().optional(),
  metadataInvalid: z.boolean().optional(),
  /** Our sentences' catalogue ids and values (headline, integrityText, slotLayoutReason; decision 0139). */
  said: z.array(SaidMessageSchema).optional(),
});

export const InspectionReportSchema = z.object({
  fileName: z.string(),
  /** Where the file is on this computer (uploads live in the data folder). */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  /** Every recognised structure, depth-first, with its header fields spread in (the stable CLI JSON). */
  formats: z.array(FlatFormatSchema),
  tree: z.array(StructureSchema),
  metadata: z.record(z.string(), JsonSchema).nullable(),
  warnings: z.array(z.string()),
  /** Each warning's id + values, in the order of `warnings` (decision 0148). */
  warningsMsg: z.array(SaidMessageSchema).optional(),
  layout: z.object({
    recognised: z.number(),
    padding: z.number(),
    unknown: z.number(),
    trailing: z.object({ offset: z.number(), length: z.number(), kind: z.enum(['padding', 'data']) }).nullable(),
  }),
  identity: ImageIdentitySchema,
  elapsedMs: z.number(),
});
export type InspectionReport = z.infer<typeof InspectionReportSchema>;

export const DeviceFactsSchema = z.object({
  boardName: z.string().min(1).max(128),
  model: z.string().max(128).optional(),
  compatVersion: z.string().max(16).optional(),
  partitions: z.array(z.object({ name: z.string().max(64), size: z.number().int().nonnegative() })).max(64).optional(),
});

export const VerdictSchema = z.object({
  verdict: z.enum(['compatible', 'needs-n', 'needs-F', 'needs-factory', 'does-not-fit', 'damaged', 'unknown']),
  headline: z.string(),
  reasons: z.array(z.string()),
  sysupgradeSays: z.array(z.string()),
  withForce: z.array(z.string()).optional(),
  command: z.string().optional(),
  steps: z.array(z.string()).optional(),
  risk: z.enum(['low', 'medium', 'high']),
  assumptions: z.array(z.string()),
  device: z.object({
    boardName: z.string(),
    model: z.string().optional(),
    compatVersion: z.string(),
    layout: z.object({ id: z.string(), label: z.string(), source: z.enum(['partitions', 'compat-version', 'assumed']) }).optional(),
  }),
  userReported: z.string().optional(),
  /** Our sentences' catalogue ids and values (decision 0139); the screen shows them in its language. */
  said: z.array(SaidMessageSchema).optional(),
});
export type VerdictWire = z.infer<typeof VerdictSchema>;

/** Raw bytes per upload chunk: base64 of 512 KiB is ~700 KB, under the bench server's 1 MiB frame cap. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

export const firmwareCommands = {
  'firmware.inspect': command('Inspect a firmware image file on this computer: formats, checksums, metadata', z.object({ path: z.string().min(1).max(4096) }), InspectionReportSchema),
  'firmware.verdict': command(
    'Will this image go onto this router, and what will sysupgrade say?',
    z.object({
      inspection: z.object({ fileName: z.string(), identity: ImageIdentitySchema, metadata: z.record(z.string(), JsonSchema).nullable() }),
      device: DeviceFactsSchema,
    }),
    VerdictSchema,
  ),
  'firmware.upload.begin': command(
    'Start sending an image from the browser into the data folder (bench server drag-and-drop)',
    z.object({ fileName: z.string().min(1).max(255), size: z.number().int().nonnegative().max(UPLOAD_MAX_BYTES) }),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  ),
  'firmware.upload.chunk': command(
    'One base64 chunk of an upload, in order',
    z.object({ uploadId: z.string().max(64), offset: z.number().int().nonnegative(), data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 4) }),
    z.object({ received: z.number().int() }),
  ),
  'firmware.upload.finish': command('Finish an upload and inspect the file', z.object({ uploadId: z.string().max(64) }), InspectionReportSchema),
  'firmware.upload.cancel': command('Abandon an upload and delete what was received', z.object({ uploadId: z.string().max(64) }), z.object({ ok: z.literal(true) })),
};
/** Inspection answers its command directly; uploads report through chunk replies: no events. */
export const firmwareEvents = {};
