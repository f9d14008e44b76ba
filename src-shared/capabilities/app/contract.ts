import { z } from 'zod';
import { command, Empty, Ipv4Schema } from '../../contract/common';

export const HostInterfaceSchema = z.object({
  name: z.string(),
  address: Ipv4Schema,
  netmask: Ipv4Schema,
  cidr: z.string(),
  mac: z.string(),
  internal: z.boolean(),
});
export type HostInterface = z.infer<typeof HostInterfaceSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  dataDir: z.string(),
  /** Which process serves the contract: the Electron main process or a bench server. */
  host: z.enum(['electron', 'bench-server', 'cli']),
  /** The system's preferred languages (the desktop app): the screen's language until the person picks one. */
  languages: z.array(z.string().max(35)).max(16).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appCommands = {
  'app.info': command('Name, version and platform of the running workstation', Empty, AppInfoSchema),
  'net.interfaces': command(
    "This computer's IPv4 network interfaces",
    Empty,
    z.object({ interfaces: z.array(HostInterfaceSchema) }),
  ),
};
export const appEvents = {};
