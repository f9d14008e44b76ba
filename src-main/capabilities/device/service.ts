import type { DeviceInfo, SessionTarget } from '../../../src-shared/capabilities/device/contract';
import { forgetHostKey, type Session } from '../../session';
import { inspectDevice } from './discover';
import { knownHostsFile, openTarget } from './target';

/**
 * What is on a running router: log in, read its partition table, identity and tools, log out. Every call
 * opens its own session and closes it again, so nothing stays logged in behind the user's back.
 */
export class DeviceService {
  constructor(
    private readonly dataDir: string,
    /** Tests may supply their own way to open sessions. */
    private readonly open: (t: SessionTarget) => Promise<Session> = (t) => openTarget(t, dataDir),
  ) {}

  async inspect(target: SessionTarget): Promise<DeviceInfo> {
    const s = await this.open(target);
    try {
      return await inspectDevice(s);
    } finally {
      await s.close();
    }
  }

  forgetHostKey(host: string, port: number): { forgotten: boolean } {
    return { forgotten: forgetHostKey(knownHostsFile(this.dataDir), host, port) };
  }
}
