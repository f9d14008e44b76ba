/**
 * What Netgear recovery uses from other capabilities: the network assistant's NetService (capabilities/net) and
 * the TFTP client's tftpPut (capabilities/tftp), as the members used here. index.ts passes the real ones (the
 * compiler checks they fit); service tests pass their own.
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
  /** Awaited before the request goes out (the router's static ARP entry); see TftpPutOptions.readyToSend. */
  readyToSend?: Promise<unknown>;
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
