import { Bytes } from './bytes';
import type { SaidMessage } from '../../../contract/common';
import type { Digests, Limits, Structure } from './types';

export interface RegionOptions {
  /** Look for known structures at any offset inside unrecognised data (like binwalk). Off inside compressed payloads. */
  carve?: boolean;
  /** What the enclosing header says the payload is (uImage compression byte, FIT "compression"). */
  /** Inside code (a zImage): list only recognised structures, not the data between them. */
  interior?: boolean;
  /** Carve only for these types (inside a zImage: the compressed kernel and the device tree). */
  only?: string[];
  hint?: 'gzip' | 'lzma' | 'xz' | 'lzo' | 'lz4' | 'zstd' | 'bzip2';
}

/** Shared state for one inspection: the bytes, the hash functions, budgets and the recursive region parser. */
export interface Ctx {
  b: Bytes;
  d: Digests;
  limits: Limits;
  /** Structures recorded so far (budget). */
  count: number;
  warnings: string[];
  /** Each warning's id + values, in the same order (decision 0148). */
  warningsMsg: SaidMessage[];
  /** Parse [start, end) into a list of structures (recognised, padding, data). */
  region(start: number, end: number, depth: number, opts?: RegionOptions): Structure[];
}

export interface FormatParser {
  type: string;
  /** Cheap test: does a structure of this type start at off? */
  probe(b: Bytes, off: number, end: number): boolean;
  /** Parse the structure at off (probe already true). Must not claim bytes past end. */
  parse(ctx: Ctx, off: number, end: number, depth: number): Structure | null;
  /** For scanning: the magic bytes and where they sit relative to the structure's start. */
  carve?: { magic: number[]; at: number };
}
