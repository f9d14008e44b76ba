/**
 * What an operating-system error means, in the product's words (three parts), with the fix for this OS: a port
 * that cannot be opened, a serial port that cannot be used.
 */
import { RbFault } from '../../src-shared/errors';
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

/** Explain a failed bind in the product's voice, with fixes for this OS. */
export function explainBindError(err: unknown, ctx: BindErrorContext, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? 'UNKNOWN';
  const where = `${ctx.protocol.toUpperCase()} port ${ctx.port} on ${ctx.address === '0.0.0.0' ? 'all network connections' : ctx.address}`;
  const details = `${code}: ${e?.message ?? String(err)}`;
  if (code === 'EADDRINUSE') {
    const finder =
      platform === 'win32'
        ? `In a Command Prompt, run: netstat -ano -p ${ctx.protocol} | findstr :${ctx.port}  (the last number is the program's process ID; Task Manager shows it under Details).`
        : platform === 'darwin'
          ? `In Terminal, run: sudo lsof -nP -i ${ctx.protocol.toUpperCase()}:${ctx.port}`
          : `In a terminal, run: sudo ss -${ctx.protocol === 'udp' ? 'u' : 't'}lpn 'sport = :${ctx.port}'`;
    return new RbFault({
      code: 'PORT_IN_USE',
      message: `Another program is already using ${where}.`,
      meaning: `Rescue Bench needs that port to ${ctx.purpose}. Two programs cannot both own it.`,
      fix: `Close the other program (often another TFTP server, Wireshark helper or a second Rescue Bench), then try again. ${finder}`,
      details,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const low = ctx.port < 1024;
    const fix =
      platform === 'linux'
        ? low
          ? `Ports below 1024 need extra rights on Linux. Either allow low ports for everyone once: sudo sysctl -w net.ipv4.ip_unprivileged_port_start=${ctx.port}  (add it to /etc/sysctl.d/ to keep it), or give the program the right: sudo setcap cap_net_bind_service=+ep "$(readlink -f '${process.execPath}')". ${ctx.highPortHint ?? "Where the router's bootloader allows it, use a high port such as 6969 instead."}`
          : 'Check that no firewall or security module (AppArmor, SELinux) blocks Rescue Bench from opening network ports.'
        : platform === 'darwin'
          ? low
            ? `macOS before 10.14 needs administrator rights for ports below 1024. Update macOS, or use a high port. ${ctx.highPortHint ?? 'Use a port such as 6969 where the bootloader allows it.'}`
            : 'Open System Settings → Network → Firewall → Options and allow incoming connections for Rescue Bench.'
          : 'Windows Defender Firewall may be blocking Rescue Bench. Open "Allow an app through Windows Firewall" and tick Rescue Bench for Private networks, then try again.';
    return new RbFault({
      code: 'PORT_NOT_PERMITTED',
      message: `This computer did not allow Rescue Bench to open ${where}.`,
      meaning: `Without it Rescue Bench cannot ${ctx.purpose}.`,
      fix,
      details,
    });
  }
  if (code === 'EADDRNOTAVAIL') {
    return new RbFault({
      code: 'ADDRESS_NOT_HERE',
      message: `This computer does not have the address ${ctx.address}.`,
      meaning: 'The network connection with that address is unplugged, switched off, or has a different address now.',
      fix: 'Plug in the cable to the router, check the computer\'s address for that connection, then choose it again from the list.',
      details,
    });
  }
  return new RbFault({
    code: 'BIND_FAILED',
    message: `Rescue Bench could not open ${where}.`,
    meaning: `It cannot ${ctx.purpose} until this works.`,
    fix: 'Try again. If it keeps failing, restart the computer\'s network connection.',
    details,
  });
}

/** Explain a failure to open or use a serial port, with the fix for this OS. */
export function explainSerialError(err: unknown, portPath: string, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  const details = text.trim();
  if (/ENOENT|No such file|cannot find the file|File not found/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_NOT_FOUND',
      message: `There is no serial port called ${portPath}.`,
      meaning: 'The adapter is not plugged in, or it has a different name on this computer.',
      fix: platform === 'win32' ? 'Plug the adapter in, then pick it from the list (Device Manager → Ports shows its COM number).' : platform === 'darwin' ? 'Plug the adapter in, then pick it from the list (on a Mac its name starts with /dev/cu.).' : 'Plug the adapter in, then pick it from the list (USB adapters are usually /dev/ttyUSB0 or /dev/ttyACM0).',
      details,
    });
  }
  if (/EACCES|EPERM|Permission denied|Access denied/i.test(text)) {
    return new RbFault({
      code: platform === 'win32' ? 'SERIAL_BUSY' : 'SERIAL_NOT_PERMITTED',
      message: platform === 'win32' ? `${portPath} is in use by another program.` : `This computer did not let Rescue Bench open ${portPath}.`,
      meaning: 'The console cannot talk to the router until this is fixed.',
      fix:
        platform === 'win32'
          ? 'Close PuTTY, a second Rescue Bench or any other serial program, then try again.'
          : platform === 'darwin'
            ? 'Close any other serial program (screen, CoolTerm), then try again.'
            : 'Add yourself to the group that owns serial ports, then log out and in again: sudo usermod -aG dialout "$USER"  (on Arch and Fedora the group is uucp or dialout).',
      details,
    });
  }
  if (/EBUSY|Resource busy|Cannot lock port/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_BUSY',
      message: `${portPath} is in use by another program.`,
      meaning: 'Two programs cannot read the same serial port.',
      fix: platform === 'linux' ? 'Close screen, minicom or picocom. If ModemManager grabs the adapter, stop it: sudo systemctl stop ModemManager' : 'Close the other serial program, then try again.',
      details,
    });
  }
  if (/EIO|Input\/output error|disconnected|device not configured|ENXIO/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_UNPLUGGED',
      message: `The serial adapter (${portPath}) stopped answering.`,
      meaning: 'It was probably unplugged or lost power.',
      fix: 'Plug it back in; the console reconnects by itself.',
      details,
    });
  }
  return new RbFault({
    code: 'SERIAL_FAILED',
    message: `Rescue Bench could not use ${portPath}.`,
    meaning: 'The console is not connected.',
    fix: 'Unplug the adapter, plug it in again and reopen the port.',
    details,
  });
}

/** DTR/RTS/break on a port without modem lines (a pty, a 3-wire adapter): say so, do not crash. */
export function explainSignalsUnsupported(err: unknown, portPath: string): RbFault {
  return new RbFault({
    code: 'SERIAL_SIGNALS_UNSUPPORTED',
    message: `${portPath} does not support DTR, RTS or break.`,
    meaning: 'This port has no such lines (a virtual port, or an adapter wired with only TX, RX and ground). The console itself keeps working.',
    fix: 'Nothing to do unless your router needs DTR/RTS to reset: then use an adapter that has those pins wired.',
    details: (err as Error)?.message ?? String(err),
  });
}
