/**
 * Every outside effect of the vendor recovery steps, so the real services run in the app, the CLI and the
 * namespace tests, and unit tests can drive the logic with fakes.
 *
 * `net` is a narrow view of the network assistant's NetService (src-main/capabilities/net; index.ts adapts it),
 * so the steps' tests can give a fake one.
 */
import type { Words } from '../../../src-shared/i18n/said';
import type { FirewallFinding, PlatformName } from '../../platform';
import type { RecoverProgress } from '../../../src-shared/capabilities/recover';
import type { TftpServer, TftpServerOptions } from '../tftp';
import type { uploadFirmware } from './http-upload';

export interface RecoverNetInterface {
  name: string;
  /** Addresses with prefix ("192.168.0.66/24"). */
  addresses: string[];
  carrier?: boolean;
  wired?: boolean;
  internal?: boolean;
}

export interface RecoverLease {
  readonly interface: string;
  readonly address: string;
  release(): Promise<void>;
}

export interface RecoverNet {
  interfaces(): Promise<RecoverNetInterface[]>;
  /** Give `interface` the address (with the OS's privilege prompt where needed); undone by release(). */
  prepare(req: { interface: string; address: string; reason: Words }): Promise<RecoverLease>;
  probe(ip: string, opts: { interface?: string; tcpPorts?: number[]; timeoutMs?: number }): Promise<{ arpMac?: string; icmp: boolean; tcp: Record<number, boolean> }>;
  /** Plain-words notes about this computer's network for the target (DHCP, firewall…), when the assistant has them. */
  notes?(req: { target: string; need: string; interface?: string }): Promise<Words[]>;
}

/** The TFTP client put of the tftp capability (interfaces.md), used for ASUS and Ubiquiti. */
export interface TftpPutLike {
  (opts: {
    host: string;
    source: Buffer | { path: string };
    remoteName: string;
    localAddress?: string;
    signal?: AbortSignal;
    onProgress?: (p: { bytes: number; total: number; bytesPerSecond: number }) => void;
  }): Promise<{ bytes: number; sha256: string; blksize: number; windowsize: number; rolledOver: boolean; ms: number }>;
}

export interface RecoverDeps {
  platform: PlatformName;
  net: RecoverNet;
  startTftpServer(opts: TftpServerOptions): Promise<TftpServer>;
  tftpPut: TftpPutLike;
  upload: typeof uploadFirmware;
  /** The firewalls found running on this computer (platform/firewall.ts). */
  firewalls(iface?: string): Promise<FirewallFinding[]>;
  progress(p: RecoverProgress): void;
  /** Rescue Bench's data folder (the TFTP server refuses to serve it, but serves folders inside it). */
  dataDir: string;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}
