import { RbFault } from '../../src-shared/errors';
import { sessionLostFault } from './faults';

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
