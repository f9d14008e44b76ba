import type { z } from 'zod';
import { serialCommands } from '../../../src-shared/capabilities/serial/contract';
import { UsageError } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import type { ContractSession } from '../../cli/transport';
import { said } from '../../../src-shared/i18n/said';

/** The options every command that opens a serial port takes, and their checking (serial watch, uboot). */
export const SERIAL_OPTIONS = {
  port: { type: 'string' },
  baud: { type: 'string', default: '115200' },
  profile: { type: 'string', default: 'generic' },
} as const;

export type SerialOpenRequest = z.output<(typeof serialCommands)['serial.open']['request']>;

/** The serial.open request the flags describe, checked with the contract's schema. */
export function serialConnection(values: { port?: string | undefined; baud?: string | undefined; profile?: string | undefined }, autoStop = false): SerialOpenRequest {
  if (!values.port) throw new UsageError(said('serial.cli.usage.port'));
  return requestFromFlags(
    serialCommands['serial.open'].request,
    { path: values.port, settings: { baud: num(values.baud ?? '115200') }, profile: values.profile ?? 'generic', autoStop },
    {
      path: { flag: '--port', given: values.port },
      'settings.baud': { flag: '--baud', given: values.baud, expect: said('serial.cli.takes.baud') },
      profile: { flag: '--profile', given: values.profile },
    },
  );
}

/** A watcher profile must be one the workstation has (serial.sessions lists them): a usage mistake otherwise. */
export async function checkProfile(t: ContractSession, profile: string): Promise<void> {
  const { profiles } = await t.invoke('serial.sessions', {});
  if (!profiles.some((p) => p.id === profile)) throw new UsageError(said('serial.cli.usage.profile', { profiles: profiles.map((p) => p.id).join(', ') }));
}
