import { EventBus } from './bus';
import { FailsafeMonitor } from '../services/failsafe/monitor';
import { dataDir } from '../services/platform';

export type HostKind = 'electron' | 'bench-server' | 'cli';

export interface ServiceOptions {
  host: HostKind;
  /** Folder for journals, logs and backups; defaults to the platform's user data folder. */
  dataDir?: string;
}

/**
 * Every capability's service, created once per process and shared by whichever transports run in it.
 * Services report through the bus; they never know which transport (if any) is listening.
 */
export function createServices(opts: ServiceOptions) {
  const bus = new EventBus();
  const failsafe = new FailsafeMonitor({
    datagram: (d) => bus.emit('failsafe.datagram', d),
    state: (s) => bus.emit('failsafe.monitor.state', s),
  });
  const services = {
    host: opts.host,
    dataDir: opts.dataDir ?? dataDir(),
    bus,
    failsafe,
    async dispose(): Promise<void> {
      await failsafe.stop(false);
    },
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
