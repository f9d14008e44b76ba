import { RbFault } from '../../src-shared/errors';
import { describeCommand } from './shell';

/** The session module's three-part errors (what happened, what it means, what to do). */
export function connectFault(err: unknown, host: string, port: number, method: string): RbFault {
  const e = err as NodeJS.ErrnoException & { level?: string };
  const code = e?.code ?? '';
  const details = `${method} ${host}:${port}: ${code ? code + ' ' : ''}${e?.message ?? String(err)}`;
  if (code === 'ECONNREFUSED')
    return new RbFault({
      code: 'CONNECT_REFUSED',
      message: `The router at ${host} refused a ${method === 'ssh' ? 'SSH' : 'telnet'} connection on port ${port}.`,
      meaning: method === 'ssh'
        ? 'The router is there, but no SSH server is listening. Old OpenWrt releases use telnet in rescue mode instead.'
        : 'The router is there, but no telnet server is listening on that port.',
      fix: method === 'ssh' ? 'Try again with telnet (choose "Automatic" to try both). If the router is still starting, wait 30 seconds.' : 'Check the port, or try SSH. If the router is still starting, wait 30 seconds.',
      details,
    });
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT' || e?.level === 'client-timeout')
    return new RbFault({
      code: 'CONNECT_TIMEOUT',
      message: `The router at ${host} did not answer.`,
      meaning: 'Either the router is not at that address, it is still starting, or the cable is in the wrong port.',
      fix: 'Check that the cable goes from this computer to a LAN port (not WAN) and that this computer has an address like 192.168.1.10. Then try again.',
      details,
    });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return new RbFault({
      code: 'HOST_UNREACHABLE',
      message: `This computer has no way to reach ${host}.`,
      meaning: 'No network connection of this computer is on the same network as the router.',
      fix: 'Plug the cable in and give this computer a fixed address in the router\'s network, for example 192.168.1.10 with mask 255.255.255.0.',
      details,
    });
  if (e?.level === 'client-authentication')
    return new RbFault({
      code: 'AUTH_FAILED',
      message: `The router at ${host} did not accept the login.`,
      meaning: 'The user name, password or key is not the one the router expects.',
      fix: 'Check the password. In rescue mode (failsafe) the user is root with no password. If you set a password and forgot it, start the router in rescue mode.',
      details,
    });
  return new RbFault({
    code: 'CONNECT_FAILED',
    message: `Could not open a ${method === 'ssh' ? 'SSH' : 'telnet'} session to ${host}.`,
    meaning: 'Nothing was changed on the router.',
    fix: 'Check the cable and the address, then try again.',
    details,
  });
}

export function sessionLostFault(host: string, what: string, details?: string): RbFault {
  return new RbFault({
    code: 'SESSION_LOST',
    message: `The connection to the router at ${host} dropped while ${what}.`,
    meaning: 'The step did not finish. Anything it was copying is incomplete and is not kept as good.',
    fix: 'Check the cable and that the router still has power, then try again.',
    ...(details ? { details } : {}),
  });
}

/** The details name the command's programs only: its arguments or input may hold a secret (a new password). */
export function commandTimeoutFault(host: string, cmd: string, ms: number): RbFault {
  return new RbFault({
    code: 'COMMAND_TIMEOUT',
    message: `The router did not finish a command within ${Math.round(ms / 1000)} seconds.`,
    meaning: 'It may be very busy or stuck. The command was stopped.',
    fix: 'Try again. If it happens again, restart the router and reconnect.',
    details: `${host}: ${describeCommand(cmd)}`,
  });
}

/** Telnet bulk data needs nc on the router; this one has none (neither `nc` nor `busybox nc`). */
export function routerHasNoNcFault(host: string, details?: string): RbFault {
  return new RbFault({
    code: 'ROUTER_HAS_NO_NC',
    message: `The router at ${host} has no "nc" command, which copying data over telnet needs.`,
    meaning: 'Telnet itself mangles binary data, so the bytes travel on a separate connection that the router opens with `nc`. Without it nothing can be copied over telnet; nothing was copied or kept.',
    fix: 'Use SSH if the router has it (OpenWrt 15.05 and later in rescue mode), or start an OpenWrt initramfs image that includes nc, then try again.',
    ...(details ? { details } : {}),
  });
}

/**
 * A command stopped because the caller asked (ExecOptions.signal): over SSH the channel gets SIGTERM and is
 * closed, over telnet the terminal gets Ctrl-C. No command text in the details: it may hold a secret.
 */
export function commandCancelledFault(host: string): RbFault {
  return new RbFault({
    code: 'CANCELLED',
    message: 'The command on the router was stopped.',
    meaning: 'You asked to stop, so the router was told to stop it; what it was doing did not finish.',
    fix: 'Start it again when you are ready.',
    details: host,
  });
}

/** A telnet copy's data has ended, but the router's exit status never came (a cable pulled in between). */
export function exitStatusLostFault(host: string, ms: number): RbFault {
  return sessionLostFault(host, 'waiting for the router to confirm the end of a copy', `no answer on the telnet connection for ${Math.round(ms / 1000)} s after the data connection ended`);
}
