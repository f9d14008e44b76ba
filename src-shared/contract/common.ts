import { z } from 'zod';

/** The wire form of an error: what happened, what it means, what to do (ux-voice.md §3). */
export const RbErrorSchema = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(2000),
  meaning: z.string().max(2000).optional(),
  fix: z.string().max(4000).optional(),
  details: z.string().max(20000).optional(),
  /** The values the words were made with: the screen says them in the person's language (src-shared/i18n). */
  values: z.record(z.string().max(64), z.union([z.string().max(2000), z.number()])).optional(),
});

/**
/**
 * Words a service says, as a catalogue id and the values they were made with (issue 19; decisions 0130, 0135).
 * Sent beside the finished English (`text`, `doNow`, `summary`…), which stays for the journal, `--json`, logs and
 * older records: the screen and the CLI say `msg` in the person's language and fall back to the English.
 */
const SaidFlatSchema = z.object({
  id: z.string().min(1).max(200),
  values: z.record(z.string().max(64), z.union([z.string().max(16000), z.number()])).optional(),
});
const SaidInnerSchema = SaidFlatSchema.extend({ inner: z.record(z.string().max(64), SaidFlatSchema).optional() });
/**
 * `inner` (decision 0188): a value that is itself one of our sentences (an image's headline inside the upgrade's
 * evidence line) travels as that sentence's id + values under the value's name, so the screen says it in the
 * person's language too; its English stays in `values`. Two levels deep at most: deeper values stay English.
 */
export const SaidMessageSchema = SaidFlatSchema.extend({ inner: z.record(z.string().max(64), SaidInnerSchema).optional() }).meta({
  // one named definition in the contract's JSON schemas (a $ref where used), not the same tree inlined 500 times
  id: 'SaidMessage',
});
export type SaidMessage = z.infer<typeof SaidMessageSchema>;

export const Ipv4Schema = z.string().regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, 'an IPv4 address like 192.168.1.10');
export const PortSchema = z.number().int().min(0).max(65535);
export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** Describe one command: its request and reply schemas, plus a one-line summary for docs and the surface test. */
export interface CommandSpec<Req extends z.ZodType, Res extends z.ZodType> {
  summary: string;
  request: Req;
  reply: Res;
}
export function command<Req extends z.ZodType, Res extends z.ZodType>(summary: string, request: Req, reply: Res): CommandSpec<Req, Res> {
  return { summary, request, reply };
}
export interface EventSpec<P extends z.ZodType> {
  summary: string;
  payload: P;
}
export function event<P extends z.ZodType>(summary: string, payload: P): EventSpec<P> {
  return { summary, payload };
}
