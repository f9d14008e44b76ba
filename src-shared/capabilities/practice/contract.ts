import { z } from 'zod';
import { command, event, Empty, RbErrorSchema, SaidMessageSchema } from '../../contract/common';

export const PracticeScenarioIdSchema = z.enum(['forgot-password', 'broken-settings', 'factory-firmware', 'bootloader-only', 'tplink-recovery']);
/** vendor: the maker's firmware runs (a web page, no SSH); recovery: the bootloader's own recovery fetches a file. */
export const PracticeModeSchema = z.enum(['off', 'bootloader', 'preinit', 'failsafe', 'running', 'halted', 'vendor', 'recovery']);

/**
 * The practice router as the screens see it. `target` is what a flow needs to reach it instead of 192.168.1.1:
 * the run options the failsafe guide, the device and flash screens take (routerAddress, sshPort…).
 */
export const PracticeStateSchema = z.object({
  /** True once a scenario is loaded and its servers listen (the router itself may still be off). */
  ready: z.boolean(),
  scenario: PracticeScenarioIdSchema.optional(),
  mode: PracticeModeSchema,
  /** The LED the picture shows: the same patterns as the failsafe guide (LED_PATTERNS). */
  led: z.enum(['off', 'preinit', 'regular', 'failsafe', 'steady']),
  target: z
    .object({
      routerAddress: z.string(),
      sshPort: z.number().int(),
      telnetPort: z.number().int(),
      /** The UDP port its preinit messages go to on 127.0.0.1 (the failsafe monitor's). */
      netmsgPort: z.number().int(),
      consolePath: z.string(),
      profileId: z.string(),
      /** A free UDP port on 127.0.0.1 for our TFTP server when the practice U-Boot fetches (its tftpdstp). */
      tftpPort: z.number().int(),
      /** Seconds its rescue window stays open (the failsafe guide's windowS). */
      windowS: z.number(),
      /** Where its web page answers when the maker's firmware runs (a free port: port 80 needs root). */
      webPort: z.number().int(),
      /** The practice firmware files in the data folder (the maker's-firmware stand-in, an OpenWrt upgrade). */
      images: z.object({ vendor: z.string(), openwrt: z.string(), tplink: z.string() }).optional(),
    })
    .optional(),
  /** What happened, newest last (plain words, for the practice panel). */
  /** What the router did: the English line, and for our own sentences their catalogue id and values (decision 0137). */
  log: z.array(z.object({ at: z.number(), text: z.string().max(2000), msg: SaidMessageSchema.optional() })),
  /** Milliseconds from the start command to a listening router (measured in benchmarks/practice). */
  startedInMs: z.number().optional(),
  error: RbErrorSchema.optional(),
});
export type PracticeState = z.infer<typeof PracticeStateSchema>;

export const practiceCommands = {
  'practice.status': command('The practice router: scenario, mode and where it listens', Empty, PracticeStateSchema),
  'practice.start': command(
    'Load a practice scenario and start the practice router on loopback (switched off until practice.power)',
    z.object({ scenario: PracticeScenarioIdSchema, netmsgPort: z.number().int().min(1).max(65535).default(4919) }),
    PracticeStateSchema,
  ),
  'practice.power': command('Switch the practice router on (it starts) or off', z.object({ on: z.boolean() }), PracticeStateSchema),
  'practice.button': command("Press the practice router's Reset button", Empty, PracticeStateSchema),
  'practice.reset': command('Put the scenario back as it was at the start (flash, settings, password)', Empty, PracticeStateSchema),
  'practice.stop': command('Stop the practice router and close its ports', Empty, PracticeStateSchema),
};

export const practiceEvents = {
  'practice.state': event('The practice router changed (mode, light, log line)', PracticeStateSchema),
};
