/**
 * A job from a playbook journal (pure). The journal is the source of truth (decision 0105): the same records
 * always give the same job, so the database can be rebuilt from the journals at any time. What the run knew
 * about the router is read from what it journaled — the evidence lines and what the router said (transcript):
 * U-Boot's `ethaddr=`, a MAC named in a Netgear recovery (NMRP) or an ARP line, `board …`, a serial number,
 * "FILE: N MiB, SHA-256 …" for images, and the backup lines of the upgrade flows.
 */
import { replayJournal, type JournalRecord } from '../playbook';
import type { Job, JobBackup, JobImage, JobNote, JobState, RouterIdentity } from './contract';

/** What the technician typed (jobs.note), one line per change in <data>/jobs/notes/<id>.jsonl. */
export interface NoteRecord {
  type: 'note';
  at: number;
  note: Partial<JobNote>;
  serial?: string;
}

const MAC = /\b([0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5})\b/;
const SHA = /SHA-?256[: ]+([0-9a-f]{64})\b/i;

function normMac(m: string): string | undefined {
  const v = m.toLowerCase().replace(/-/g, ':');
  if (v === 'ff:ff:ff:ff:ff:ff' || v === '00:00:00:00:00:00') return undefined;
  return v;
}

const MAC_RANK: Record<NonNullable<RouterIdentity['macSource']>, number> = { uboot: 4, nmrp: 3, arp: 2, router: 1 };

function macFrom(text: string): { mac: string; source: NonNullable<RouterIdentity['macSource']> } | undefined {
  const eth = /\bethaddr\s*[=:]\s*"?([0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5})/.exec(text);
  if (eth) {
    const mac = normMac(eth[1]!);
    return mac ? { mac, source: 'uboot' } : undefined;
  }
  const m = MAC.exec(text);
  if (!m) return undefined;
  const mac = normMac(m[1]!);
  if (!mac) return undefined;
  if (/\bNMRP\b|Netgear recovery/i.test(text)) return { mac, source: 'nmrp' };
  if (/\bARP\b|neighbou?r|\bis at\b|lladdr/i.test(text)) return { mac, source: 'arp' };
  return { mac, source: 'router' };
}

/** A string field of JSON the router printed (ubus call system board), decoded; undefined when absent or too long. */
function jsonField(text: string, name: string, max: number): string | undefined {
  const m = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){1,${max * 6}}")`).exec(text);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as unknown;
    return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Router identity from one line of text; later lines fill what earlier ones left open. */
