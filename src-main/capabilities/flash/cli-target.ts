import { SessionTargetSchema, type SessionTarget } from '../../../src-shared/capabilities/device';
import { UsageError, type CliIo } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { said } from '../../../src-shared/i18n/said';
import { english } from '../../../src-shared/i18n/translate';

/** Options shared by `backup`, `restore` and `device inspect`: how to reach the router. */
export const targetOptions = {
  host: { type: 'string' },
  port: { type: 'string' },
  ssh: { type: 'boolean', default: false },
  telnet: { type: 'boolean', default: false },
  user: { type: 'string', default: 'root' },
  password: { type: 'string' },
  'ask-password': { type: 'boolean', default: false },
  key: { type: 'string' },
  'session-only-key': { type: 'boolean', default: false },
  /** The network card the router is on (a station with several routers at one address; issue 17). */
  interface: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export { onInterface } from '../../cli/on-card';

interface TargetValues {
  host?: string | undefined;
  port?: string | undefined;
  ssh?: boolean | undefined;
  telnet?: boolean | undefined;
  user?: string | undefined;
  password?: string | undefined;
  'ask-password'?: boolean | undefined;
  key?: string | undefined;
  'session-only-key'?: boolean | undefined;
}

/** The router's login password comes from here (or a prompt), never from the command line if it can be helped. */
const PASSWORD_ENV = 'RB_PASSWORD';

/**
 * The router password, from (in this order) --ask-password (a prompt on the terminal, nothing echoed), the
 * RB_PASSWORD environment variable, or --password, which still works but warns: a command line is visible to
 * every user of this computer (ps) and stays in the shell's history.
 */
async function passwordFrom(v: TargetValues, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = [v['ask-password'] ? '--ask-password' : '', v.password !== undefined ? '--password' : ''].filter(Boolean);
  if (given.length > 1) throw new UsageError(said('flash.cli.usage.passwordBoth'));
  if (given.length && v.key) throw new UsageError(said('flash.cli.usage.passwordOrKey', { flag: given[0]! }));
  if (v.key) return undefined; // a key file was chosen: RB_PASSWORD, if set for other uses, is not consulted
  if (v['ask-password']) {
    const typed = io.askSecret ? await io.askSecret((io.t ?? english)('flash.cli.passwordPrompt', { user: v.user ?? 'root', host: v.host ?? 'the router' })) : undefined;
    if (typed === undefined) throw new UsageError(said('flash.cli.usage.askPassword', { env: PASSWORD_ENV }));
    return typed;
  }
  if (v.password !== undefined) {
    io.err((io.t ?? english)('flash.cli.passwordWarning', { env: PASSWORD_ENV }));
    return v.password;
  }
  return env[PASSWORD_ENV];
}

/** The session target from the flags, with the password resolved by passwordFrom. */
export async function targetWithPassword(v: TargetValues, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<SessionTarget> {
  if (!v.host) throw new UsageError(said('flash.cli.usage.host'));
  const password = await passwordFrom(v, io, env);
  if (v.ssh && v.telnet) throw new UsageError(said('flash.cli.usage.sshOrTelnet'));
  return requestFromFlags(
    SessionTargetSchema,
    {
      host: v.host,
      ...(v.port !== undefined ? { port: num(v.port) } : {}),
      method: v.ssh ? 'ssh' : v.telnet ? 'telnet' : 'auto',
      user: v.user ?? 'root',
      ...(password !== undefined ? { password } : {}),
      ...(v.key ? { keyFile: v.key } : {}),
      hostKeyPolicy: v['session-only-key'] ? 'session-only' : 'remember',
    },
    {
      host: { flag: '--host', given: v.host },
      port: { flag: '--port', given: v.port },
      user: { flag: '--user', given: v.user },
      password: { flag: '--password', expect: said('flash.cli.takes.password') },
      keyFile: { flag: '--key', given: v.key },
    },
  );
}
