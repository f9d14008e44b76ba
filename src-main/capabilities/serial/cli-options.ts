import { SerialSettingsSchema, type SerialSettings } from '../../../src-shared/capabilities/serial/contract';
import { watchProfileChoices } from './service';
import { UsageError } from '../../cli/types';

/** The options every command that opens a serial port takes, and their checking (serial watch, uboot). */
export const SERIAL_OPTIONS = {
  port: { type: 'string' },
  baud: { type: 'string', default: '115200' },
  profile: { type: 'string', default: 'generic' },
} as const;

export function serialConnection(values: { port?: string | undefined; baud?: string | undefined; profile?: string | undefined }): { port: string; settings: SerialSettings; profile: string } {
  if (!values.port) throw new UsageError('--port PATH is required: the serial port the router is connected to (e.g. /dev/ttyUSB0); `serial ports` lists them');
  const settings = SerialSettingsSchema.safeParse({ baud: Number(values.baud ?? '115200') });
  if (!settings.success) throw new UsageError(`--baud must be a number such as 115200, not "${values.baud}"`);
  const profile = values.profile ?? 'generic';
  if (!watchProfileChoices().some((p) => p.id === profile)) throw new UsageError(`--profile must be one of: ${watchProfileChoices().map((p) => p.id).join(', ')}`);
  return { port: values.port, settings: settings.data, profile };
}

