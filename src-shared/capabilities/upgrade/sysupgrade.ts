/**
 * What the router's own check said: `sysupgrade -T` (exit code and text; facts §3.2/§3.3) and, where it exists,
 * `ubus call system validate_firmware_image` ({valid, forceable, allow_backup}). The exact router lines are
 * kept for the screen; the judgement decides: pass, upgrade without keeping settings (-n), a forceable failure
 * (-F only with the user's typed consent), or a refusal. Pure.
 */
import { SYSUPGRADE } from '../firmware';

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
  /** What they mean, in plain words, one per recognised line. */
  meaning: string[];
  /** Whether the image lets settings be kept (validate's allow_backup, or the compat text). */
  allowBackup: boolean;
  /** The image names other routers: never forced by Rescue Bench even where the router would allow it. */
  wrongBoard: boolean;
}

const MEANINGS: Array<[RegExp, string]> = [
  [/^Image metadata not present/, "The image carries no OpenWrt description, which is normal for the maker's own firmware and for OpenWrt factory images. The router cannot check by itself that the image is made for it."],
  [/^Use sysupgrade -F/, 'The router only takes such an image when told to skip that check (-F, "force").'],
  [/not supported by this image/, 'The image names other routers than this one. Forcing it would most likely leave the router unable to start.'],
  [/incompatible for sysupgrade based on the image version/, 'The flash layout changed between the two releases: an upgrade image cannot cross that change. The factory image of the new release can, written with -F and without keeping settings.'],
  [/config is incompatible to the new image/, 'The image fits, but the settings of this release cannot be carried over: the upgrade must start with fresh settings (-n).'],
  [/^Invalid image type/, 'The router does not recognise the file as firmware for this kind of router at all; forcing is not possible.'],
  [/^Image check failed\.?$/, 'The router refused the image.'],
  [/^Image check failed but --force given/, 'The router will write it anyway because -F was given.'],
];

export function judgeSysupgradeTest(input: { code: number; output: string; validate?: ValidateAnswer; keep: boolean }): TestJudgement {
  const routerSays = input.output
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim())
    .slice(0, 60);
  const msgs = routerSays.map(routerMessage);
  const meaning: string[] = [];
  for (const m of msgs) for (const [re, text] of MEANINGS) if (re.test(m) && !meaning.includes(text)) meaning.push(text);
  const minor = msgs.some((m) => /config is incompatible to the new image/.test(m));
  const wrongBoard = msgs.some((m) => /not supported by this image/.test(m)) || (input.validate?.tests.fwtool_device_match === false && !msgs.some((m) => m === SYSUPGRADE.noMetadata));
  const allowBackup = (input.validate ? input.validate.allowBackup : true) && !minor;
  if (input.code === 0) return { outcome: 'pass', routerSays, meaning, allowBackup, wrongBoard: false };
  if (minor && !wrongBoard) return { outcome: 'needs-n', routerSays, meaning, allowBackup: false, wrongBoard };
  let forceable: boolean;
  if (input.validate) forceable = input.validate.forceable;
  else forceable = msgs.some((m) => m === SYSUPGRADE.noMetadata || /incompatible for sysupgrade based on the image version/.test(m) || /not supported by this image/.test(m)) && !msgs.some((m) => /^Invalid image type/.test(m));
  if (wrongBoard) return { outcome: 'refused', routerSays, meaning, allowBackup, wrongBoard };
  return { outcome: forceable ? 'forceable' : 'refused', routerSays, meaning, allowBackup, wrongBoard };
}

/** sysupgrade's own words that it has started writing (the session drops right after; facts §9, seed thread). */
export const COMMENCING = 'Commencing upgrade. Closing all shell sessions.';
export const CONNECTION_FAILED = 'Command failed: Connection failed';
