/**
 * Times, sizes and rates in the language shown, with Intl (issue 19). Times are evidence, so they keep the
 * 24-hour clock and milliseconds in every language: "14:02:11.204".
 */
import { useLocale } from './i18n/store';
import { intlTag } from '../src-shared/i18n/locales';

const tag = (): string => intlTag(useLocale.getState().locale);
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function timeFormat(withMs: boolean): Intl.DateTimeFormat {
  const key = `${tag()}|${withMs}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(withMs ? { fractionalSecondDigits: 3 } : {}) });
    timeFormats.set(key, f);
  }
  return f;
}

function numberFormat(digits: number): Intl.NumberFormat {
  const key = `${tag()}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag(), { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/**
 * The same few values are formatted again on every render (a timeline's evidence times on each playbook event),
 * so their words are kept, per language, up to a bound (decision 0157).
 */
const said = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let v = said.get(key);
  if (v === undefined) {
    if (said.size >= 5000) said.clear();
    said.set(key, (v = make()));
  }
  return v;
}

/** Local time of day; milliseconds for timing logs, without them for "since …" in a sentence. */
export function clockTime(epochMs: number, withMs = true): string {
  return remembered(`t|${tag()}|${withMs}|${epochMs}`, () => timeFormat(withMs).format(new Date(epochMs)));
}

/** A number in the language shown ("1,5" in German), with a fixed number of decimals. */
export function decimal(n: number, digits = 0): string {
  return remembered(`n|${tag()}|${digits}|${n}`, () => numberFormat(digits).format(n));
}

/** Binary sizes as the router's tools print them (KiB, MiB), the number in the language shown. */
export function bytes(n: number): string {
  if (n < 1024) return `${decimal(n)} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${decimal(v, v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A transfer rate: "1,2 MiB/s". */
export function rate(bytesPerSecond: number): string {
  return `${bytes(bytesPerSecond)}/s`;
}
