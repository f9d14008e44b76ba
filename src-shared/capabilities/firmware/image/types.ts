/**
 * What the image inspector finds: a tree of structures over one byte buffer. Offsets are absolute (from the
 * start of the file); lengths never reach past the end of the file.
 */
import type { SaidMessage } from '../../../contract/common';
import type { ImageSaid } from './words';

export type FieldValue = string | number | boolean | null | string[] | number[] | FieldObject | FieldObject[];
export interface FieldObject {
  [key: string]: FieldValue;
}

export interface Check {
  /** e.g. "header CRC", "data CRC", "md5". */
  name: string;
  ok: boolean;
  expected?: string;
  actual?: string;
}

export interface Structure {
  /** Stable type name: "uimage", "squashfs", "sysupgrade-tar", "fwtool-metadata", "padding", "data", … */
  type: string;
  offset: number;
  length: number;
  /** true: every check held; false: one failed or the structure is cut off; null: nothing to check. */
  valid: boolean | null;
  /** One line a technician reads: "uImage, ARM Linux kernel, lzma, 2.1 MiB". */
  description: string;
  /** The description's catalogue id + values (decision 0148), beside its English. */
  descriptionMsg?: SaidMessage;
  fields: Record<string, FieldValue>;
  checks: Check[];
  warnings: string[];
  /** Each warning's id + values, in the same order as `warnings` (present when there are warnings). */
  warningsMsg?: SaidMessage[];
  children: Structure[];
}

/**
 * Hash functions the parsers need for checks. src-main passes Node's native ones (zlib.crc32, node:crypto);
 * the pure fallback for crc32 lives in crc.ts. md5/sha are optional: a check that cannot run is skipped.
 */
export interface Digests {
  /** zlib/IEEE CRC-32 (initial 0, final inversion), continuing from `prev` like zlib's crc32(data, prev). */
  crc32(data: Uint8Array, prev?: number): number;
  /** zlib CRC-32 of the whole buffer's prefix [0, end), when something already computed most of it. */
  crc32Prefix?(end: number): number | undefined;
  md5?(parts: Uint8Array[]): Uint8Array;
  sha1?(parts: Uint8Array[]): Uint8Array;
  sha256?(parts: Uint8Array[]): Uint8Array;
}

export interface Limits {
  /** Deepest nesting followed (tar → uImage → FIT → …). */
  maxDepth: number;
  /** Total structures recorded; beyond it, inspection stops adding and warns. */
  maxStructures: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 8, maxStructures: 4000 };

export function emptyStructure(type: string, offset: number, length: number, description?: ImageSaid): Structure {
  const s: Structure = { type, offset, length, valid: null, description: '', fields: {}, checks: [], warnings: [], children: [] };
  if (description) describe(s, description);
  return s;
}

/** Set a structure's description: its English and its id + values. */
export function describe(s: Structure, d: ImageSaid): void {
  s.description = d.text;
  s.descriptionMsg = d.msg;
}

/** Add a warning to a structure (or to a list of warnings with their messages beside). */
export function warn(s: { warnings: string[]; warningsMsg?: SaidMessage[] }, w: ImageSaid): void {
  s.warnings.push(w.text);
  (s.warningsMsg ??= []).push(w.msg);
}

/** valid = every check passed and no structural problem was flagged (null when nothing could be checked). */
export function settleValidity(s: Structure, structuralOk = true): Structure {
  if (!structuralOk) s.valid = false;
  else if (s.checks.length === 0) s.valid = s.valid ?? null;
  else s.valid = s.checks.every((c) => c.ok) && s.valid !== false;
  return s;
}
