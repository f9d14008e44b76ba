import type { HostInterface } from '../../../../src-shared/capabilities/app';
import type { FailsafeDatagram, MonitorState } from '../../../../src-shared/capabilities/failsafe/contract';
import type { Session, SessionOptions } from '../../../session/types';
import type { PlatformName } from '../../../platform';
import type { ProbeResult } from '../probe';
import type { SerialEvent } from '../serial-watch';

/**
 * Every outside effect of the failsafe steps, so the real services run in the app and the tests (rescue.ts wires
 * them), and the unit tests can drive the logic with fakes, without touching any network.
 */
export interface FailsafeDeps {
  platform: PlatformName;
  /** Addresses configured on this computer, also on interfaces whose cable has no link yet. */
  interfaces(): HostInterface[] | Promise<HostInterface[]>;
  monitorState(): MonitorState;
  startMonitor(opts: { bind: string; port: number; interface?: string }): Promise<MonitorState>;
  onDatagram(fn: (d: FailsafeDatagram) => void): () => void;
  probe(host: string, port: number, timeoutMs: number, localAddress?: string): Promise<ProbeResult>;
  connect(opts: SessionOptions): Promise<Session>;
  openSerial?(path: string, baud: number, autoSendF: boolean, onEvent: (e: SerialEvent) => void): Promise<{ close(): Promise<void> }>;
  /** Add the rescue address with the OS's privilege prompt; undefined where this OS has none we can use. */
  setAddress?(ifName: string, address: string): Promise<void> | undefined;
  /** Host-key fingerprints seen per router in this process (never written anywhere, never trusted). */
  seenKeys: Map<string, { fingerprint: string; at: number }>;
}
