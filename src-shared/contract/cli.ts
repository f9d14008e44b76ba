/**
 * What the command line prints: the CLI is the contract's third transport (docs/decisions/0043-cli-is-a-transport.md).
 *
 * With --json every line on stdout is one envelope, the same for every command:
 *
 *   {"event": NAME, "at": <ms since epoch, when printed>, "payload": …}
 *
 * NAME is either a contract event (`tftp.transfer`, `failsafe.datagram`, `flash.backup.progress`…: the payload is
 * that event's schema, exactly as the Electron window and the browser receive it) or one of the CLI's own lines
 * in `cliOutput` below (`cli.*`). The last line of every command is `cli.result`: `ok` with the command's value,
 * or the reason it failed in three parts (exit status 1; 2 for a usage mistake). Without --json the same run is
 * told in plain sentences. The contract surface snapshot covers these schemas.
 */
import { z } from 'zod';
import { event, RbErrorSchema } from './common';
import { MonitorStateSchema } from '../capabilities/failsafe';
import { RunSnapshotSchema } from '../capabilities/playbook';
import { TftpPutResultSchema, TftpServerStateSchema } from '../capabilities/tftp';
import { InspectionReportSchema, VerdictSchema } from '../capabilities/firmware';
import { BackupResultSchema, RestoreResultSchema } from '../capabilities/flash';
import { UbootRunSchema } from '../capabilities/uboot';
import { AutobaudResultSchema, SerialPortInfoSchema, SerialSessionSchema } from '../capabilities/serial';
import { netCommands, NetCheckSchema, NetLeaseInfoSchema } from '../capabilities/net';
import { NmrpRunSchema } from '../capabilities/nmrp';
import { RecoverPlanSchema } from '../capabilities/recover';
import { BootSlotResultSchema, UpgradeOutcomeSchema } from '../capabilities/upgrade';
import { jobsCommands, JobSchema, JobsStatusSchema } from '../capabilities/jobs';
import { stationCommands } from '../capabilities/station';

/** One line of --json output. `payload` is checked by the schema its `event` names (cliOutput or the contract's events). */
export const CliEnvelopeSchema = z
  .object({
    event: z.string().min(1).max(128),
    at: z.number().int().nonnegative(),
    payload: z.unknown(),
  })
  .strict();
export type CliEnvelope = z.infer<typeof CliEnvelopeSchema>;

/** `serve`: where the browser server listens; `url` opens the screen (it carries the access token). */
export const CliListeningSchema = z.object({
  url: z.string(),
  port: z.number().int().min(0).max(65535),
  bind: z.string(),
});

/**
 * What each command's `cli.result` carries as `value`: the reply of the contract command that finished the work
 * (or, for a long-running command, of the one that stopped it), so a script reads the same shapes as the screen.
 */
export const cliResults = {
  serve: CliListeningSchema,
  /** failsafe.monitor.stop's reply: what was heard (received, suppressed) when Ctrl-C stopped it. */
  'failsafe watch': MonitorStateSchema,
  /** The run's last snapshot (playbook.run) and the journal it was written to. */
  'failsafe rescue': z.object({ run: RunSnapshotSchema, journal: z.string() }),
  /** tftp.server.stop's reply. */
  'tftp serve': TftpServerStateSchema,
  /** tftp.put's reply: what the router acknowledged (bytes, sha256, the block size and window used). */
  'tftp put': TftpPutResultSchema,
  /** firmware.inspect's reply and, with --device, firmware.verdict's. */
  inspect: z.object({ inspection: InspectionReportSchema, verdict: VerdictSchema.optional() }),
  /** The flash.backup.done event's result. */
  backup: BackupResultSchema,
  /** flash.restore.run's reply (a dry run too: then only the plan). */
  restore: RestoreResultSchema,
  /** The run as its last uboot.state event reported it. */
  uboot: UbootRunSchema,
  /** serial.ports' reply. */
  'serial ports': z.object({ ports: z.array(SerialPortInfoSchema), note: z.string().optional() }),
  /** serial.close's reply: the session as it ended. */
  'serial watch': SerialSessionSchema,
  /** net.list's reply. */
  'net list': netCommands['net.list'].reply,
  /** net.check's reply. */
  'net check': NetCheckSchema,
  /** net.address.add's reply: what was set, and how permission was given. */
  'net address add': NetLeaseInfoSchema,
  /** net.address.remove's reply: the lease as it ended. */
  'net address remove': NetLeaseInfoSchema,
  /** nmrp.status's reply once the run settled: its stages, the image check, and the fault when it failed. */
  'recover netgear': NmrpRunSchema,
  /** recover tplink|asus|ubiquiti|dlink: the file's plan (what the router got, cut or not), the run's last snapshot and its journal. */
  recover: z.object({ plan: RecoverPlanSchema, run: RunSnapshotSchema.optional(), journal: z.string().optional() }),
  /** The run's last snapshot, its journal, and what it found out (verified firmware, the router's words, timing). */
  'firmware flash': UpgradeOutcomeSchema,
  /** As firmware flash; without --yes only the plan (no run). */
  'firmware return-to-stock': UpgradeOutcomeSchema.partial({ run: true }),
  /** What boot_part/bootcmd were, what changes (or changed: read back); changed false without --yes. */
  'firmware boot-slot': BootSlotResultSchema,
  /** jobs.list's reply: the jobs newest first, from the shop server or this station (then `note` says why). */
  'jobs list': jobsCommands['jobs.list'].reply,
  /** jobs.show's reply, and jobs.history's for the same router ("seen before"). */
  'jobs show': z.object({ job: JobSchema, history: jobsCommands['jobs.history'].reply }),
  /** Where the report was saved, as which kind, its size, and whether the job was still running. */
  'jobs report': z.object({ path: z.string(), format: z.enum(['html', 'pdf']), bytes: z.number().int().nonnegative(), running: z.boolean() }),
  /** jobs.rebuild's reply. */
  'jobs rebuild': jobsCommands['jobs.rebuild'].reply,
  /** jobs.note's reply: the job with the note. */
  'jobs note': JobSchema,
  /** jobs.settings' (or, without a change, jobs.status') reply. */
  'jobs settings': JobsStatusSchema,
  /** station.list's reply after the change asked for: every slot, and the guides a slot can run. */
  'station slots': stationCommands['station.list'].reply,
} as const;
export type CliCommandName = keyof typeof cliResults;
export type CliValue<C extends CliCommandName> = z.output<(typeof cliResults)[C]>;

