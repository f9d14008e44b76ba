import { EventBus } from './bus';
import { FailsafeMonitor } from '../capabilities/failsafe/service';
import { dataDir } from '../platform';
import { FirmwareService } from '../capabilities/firmware/service';
import { PlaybookService } from '../capabilities/playbook/service';
import { failsafeDeps, failsafeRegistration, serialViaService } from '../capabilities/failsafe/rescue';
import { FlashService } from '../capabilities/flash/service';
import { TftpService } from '../capabilities/tftp/service';
import { SerialService } from '../capabilities/serial/service';
import { UbootService } from '../capabilities/uboot/service';
import { resolveAllowedFolders } from './host-paths';

export type HostKind = 'electron' | 'bench-server' | 'cli';

export interface ServiceOptions {
  host: HostKind;
  /** Folder for journals, logs and backups; defaults to the platform's user data folder. */
  dataDir?: string;
  /**
   * Bench server: folders besides the data folder whose files the screen may use (`serve --allow-folder`).
   * Checked here (host-paths.ts): a folder that must not be exposed throws RbFault ALLOW_FOLDER_*.
   */
  allowedFolders?: readonly string[];
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
  const dir = opts.dataDir ?? dataDir();
  const allowedFolders = resolveAllowedFolders(opts.allowedFolders ?? [], dir);
  const firmware = new FirmwareService(dir);
  const flash = new FlashService(dir, {
    progress: (p) => bus.emit('flash.backup.progress', p),
    partition: (backupId, partition) => bus.emit('flash.backup.partition', { backupId, partition }),
    done: (r) => bus.emit('flash.backup.done', r),
    restoreProgress: (p) => bus.emit('flash.restore.progress', p),
  });
  const tftp = new TftpService(
    {
      transfer: (e) => bus.emit('tftp.transfer', e),
      state: (s) => bus.emit('tftp.server.state', s),
    },
    { dataDir: dir },
  );
  const serial = new SerialService(
    {
      data: (id, chunk, at) => bus.emit('serial.data', { id, b64: chunk.toString('base64'), at }),
      match: (id, at, match) => bus.emit('serial.match', { id, at, match }),
      session: (s) => bus.emit('serial.session', s),
    },
    { dataDir: dir },
  );
  const uboot = new UbootService(serial, {
    step: (s) => bus.emit('uboot.step', s),
    progress: (p) => bus.emit('uboot.progress', p),
    run: (r) => bus.emit('uboot.state', r),
  });
  // the failsafe playbook watches the router console through the serial service (one owner per port)
  const playbook = new PlaybookService(dir, { failsafe: failsafeRegistration(failsafeDeps(failsafe, { openSerial: serialViaService(serial) })) }, {
    snapshot: (s) => bus.emit('playbook.run', s),
    transcript: (l) => bus.emit('playbook.transcript', l),
  });
  const services = {
    host: opts.host,
    dataDir: dir,
    /** Real paths of the folders allowed besides the data folder (bench server; see host-paths.ts). */
    allowedFolders,
    bus,
    failsafe,
    playbook,
    firmware,
    flash,
    tftp,
    serial,
    uboot,
    async dispose(): Promise<void> {
      uboot.dispose();
      await serial.dispose();
      await tftp.stop(false);
      await flash.dispose();
      await firmware.dispose();
      await playbook.dispose();
      await failsafe.stop(false);
    },
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
