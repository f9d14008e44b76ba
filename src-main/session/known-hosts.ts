import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RbFault, fault } from '../../src-shared/errors';

/**
 * One remembered router host key. Keyed by the router's hardware address and port ("00:11:22:33:44:55/22") when
 * its MAC is known, else by "host:port" (files from before issue 17 hold only these). On a station three routers
 * answer at 192.168.1.1: keyed by MAC they have three keys, and none of them is a "changed key" (decision 0111).
 */
export interface HostKeyRecord {
  algorithm: string;
  /** OpenSSH style: "SHA256:" + unpadded base64 of the key blob's SHA-256. */
  fingerprint: string;
  firstSeen: string;
  lastSeen: string;
  /** The router's MAC (entries keyed by MAC). */
  mac?: string;
  /** Where it was last reached (entries keyed by MAC). */
  host?: string;
}

/** Who a router is for its key: its address and port, and its MAC when known. */
export interface RouterIdentity {
  host: string;
  port: number;
  mac?: string;
}

const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** The algorithm name at the start of an SSH public-key blob (uint32 length + name). */
export function keyAlgorithm(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  if (n <= 0 || n > 64 || 4 + n > blob.length) return 'unknown';
  return blob.subarray(4, 4 + n).toString('latin1');
}

export function keyFingerprint(blob: Buffer): string {
  return 'SHA256:' + crypto.createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** The known-hosts file exists but cannot be read as remembered keys: refuse, never start trust over. */
function knownHostsUnreadable(file: string, details: string): RbFault {
  return fault('KNOWN_HOSTS_UNREADABLE', { file, name: path.basename(file) }, { details: `${file}: ${details}` });
}

/**
 * Host keys remembered per router in a small JSON file in the data folder. Writes are atomic (temp file,
 * fsync, rename) so a crash never leaves a half-written file that would make every key look "changed".
 */
export class KnownHosts {
  constructor(readonly file: string) {}

  /**
   * The remembered keys. A missing file is an empty store (nothing remembered yet). Anything else that
   * cannot be read as our format is REFUSED, never taken as empty: reading it as empty would trust any key
   * again and the next save would overwrite the file, so trust would silently start over.
   */
  private load(): Record<string, HostKeyRecord> {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw knownHostsUnreadable(this.file, (err as Error).message);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw knownHostsUnreadable(this.file, `not valid JSON: ${(err as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw knownHostsUnreadable(this.file, 'not a JSON object of router key entries');
    for (const [id, rec] of Object.entries(parsed as Record<string, unknown>)) {
      const r = rec as Partial<Record<keyof HostKeyRecord, unknown>> | null;
      if (!r || typeof r !== 'object' || typeof r.fingerprint !== 'string' || typeof r.algorithm !== 'string')
        throw knownHostsUnreadable(this.file, `entry ${JSON.stringify(id).slice(0, 200)} has no fingerprint and algorithm`);
    }
    return parsed as Record<string, HostKeyRecord>;
  }

  /** Read the store now (before connecting), so a damaged file stops the connection before any network traffic. */
  check(): void {
    this.load();
  }

  private save(all: Record<string, HostKeyRecord>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(all, null, 2) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  /** The key of an entry: "MAC/port" when the MAC is known (lower case, colons), else "host:port". */
  static id(host: string, port: number, mac?: string): string {
    const m = KnownHosts.mac(mac);
    return m ? `${m}/${port}` : `${host}:${port}`;
  }

  private static mac(mac: string | undefined): string | undefined {
    const m = mac?.toLowerCase().replace(/-/g, ':');
    return m && MAC_RE.test(m) && m !== '00:00:00:00:00:00' && m !== 'ff:ff:ff:ff:ff:ff' ? m : undefined;
  }

  /**
   * The remembered key of this router. With its MAC: the entry of that MAC only — an entry for its address from
   * before (host:port) may belong to another router at the same address, so it is not this router's key; it is
   * adopted by remember() when it holds the same key (migration). Without a MAC: the host:port entry.
   */
  lookup(host: string, port: number, mac?: string): HostKeyRecord | undefined {
    return this.load()[KnownHosts.id(host, port, mac)];
  }

  remember(host: string, port: number, algorithm: string, fingerprint: string, now = new Date(), mac?: string): HostKeyRecord {
    const all = this.load();
    const m = KnownHosts.mac(mac);
    const id = KnownHosts.id(host, port, m);
    const prev = all[id];
    // Migration: the old address-keyed entry with this very key was this router; its history moves to the MAC.
    const legacyId = KnownHosts.id(host, port);
    const legacy = m && !prev ? all[legacyId] : undefined;
    const adopted = legacy && legacy.fingerprint === fingerprint ? legacy : undefined;
    const rec: HostKeyRecord = {
      algorithm,
      fingerprint,
      firstSeen: prev && prev.fingerprint === fingerprint ? prev.firstSeen : adopted ? adopted.firstSeen : now.toISOString(),
      lastSeen: now.toISOString(),
      ...(m ? { mac: m, host } : {}),
    };
    if (adopted) delete all[legacyId];
    all[id] = rec;
    this.save(all);
    return rec;
  }

  /**
   * Forget a router's key: the user's explicit "I reflashed/replaced this router, trust its new key" (its MAC entry
   * and its address entry). Without a MAC (the caller knows only where the router is: the app's "Forget the old
   * key", an upgrade without settings) every entry last seen at that address and port goes, MAC entries included:
   * the router there now is the one meant, and its key would otherwise still be refused under its MAC.
   */
  forget(host: string, port: number, mac?: string): boolean {
    const all = this.load();
    const m = KnownHosts.mac(mac);
    const atAddress = m ? [] : Object.keys(all).filter((id) => all[id]!.mac !== undefined && all[id]!.host === host && id.endsWith(`/${port}`));
    const ids = [KnownHosts.id(host, port, m), KnownHosts.id(host, port), ...atAddress].filter((id, i, a) => a.indexOf(id) === i && id in all);
    if (ids.length === 0) return false;
    for (const id of ids) delete all[id];
    this.save(all);
    return true;
  }
}
