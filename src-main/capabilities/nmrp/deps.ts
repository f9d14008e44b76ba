/**
 * What Netgear recovery uses from other capabilities: the network assistant's NetService (capabilities/net) and
 * the TFTP client's tftpPut (capabilities/tftp), as the members used here. index.ts passes the real ones (the
 * compiler checks they fit); service tests pass their own.
 */
import type { Words } from '../../../src-shared/i18n/said';
import type { TftpPutOptions, TftpPutResult } from '../tftp';

export interface NmrpLease {
  readonly interface: string;
  readonly address: string;
  addStaticArp(ip: string, mac: string): Promise<void>;
  release(): Promise<void>;
}

export interface NmrpNet {
  prepare(req: { interface: string; address: string; reason: Words }): Promise<NmrpLease>;
  waitForCarrier(iface: string, opts: { timeoutMs: number; signal?: AbortSignal }): Promise<void>;
}

/** The TFTP client's own upload (capabilities/tftp's public tftpPut): NMRP passes the image as a path. */
export type NmrpTftpPut = (opts: TftpPutOptions) => Promise<TftpPutResult>;
