/**
 * The raw-frame permission through the OS's own prompt (decision 0085): Linux `pkexec setcap cap_net_raw+ep` on
 * this program's binary (polkit asks for the password; the capability takes effect when the program starts
 * again), macOS admin access to /dev/bpf* until restart (osascript "with administrator privileges", what
 * Wireshark's ChmodBPF does at boot; untested). Windows has no such step: Npcap's installer decides.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fault as catalogFault, RbFault } from '../../../src-shared/errors';
import { said } from '../../../src-shared/i18n/said';
import type { NmrpGrant } from '../../../src-shared/capabilities/nmrp/contract';
import { currentPlatform } from '../../platform/host';
import { grantRawFramesCommand, rawFramesUnavailable, npcapState } from '../../platform/bindings/rawether-access';
import { rawFrameBinary } from '../../platform/bindings/rawether';

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => {
    try {
      return fs.statSync(path.join(d, name)).isFile();
    } catch {
      return false;
    }
  });
}

export async function grantRawFrames(): Promise<NmrpGrant> {
  const platform = currentPlatform();
  if (platform === 'win32') {
    const npcap = npcapState(process.env.SystemRoot ?? 'C:\\Windows', (p) => fs.existsSync(p));
    if (!npcap.installed && !npcap.winpcapCompatible) throw new RbFault(rawFramesUnavailable('win32', 'no-npcap', npcap));
    // Windows has no per-program permission to give: Npcap's installer decided who may use it.
    throw catalogFault('NMRP_GRANT_UNAVAILABLE', { why: 'windows', binary: '' });
  }
  const binary = rawFrameBinary();
  const cmd = grantRawFramesCommand(platform, binary, onPath);
  if (!cmd)
    throw catalogFault('NMRP_GRANT_UNAVAILABLE', { why: 'no-prompt', binary });
  const [file, args] = cmd;
  const code = await new Promise<number>((resolve) => execFile(file, args, { timeout: 120_000 }, (err) => resolve(err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0)));
  if (code !== 0)
    throw catalogFault('NMRP_GRANT_REFUSED', {}, { details: `${file} ${args.join(' ')} exited with ${code}` });
  const w = said(platform === 'linux' ? 'nmrp.grant.linux' : 'nmrp.grant.mac');
  return { granted: true, restartNeeded: platform === 'linux', say: w.text, sayMsg: w.msg };
}
