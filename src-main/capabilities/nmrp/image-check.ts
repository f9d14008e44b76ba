/**
 * The inspector's word on an image before anything goes to the router (decision 0087): the firmware capability
 * reads .chk headers and their checksums; the DNI .img header and its one-byte sum are read here. Either names
 * the board the file is for, which the user compares with the router's label (NMRP carries no identity).
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspectFile } from '../firmware';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { DNI_HEADER, dniSum, parseDniHeader, TFTP_MAX_BLOCK } from '../../../src-shared/capabilities/nmrp/image';
import type { NmrpImageCheck } from '../../../src-shared/capabilities/nmrp/contract';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { tooBigFault } from './faults';
import { fault as catalogFault } from '../../../src-shared/errors';
import { said } from '../../../src-shared/i18n/said';
import { sayPart } from '../../../src-shared/capabilities/nmrp/said';

/** The largest file a TFTP upload carries without the block number wrapping, at the block size NMRP uses. */
export const NMRP_MAX_IMAGE = TFTP_MAX_BLOCK * 1456 - 1;

function profileFor(board: string): { id: string; model: string } | undefined {
  const b = board.toLowerCase();
  const p = DEVICE_PROFILES.find((x) => x.stockImage?.netgearBoardId?.toLowerCase() === b);
  return p ? { id: p.id, model: `${p.vendor} ${p.model}` } : undefined;
}

async function headOf(file: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const b = Buffer.alloc(n);
    const { bytesRead } = await fh.read(b, 0, n, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function wholeSum(file: string): Promise<number> {
  let sum = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) sum = dniSum(sum, chunk as Buffer);
  return sum;
}

export async function checkNetgearImage(file: string): Promise<NmrpImageCheck> {
  const abs = path.resolve(file);
  const st = await fs.promises.stat(abs);
  const base = { file: abs, fileName: path.basename(abs), size: st.size, warnings: [] as string[], warningsMsg: [] as SaidMessage[] };
  if (!st.isFile()) throw new Error(`${abs} is not a file`);
  const head = await headOf(abs, DNI_HEADER);
  const dni = parseDniHeader(head);
  let check: NmrpImageCheck;
  if (dni) {
    // a file over the block limit is refused below without reading it all
    const intact = st.size > NMRP_MAX_IMAGE ? null : st.size > DNI_HEADER && (await wholeSum(abs)) === 0xff;
    const prof = profileFor(dni.device);
    check = {
      ...base,
      kind: 'dni-img',
      board: dni.device,
      version: dni.version,
      ...(dni.region ? { region: dni.region } : {}),
      ...(prof ? { profileId: prof.id, model: prof.model } : {}),
      intact,
      ...sayPart(said('nmrp.said.imageDni', { board: dni.device, version: dni.version || 'none', model: prof?.model ?? 'none' })),
    };
  } else {
    const report = await inspectFile(abs);
    const chk = report.formats.find((f) => f.type === 'netgear-chk' && f.offset === 0);
    if (chk) {
      const board = typeof chk.boardId === 'string' ? chk.boardId : undefined;
      const region = typeof chk.region === 'string' ? chk.region : undefined;
      const prof = board ? profileFor(board) : undefined;
      check = {
        ...base,
        kind: 'netgear-chk',
        ...(board ? { board } : {}),
        ...(typeof chk.version === 'string' ? { version: chk.version } : {}),
        ...(region ? { region } : {}),
        ...(prof ? { profileId: prof.id, model: prof.model } : {}),
        intact: chk.valid,
        ...sayPart(
          board
            ? said('nmrp.said.imageChk', { board, region: region ?? 'none', model: prof?.model ?? 'none' })
            : said('nmrp.said.imageChkUnknown', { region: region ?? 'none' }),
        ),
      };
    } else {
      check = {
        ...base,
        kind: 'not-netgear',
        intact: null,
        // the fault says it (its details name what the file is instead); the check's words are the fault's message
        ...sayPart(said('error.NMRP_NOT_NETGEAR_IMAGE.message')),
        fault: catalogFault('NMRP_NOT_NETGEAR_IMAGE', {}, { details: report.identity.headline }).toShape(),
      };
    }
  }
  if (check.intact === false && !check.fault)
    check.fault = catalogFault('NMRP_IMAGE_DAMAGED').toShape();
  if (st.size > NMRP_MAX_IMAGE && !check.fault) check.fault = tooBigFault(st.size, NMRP_MAX_IMAGE);
  if (!check.fault && Math.floor(st.size / 512) + 1 > TFTP_MAX_BLOCK) {
    const w = said('nmrp.image.large');
    check.warnings.push(w.text);
    check.warningsMsg = [...(check.warningsMsg ?? []), w.msg];
  }
  return check;
}
