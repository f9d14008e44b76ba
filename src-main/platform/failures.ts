/**
 * What an operating-system error means, in the product's words (three parts), with the fix for this OS: a port
 * that cannot be opened, a serial port that cannot be used.
 */
import { fault, type RbFault } from '../../src-shared/errors';
import { english } from '../../src-shared/i18n';
import { currentPlatform, type PlatformName } from './host';

export interface BindErrorContext {
  protocol: 'udp' | 'tcp';
  address: string;
  port: number;
  /** What the socket is for, in plain words: "listen for the router's rescue-mode broadcasts". */
  purpose: string;
  /** For low ports: how the peer could use a high port instead (e.g. U-Boot's `tftpdstp`); replaces the generic hint. */
  highPortHint?: string;
}

const PURPOSES = ['failsafe', 'hear', 'tftp', 'screen'] as const;

/** The purpose as a catalogue choice (its words then follow the language shown), or as it was given. */
function purposeValues(purpose: string): { purpose: string; purposeText: string } {
  const known = PURPOSES.find((k) => english('platform.purpose', { purpose: k, purposeText: '' }) === purpose);
  return { purpose: known ?? 'other', purposeText: known ? '' : purpose };
}

/** The hint for a low port, as a catalogue choice: the TFTP server's own, the usual one, or as it was given. */
function hintValues(hint: string | undefined, os: PlatformName): { hint: string; hintText: string } {
  if (hint === undefined) return { hint: 'none', hintText: '' };
  const own = english('error.PORT_NOT_PERMITTED.fix', { os, low: 'yes', hint: 'tftp', hintText: '', sysctl: '', setcap: '', purpose: '', purposeText: '' });
  const mine = english('error.PORT_NOT_PERMITTED.fix', { os, low: 'yes', hint: 'other', hintText: hint, sysctl: '', setcap: '', purpose: '', purposeText: '' });
  return own === mine ? { hint: 'tftp', hintText: '' } : { hint: 'other', hintText: hint };
}

/** Explain a failed bind in the product's voice, with fixes for this OS. */
export function explainBindError(err: unknown, ctx: BindErrorContext, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? 'UNKNOWN';
  const where = { protocol: ctx.protocol.toUpperCase(), port: ctx.port, address: ctx.address === '0.0.0.0' ? 'all' : ctx.address };
  const details = `${code}: ${e?.message ?? String(err)}`;
  const purpose = purposeValues(ctx.purpose);
  if (code === 'EADDRINUSE') {
    const command =
      platform === 'win32'
        ? `netstat -ano -p ${ctx.protocol} | findstr :${ctx.port}`
        : platform === 'darwin'
          ? `sudo lsof -nP -i ${ctx.protocol.toUpperCase()}:${ctx.port}`
          : `sudo ss -${ctx.protocol === 'udp' ? 'u' : 't'}lpn 'sport = :${ctx.port}'`;
    return fault('PORT_IN_USE', { ...where, ...purpose, os: platform, command }, { details });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return fault(
      'PORT_NOT_PERMITTED',
      {
        ...where,
        ...purpose,
        os: platform,
        low: ctx.port < 1024 ? 'yes' : 'no',
        sysctl: `sudo sysctl -w net.ipv4.ip_unprivileged_port_start=${ctx.port}`,
        setcap: `sudo setcap cap_net_bind_service=+ep "$(readlink -f '${process.execPath}')"`,
        ...hintValues(ctx.highPortHint, platform),
      },
      { details },
    );
  }
  if (code === 'EADDRNOTAVAIL') return fault('ADDRESS_NOT_HERE', { address: ctx.address }, { details });
  return fault('BIND_FAILED', { ...where, ...purpose }, { details });
}

/** Explain a failure to open or use a serial port, with the fix for this OS. */
export function explainSerialError(err: unknown, portPath: string, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  const details = text.trim();
  const values = { port: portPath, os: platform };
  if (/ENOENT|No such file|cannot find the file|File not found/i.test(text)) return fault('SERIAL_NOT_FOUND', values, { details });
  if (/EACCES|EPERM|Permission denied|Access denied/i.test(text))
    return platform === 'win32' ? fault('SERIAL_BUSY', { ...values, why: 'access' }, { details }) : fault('SERIAL_NOT_PERMITTED', values, { details });
  if (/EBUSY|Resource busy|Cannot lock port/i.test(text)) return fault('SERIAL_BUSY', { ...values, why: 'busy' }, { details });
  if (/EIO|Input\/output error|disconnected|device not configured|ENXIO/i.test(text)) return fault('SERIAL_UNPLUGGED', values, { details });
  return fault('SERIAL_FAILED', values, { details });
}

/** DTR/RTS/break on a port without modem lines (a pty, a 3-wire adapter): say so, do not crash. */
export function explainSignalsUnsupported(err: unknown, portPath: string): RbFault {
  return fault('SERIAL_SIGNALS_UNSUPPORTED', { port: portPath }, { details: (err as Error)?.message ?? String(err) });
}
