import { z } from 'zod';
import { command, event, Empty, Ok, RbErrorSchema } from '../../contract/common';
import { RunOptionsSchema, RunSnapshotSchema } from '../playbook';

/**
 * The bench station (issue 17): several routers at once. A slot is one router's place on the bench — a network
 * card and/or a serial port — with its own guide run (and so its own journal and job), its own monitor, TFTP
 * binding and sessions. Slots are kept in the data folder; their runs live in the process that started them.
 */
export const SLOT_COLOURS = 8;

export const SlotSchema = z.object({
  /** "slot-1", "slot-2", …: stable, never reused while the slot exists. */
  id: z.string().regex(/^slot-[0-9]{1,3}$/),
  /** What the technician calls it: the number on the bench ("1") or a name ("Left shelf"). */
  name: z.string().min(1).max(40),
  /** Which of the eight slot colours (and sounds) it has: 0–7. */
  colour: z.number().int().min(0).max(SLOT_COLOURS - 1),
  /** The network card the router is plugged into (eth1, enp3s0, "Ethernet 2"). */
  interface: z.string().min(1).max(64).optional(),
  /** The serial port of the router's console (a USB serial adapter). */
  serialPath: z.string().min(1).max(512).optional(),
});
export type Slot = z.infer<typeof SlotSchema>;

/** Which router is in the slot, as far as its run has told (MAC, board, model once known). */
export const SlotRouterSchema = z.object({
  mac: z.string().max(17).optional(),
  board: z.string().max(128).optional(),
  model: z.string().max(256).optional(),
});
export type SlotRouter = z.infer<typeof SlotRouterSchema>;

/** A long step's progress with its rate and time left (bytes; the bar on the slot's card). */
export const SlotProgressSchema = z.object({
  slotId: z.string(),
  runId: z.string(),
  stepId: z.string(),
  done: z.number().nonnegative(),
  /** 0: the size is not known before the end (the settings backup): an indeterminate bar with the bytes so far. */
  total: z.number().nonnegative(),
  /** Bytes per second over the last few seconds; absent until two samples are in. */
  bytesPerS: z.number().nonnegative().optional(),
  /** Seconds left at that rate. */
  etaS: z.number().nonnegative().optional(),
  at: z.number(),
});
export type SlotProgress = z.infer<typeof SlotProgressSchema>;

/**
 * The slot as the station shows it. `state`: idle (no run yet), running, paused (its card lost the link: the run
 * waits before its next step), and the run's end states. `problems`: what is wrong with the slot itself (not a
 * step of its run), each in three parts: the card lost its link, the router moved to another card.
 */
export const SlotStateSchema = z.enum(['idle', 'running', 'paused', 'done', 'failed', 'stopped', 'interrupted']);
export type SlotState = z.infer<typeof SlotStateSchema>;

export const SlotStatusSchema = SlotSchema.extend({
  state: SlotStateSchema,
  run: RunSnapshotSchema.optional(),
  router: SlotRouterSchema,
  /** The address this computer uses on the slot's card to reach its router. */
  sourceAddress: z.string().max(64).optional(),
  progress: SlotProgressSchema.optional(),
  problems: z.array(RbErrorSchema),
});
export type SlotStatus = z.infer<typeof SlotStatusSchema>;

const SlotId = z.object({ slotId: z.string().max(16) });

export const stationCommands = {
  'station.list': command(
    'Every slot of this bench with its router, run and progress, and the guides a slot can run',
    Empty,
    z.object({ slots: z.array(SlotStatusSchema), playbooks: z.array(z.object({ id: z.string(), title: z.string() })) }),
  ),
  'station.add': command(
    'Add a slot: a network card and/or a serial port (no two slots share one)',
    z.object({ name: z.string().min(1).max(40).optional(), interface: z.string().min(1).max(64).optional(), serialPath: z.string().min(1).max(512).optional() }),
    SlotStatusSchema,
  ),
  'station.remove': command('Remove a slot (refused while its guide runs)', SlotId, Ok),
  'station.start': command(
    "Start a guide in a slot, through the slot's card and port; several slots run at once",
    SlotId.extend({ playbookId: z.string().max(64), options: RunOptionsSchema.partial().default({}) }),
    SlotStatusSchema,
  ),
  'station.respond': command(
    "Answer the question a slot's guide waits on",
    SlotId.extend({ promptId: z.string().max(64), choice: z.string().max(64), input: z.string().max(256).optional() }),
    SlotStatusSchema,
  ),
  'station.stop': command("Stop a slot's guide (the others go on)", SlotId, SlotStatusSchema),
};

export const stationEvents = {
  'station.slot': event('A slot changed: its run, router, state or problems', SlotStatusSchema),
  'station.progress': event("A slot's long step moved on (bytes done, rate, time left)", SlotProgressSchema),
  'station.removed': event('A slot was removed', SlotId),
};
