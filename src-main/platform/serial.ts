/** Serial ports as this OS shows them (issue 5): how a port is named in the list, and whether it is there. */
import fsSync from 'node:fs';
import { currentPlatform, type PlatformName } from './host';
import { said, type SaidMessage } from '../../src-shared/i18n/said';

/** A serial port as the list shows it: plain words first, then the name the system uses. */
export function describePortForList(p: { path: string; manufacturer?: string | undefined; serialNumber?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }): {
  path: string;
  label: string;
  labelMsg: SaidMessage;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
} {
  const chips: Record<string, string> = { '0403': 'FTDI', '10c4': 'Silicon Labs CP210x', '067b': 'Prolific PL2303', '1a86': 'WCH CH340', '0483': 'STMicroelectronics' };
  const chip = p.vendorId ? chips[p.vendorId.toLowerCase()] : undefined;
  // the kind of port is words (platform.serialPort.label, decision 0169); the chip or maker and the path are names
  const kind = p.vendorId ? 'usb' : /ttyS\d+$/.test(p.path) ? 'builtin' : 'other';
  const words = said('platform.serialPort.label', { kind, maker: chip ?? (p.manufacturer || 'none'), path: p.path });
  const out: ReturnType<typeof describePortForList> = { path: p.path, label: words.text, labelMsg: words.msg };
  if (p.manufacturer) out.manufacturer = p.manufacturer;
  if (p.serialNumber) out.serialNumber = p.serialNumber;
  if (p.vendorId) out.vendorId = p.vendorId;
  if (p.productId) out.productId = p.productId;
  return out;
}

/**
 * Is a serial port there right now? On Linux and macOS a port is a device node (a USB adapter's disappears when
 * it is unplugged; a symlink such as /dev/serial/by-id/… too). Windows COM ports are not files: ask the port list.
 */
export async function serialPortPresent(portPath: string, list: () => Promise<{ path: string }[]>, platform: PlatformName = currentPlatform()): Promise<boolean> {
  if (platform === 'win32') {
    try {
      return (await list()).some((p) => p.path.toUpperCase() === portPath.toUpperCase());
    } catch {
      return true; // cannot tell: do not call a working port unplugged
    }
  }
  return fsSync.existsSync(portPath);
}
