/**
 * What the router's own check said: `sysupgrade -T` (exit code and text; facts §3.2/§3.3) and, where it exists,
 * `ubus call system validate_firmware_image` ({valid, forceable, allow_backup}). The exact router lines are
 * kept for the screen; the judgement decides: pass, upgrade without keeping settings (-n), a forceable failure
 * (-F only with the user's typed consent), or a refusal. Pure.
 */
import { SYSUPGRADE } from '../firmware';
import { english } from '../../i18n';

export interface ValidateAnswer {
  valid: boolean;
  forceable: boolean;
  allowBackup: boolean;
  tests: Record<string, boolean>;
}

/** The JSON `ubus call system validate_firmware_image` prints; undefined when it is not that. */
export function parseValidateJson(text: string): ValidateAnswer | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.valid !== 'boolean') return undefined;
  const tests: Record<string, boolean> = {};
  if (o.tests && typeof o.tests === 'object' && !Array.isArray(o.tests)) for (const [k, x] of Object.entries(o.tests as Record<string, unknown>).slice(0, 50)) if (typeof x === 'boolean') tests[k.slice(0, 64)] = x;
  return { valid: o.valid, forceable: o.forceable === true, allowBackup: o.allow_backup !== false, tests };
}

/** A router line without sysupgrade's "<date> upgrade: " prefix. */
export function routerMessage(line: string): string {
  return line.replace(/^.*?\bupgrade: /, '').trim();
}

export type TestOutcome = 'pass' | 'needs-n' | 'forceable' | 'refused';

export interface TestJudgement {
  outcome: TestOutcome;
  /** The router's own lines, exactly as printed (for the screen and the journal). */
  routerSays: string[];
  /** What they mean, in plain words, one per recognised kind of line. */
  meaning: string[];
  /** The same as catalogue keys (`upgrade.sysupgrade.<key>`). */
  means: MeaningKey[];
  /** Whether the image lets settings be kept (validate's allow_backup, or the compat text). */
  allowBackup: boolean;
  /** The image names other routers: never forced by Rescue Bench even where the router would allow it. */
  wrongBoard: boolean;
}

/** Which of our plain-words sentences a router line means (`upgrade.sysupgrade.<key>`, decision 0166). */
const MEANINGS: Array<[RegExp, MeaningKey]> = [
  [/^Image metadata not present/, 'noMeta'],
  [/^Use sysupgrade -F/, 'useForce'],
  [/not supported by this image/, 'otherBoards'],
  [/incompatible for sysupgrade based on the image version/, 'layout'],
  [/config is incompatible to the new image/, 'config'],
  [/^Invalid image type/, 'invalid'],
  [/^Image check failed\.?$/, 'failed'],
  [/^Image check failed but --force given/, 'forced'],
];
export const MEANING_KEYS = ['noMeta', 'useForce', 'otherBoards', 'layout', 'config', 'invalid', 'failed', 'forced'] as const;
export type MeaningKey = (typeof MEANING_KEYS)[number];

/**
 * The judgement's meanings as select values (each key `yes` or `no`): the faults and the force question say the
 * same sentences in the language shown, in this fixed order (the judgement's `meaning` keeps it too).
 */
export function meaningValues(j: Pick<TestJudgement, 'means'>): Record<MeaningKey, 'yes' | 'no'> {
  return Object.fromEntries(MEANING_KEYS.map((k) => [k, j.means.includes(k) ? 'yes' : 'no'])) as Record<MeaningKey, 'yes' | 'no'>;
}

export function judgeSysupgradeTest(input: { code: number; output: string; validate?: ValidateAnswer; keep: boolean }): TestJudgement {
  const routerSays = input.output
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim())
    .slice(0, 60);
  const msgs = routerSays.map(routerMessage);
  // in MEANINGS' order, not the lines' (the faults say them from select values, in that order)
  const means = MEANINGS.filter(([re]) => msgs.some((m) => re.test(m))).map(([, key]) => key);
  const meaning = means.map((k) => english(`upgrade.sysupgrade.${k}`));
  const minor = msgs.some((m) => /config is incompatible to the new image/.test(m));
  const wrongBoard = msgs.some((m) => /not supported by this image/.test(m)) || (input.validate?.tests.fwtool_device_match === false && !msgs.some((m) => m === SYSUPGRADE.noMetadata));
  const allowBackup = (input.validate ? input.validate.allowBackup : true) && !minor;
  if (input.code === 0) return { outcome: 'pass', routerSays, meaning, means, allowBackup, wrongBoard: false };
  if (minor && !wrongBoard) return { outcome: 'needs-n', routerSays, meaning, means, allowBackup: false, wrongBoard };
  let forceable: boolean;
  if (input.validate) forceable = input.validate.forceable;
  else forceable = msgs.some((m) => m === SYSUPGRADE.noMetadata || /incompatible for sysupgrade based on the image version/.test(m) || /not supported by this image/.test(m)) && !msgs.some((m) => /^Invalid image type/.test(m));
  if (wrongBoard) return { outcome: 'refused', routerSays, meaning, means, allowBackup, wrongBoard };
  return { outcome: forceable ? 'forceable' : 'refused', routerSays, meaning, means, allowBackup, wrongBoard };
}

/** sysupgrade's own words that it has started writing (the session drops right after; facts §9, seed thread). */
export const COMMENCING = 'Commencing upgrade. Closing all shell sessions.';
export const CONNECTION_FAILED = 'Command failed: Connection failed';
