import type { RbApi } from '../api/types';
import { useApp } from './store';
import { useFailsafe } from '../capabilities/failsafe/store';
import { usePlaybook } from '../capabilities/playbook/store';
import { useTftp } from '../capabilities/tftp/store';
import { useSerial } from '../capabilities/serial/store';
import { useUboot } from '../capabilities/uboot/store';
import { useFlash } from '../capabilities/flash/store';

/**
 * Each capability adds its own subscriptions below (and its status read to resync()).
 * The one place where contract events enter the stores: service event → contract → store → view.
 * Returns a function that removes every subscription.
 */
export function wireEvents(api: RbApi): () => void {
  const offs = [
    api.on('failsafe.datagram', (d) => useFailsafe.getState().addDatagram(d)),
    api.on('failsafe.monitor.state', (m) => useFailsafe.getState().setMonitor(m)),
    api.on('playbook.run', (r) => usePlaybook.getState().setRun(r)),
    api.on('playbook.transcript', (l) => usePlaybook.getState().addTranscript(l)),
    api.on('tftp.transfer', (e) => useTftp.getState().onTransfer(e)),
    api.on('tftp.server.state', (st) => useTftp.getState().setServer(st)),
    api.on('serial.data', (d) => useSerial.getState().onData(d.id, d.b64)),
    api.on('serial.match', (m) => useSerial.getState().onMatch(m.id, m.at, m.match)),
    api.on('serial.session', (x) => useSerial.getState().upsertSession(x)),
    api.on('uboot.state', (r) => useUboot.getState().setRun(r)),
    api.on('uboot.step', (x) => useUboot.getState().onStep(x)),
    api.on('uboot.progress', (p) => useUboot.getState().onProgress(p)),
    api.on('flash.backup.progress', (p) => useFlash.getState().onProgress(p)),
    api.on('flash.backup.partition', (x) => useFlash.getState().onPartition(x.backupId, x.partition)),
    api.on('flash.backup.done', (r) => useFlash.getState().onDone(r)),
    api.on('flash.restore.progress', (p) => useFlash.getState().onRestoreProgress(p)),
  ];
  return () => offs.forEach((off) => off());
}

/** Read the current state of every service, after start-up and after a reconnect. */
export async function resync(api: RbApi): Promise<void> {
  const [info, nets, fs] = await Promise.all([api.invoke('app.info', {}), api.invoke('net.interfaces', {}), api.invoke('failsafe.monitor.status', {})]);
  useApp.getState().setInfo(info);
  useApp.getState().setInterfaces(nets.interfaces);
  useFailsafe.getState().setMonitor(fs.monitor);
  useFailsafe.getState().replaceDatagrams(fs.recent);
  usePlaybook.getState().setStatus(await api.invoke('playbook.status', {}));
  const tftp = await api.invoke('tftp.server.status', {});
  useTftp.getState().setServer(tftp.server);
  useTftp.getState().replaceTransfers(tftp.transfers);
  const [serial, uboot] = await Promise.all([api.invoke('serial.sessions', {}), api.invoke('uboot.status', {})]);
  useSerial.getState().resync(serial.sessions, serial.backlog, serial.profiles);
  useUboot.getState().replace(uboot.runs);
  useFlash.getState().resync(await api.invoke('flash.backup.status', {}));
}
