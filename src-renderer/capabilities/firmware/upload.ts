import type { RbApi } from '../../api/types';
import type { InspectionReport } from '../../../src-shared/capabilities/firmware/contract';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Send a file chosen or dropped in the browser to the workstation in base64 chunks (each under the bench
 * server's 1 MiB frame limit), then inspect it there.
 */
export async function uploadAndInspect(api: RbApi, file: File, progress: (sent: number) => void): Promise<InspectionReport> {
  const { uploadId, chunkBytes } = await api.invoke('firmware.upload.begin', { fileName: file.name, size: file.size });
  try {
    let offset = 0;
    while (offset < file.size) {
      const part = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      await api.invoke('firmware.upload.chunk', { uploadId, offset, data: toBase64(part) });
      offset += part.length;
      progress(offset);
    }
    return await api.invoke('firmware.upload.finish', { uploadId });
  } catch (err) {
    await api.invoke('firmware.upload.cancel', { uploadId }).catch(() => undefined);
    throw err;
  }
}