export function identityFrom(lines: readonly string[], base: RouterIdentity = {}): RouterIdentity {
  const id: RouterIdentity = { ...base };
  for (const text of lines) {
    const mac = macFrom(text);
    if (mac && (!id.mac || MAC_RANK[mac.source] > MAC_RANK[id.macSource ?? 'router'])) {
      id.mac = mac.mac;
      id.macSource = mac.source;
    }
    const board = jsonField(text, 'board_name', 128) ?? /\bboard[ :]+([a-z0-9][a-z0-9_.-]*,[a-z0-9_.+-]+)/i.exec(text)?.[1];
    if (board && !id.board) id.board = board;
    const model = jsonField(text, 'model', 256) ?? /\bThe router is (.{1,200}?) \(board\b/.exec(text)?.[1];
    if (model && !id.model && model !== 'a router') id.model = model;
    const serial = /\b(?:serial[ _-]?(?:number|no\.?)?|SN)\s*[:=]\s*"?([A-Za-z0-9][A-Za-z0-9-]{3,39})\b/i.exec(text);
    if (serial && !id.serial) id.serial = serial[1]!;
  }
  return id;
}

/** "openwrt-sysupgrade.bin: 7.5 MiB, SHA-256 ab12…" → the image and its hash. */
export function imageFrom(text: string, at: number): JobImage | undefined {
  const sha = SHA.exec(text);
  if (!sha) return undefined;
  const named = /^\s*([^:\n]{1,1024}?): ([\d.]+ (?:bytes|[KMG]i?B))[,.]/.exec(text);
  const img: JobImage = { fileName: named ? named[1]!.trim() : 'image', sha256: sha[1]!.toLowerCase(), at };
  if (named) img.size = named[2]!;
  return img;
}

/** The upgrade flows' backup lines → the backup (its manifest is added by whoever can read the folder). */
export function backupFrom(text: string, at: number): JobBackup | undefined {
  const settings = /^Saved your settings \((\d+) bytes, sysupgrade -b\) to (.+?)\. They can be restored/.exec(text);
  if (settings) return { kind: 'settings', location: settings[2]!, bytes: Number(settings[1]), at };
  const full = /^Full backup complete: (.+)\.$/.exec(text);
  if (full) return { kind: 'full', location: full[1]!, at };
  return undefined;
}

export interface ExtractOptions {
  station: string;
  /** The run is still going in this process (no end record yet, and not interrupted). */
  live: boolean;
  notes?: readonly NoteRecord[];
}

/**
 * The job a journal describes, or undefined for a journal without a start record or for a practice run
 * (those never enter the history: decision 0091).
 */
export function extractJob(records: readonly JournalRecord[], o: ExtractOptions): Job | undefined {
  const snap = replayJournal(records as JournalRecord[]);
  if (!snap) return undefined;
  if (snap.options.practice === true) return undefined;
  const lines: string[] = [];
  const images: JobImage[] = [];
  const backups: JobBackup[] = [];
  for (const r of records) {
    if (r.type === 'evidence') {
      lines.push(r.text);
      const img = imageFrom(r.text, r.at);
      if (img && !images.some((i) => i.sha256 === img.sha256 && i.fileName === img.fileName)) images.push(img);
      const b = backupFrom(r.text, r.at);
      if (b) backups.push(b);
    } else if (r.type === 'transcript' && r.dir !== 'sent') lines.push(...r.text.split('\n'));
  }
  const base: RouterIdentity = {};
  if (typeof snap.options.routerAddress === 'string') base.address = snap.options.routerAddress;
  const router = identityFrom(lines, base);
  if (!router.board && typeof snap.options.deviceId === 'string') router.board = snap.options.deviceId;
  const note: JobNote = {};
  for (const n of o.notes ?? []) {
    for (const k of ['customer', 'ticket', 'text'] as const) {
      const v = n.note[k];
      if (v !== undefined) {
        if (v === '') delete note[k];
        else note[k] = v;
      }
    }
    if (n.serial !== undefined) {
      if (n.serial === '') delete router.serial;
      else router.serial = n.serial;
    }
  }
  const lastAt = Math.max(records[records.length - 1]!.at, ...(o.notes ?? []).map((n) => n.at));
  let state: JobState = snap.state;
  if (state === 'running' && !o.live) state = 'interrupted';
  const job: Job = {
    id: snap.runId,
    station: o.station,
    playbookId: snap.playbookId,
    title: snap.title,
    state,
    startedAt: snap.startedAt,
    router,
    note,
    steps: snap.steps.map((s) => {
      const step: Job['steps'][number] = { id: s.id, title: s.title, state: s.state, attempts: s.attempts, evidence: s.evidence };
      if (s.startedAt !== undefined) step.startedAt = s.startedAt;
      if (s.endedAt !== undefined) step.endedAt = s.endedAt;
      if (s.error) step.error = s.error;
      return step;
    }),
    images,
    backups,
    updatedAt: lastAt,
  };
  if (snap.endedAt !== undefined) job.endedAt = snap.endedAt;
  if (snap.summary !== undefined) job.outcome = snap.summary;
  return job;
}

/** "2026-11-03" in local time. */
export function day(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const STATE_WORDS: Record<JobState, string> = {
  running: 'still running',
  done: 'finished',
  failed: 'did not finish',
  stopped: 'stopped by the user',
  interrupted: 'interrupted (Rescue Bench closed)',
};
export function stateWords(s: JobState): string {
  return STATE_WORDS[s];
}

/** "seen before: 2026-11-03, backup taken" for one earlier job. */
export function seenBeforeText(j: { startedAt: number; backups: number; title: string; state: JobState }): string {
  return `Seen before: ${day(j.startedAt)}, ${j.backups > 0 ? 'backup taken' : 'no backup'} — ${j.title}, ${stateWords(j.state)}.`;
}
