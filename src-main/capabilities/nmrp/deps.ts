/**
 * What Netgear recovery uses from other capabilities, as the shapes docs (interfaces.md) agree on: the network
 * assistant's NetService (capabilities/net) and the TFTP client's tftpPut (capabilities/tftp). index.ts passes
 * the real ones; service tests pass their own. Only the members used here are listed.
 */
export interface NmrpLease {
  readonly interface: string;
  readonly address: string;
  addStaticArp(ip: string, mac: string): Promise<void>;
  release(): Promise<void>;
}

export interface NmrpNet {
  prepare(req: { interface: string; address: string; reason: string }): Promise<NmrpLease>;
  waitForCarrier(iface: string, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<void>;
}

export interface NmrpPutOptions {
  host: string;
  port?: number;
  source: Buffer | { path: string };
  remoteName: string;
  blksize?: number;
  timeoutMs?: number;
  retries?: number;
  firstBlockRetries?: number;
  localAddress?: string;
  rollover?: 0 | 1;
  signal?: AbortSignal;
  onProgress?: (p: { bytes: number; total: number; bytesPerSecond: number }) => void;
}

export interface NmrpPutResult {
  bytes: number;
  sha256: string;
  blksize: number;
  rolledOver: boolean;
  ms: number;
}

export type NmrpTftpPut = (opts: NmrpPutOptions) => Promise<NmrpPutResult>;
