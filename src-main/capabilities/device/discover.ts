import type { DeviceInfo } from '../../../src-shared/capabilities/device/contract';
import { DISCOVERY_SCRIPT, DISCOVERY_SCRIPT_SSH, interpretDiscovery } from '../../../src-shared/capabilities/device/device';
import { RbFault, fault } from '../../../src-shared/errors';
import type { Session } from '../../session';
import { said } from '../../../src-shared/i18n/said';

/** Read the router's partition map, identity, tools, U-Boot environment and UBI state in one command. */
export async function inspectDevice(session: Session): Promise<DeviceInfo> {
  const r = await session.exec(session.method === 'ssh' ? DISCOVERY_SCRIPT_SSH : DISCOVERY_SCRIPT, { timeoutMs: 60_000 });
  const text = r.stdout.toString('utf8');
  if (!text.includes('@@ end'))
    throw fault('DISCOVERY_FAILED', {}, { details: text.slice(-2000) });
  const d = interpretDiscovery(text);
  const info: DeviceInfo = {
    identity: d.identity,
    partitions: d.partitions,
    tools: d.tools,
    ubi: d.ubi,
    warnings: d.warnings,
    warningsMsg: d.warningsMsg,
    session: { method: session.method, host: session.host, port: session.port, banner: session.banner.slice(0, 8000), notes: session.notes, notesMsg: session.notesMsg },
  };
  if (session.hostKey) info.session.hostKey = session.hostKey;
  if (d.env) info.env = d.env;
  if (d.running) info.running = d.running;
  if (session.method === 'telnet' && !d.tools.nc) {
    const w = said('device.said.warning.noNc');
    info.warnings.push(w.text);
    (info.warningsMsg ??= []).push(w.msg);
  }
  return info;
}
