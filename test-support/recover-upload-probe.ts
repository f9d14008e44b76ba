/**
 * Runs INSIDE the station namespace: one D-Link recovery upload with the real uploader (src-main/capabilities/
 * recover) against the uIP stand-in. Prints one JSON object: the result or the three-part fault, and the
 * progress reports seen. Used by test/integration/recover/dlink.netns.test.ts and benchmarks/recover/run.ts (timed there on the server side).
 */
import fs from 'node:fs';
import { uploadFirmware } from '../src-main/capabilities/recover';
import { RbFault } from '../src-shared/errors';

const [host, file, connectTimeout] = process.argv.slice(2) as [string, string, string | undefined];
const size = fs.statSync(file).size;
const progress: number[] = [];
uploadFirmware({ host, source: { path: file, size }, fileName: 'firmware.bin', connectTimeoutMs: Number(connectTimeout ?? 5000), onProgress: (p) => progress.push(p.bytes) })
  .then((r) => process.stdout.write(`${JSON.stringify({ ok: true, result: r, progressCount: progress.length, lastProgress: progress.at(-1) ?? 0 })}\n`))
  .catch((e: unknown) => process.stdout.write(`${JSON.stringify({ ok: false, error: e instanceof RbFault ? e.toShape() : { code: 'THROWN', message: String(e) } })}\n`));