function resultOf<C extends CliCommandName>(command: C) {
  const value = cliResults[command];
  return z.discriminatedUnion('ok', [
    z.object({ command: z.literal(command), ok: z.literal(true), value }),
    // A failure may carry what was done so far (the partitions copied, the plan that was refused, the run's steps).
    z.object({ command: z.literal(command), ok: z.literal(false), error: RbErrorSchema, value: value.optional() }),
  ]);
}

const commandNames = Object.keys(cliResults) as CliCommandName[];
const [firstResult, ...otherResults] = commandNames.map(resultOf);
export const CliResultSchema = z.union([firstResult!, ...otherResults]);
export type CliResult<C extends CliCommandName = CliCommandName> =
  | { command: C; ok: true; value: CliValue<C> }
  | { command: C; ok: false; error: z.infer<typeof RbErrorSchema>; value?: CliValue<C> };

/** `failsafe rescue`: how the command line answered a question of the run (then it sends playbook.respond). */
export const CliAnswerSchema = z.object({
  runId: z.string(),
  promptId: z.string(),
  step: z.string(),
  question: z.string(),
  choice: z.string(),
});

/** `recover`: one line per step of the run when it ends (done, failed or skipped), with what it found. */
export const CliStepSchema = z.object({
  runId: z.string(),
  step: z.string(),
  index: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  title: z.string(),
  state: z.enum(['done', 'failed', 'skipped']),
  evidence: z.array(z.string()),
  error: RbErrorSchema.optional(),
});

/** A reply to a contract command sent on the way, where no event carries what it says. */
export const CliReplySchema = z.discriminatedUnion('command', [
  /** `serial watch --autobaud`: the rates tried and the one kept. */
  z.object({ command: z.literal('serial.autobaud'), value: AutobaudResultSchema }),
]);

/** The CLI's own lines: everything on stdout that is not a contract event. */
export const cliOutput = {
  'cli.result': event(
    'The last line of every command: ok with its value, or the reason it failed in three parts (exit status 1; 2 for a usage mistake); a failure may carry what was done so far',
    CliResultSchema,
  ),
  'cli.listening': event('serve: the browser server is listening; open url (it carries the access token)', CliListeningSchema),
  'cli.answer': event('failsafe rescue: the answer the command line gave to a question of the run', CliAnswerSchema),
  'cli.step': event('recover: one step of the run ended (done, failed or skipped), with its evidence', CliStepSchema),
  'cli.reply': event('The reply to a contract command the CLI sent on the way, where no event carries it (serial watch --autobaud)', CliReplySchema),
} as const;
export type CliLineName = keyof typeof cliOutput;
export type CliLinePayload<L extends CliLineName> = z.input<(typeof cliOutput)[L]['payload']>;

export function isCliLineName(name: unknown): name is CliLineName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(cliOutput, name);
}
