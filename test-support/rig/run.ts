/**
 * Run the virtual bench rig by hand (docs/rig.md):  sudo npm run rig [-- --paused] [--uboot]
 * Builds (or reuses) the guest, starts QEMU with U-Boot paused, prints how to attach, then switches it on.
 * --uboot also runs our `uboot` CLI against it (inside the rig's namespace) and boots the initramfs.
 * Ctrl-C stops QEMU and deletes the namespace.
 */
import { spawn } from 'node:child_process';
import { netnsSupport, nodeTsArgs } from '../netns';
import { buildGuest, rigSupport } from './guest';
import { startRig } from './qemu';

const args = new Set(process.argv.slice(2));
for (const s of [netnsSupport(), rigSupport()]) {
  if (!s.ok) {
    process.stderr.write(`Cannot start the rig: ${s.reason}\n`);
    process.exit(1);
  }
}
process.stderr.write('Building the guest (first time: downloads the Debian armhf kernel and busybox)…\n');
const guest = buildGuest();
const rig = await startRig({ tag: 'hand' });
const say = (s: string): boolean => process.stderr.write(`${s}\n`);
say(`
Rig is up (U-Boot paused until switched on).
  serial console : ${rig.serialPath}      e.g.  picocom -b 115200 ${rig.serialPath}
  namespace      : ${rig.ns.name}  (this computer is 192.168.1.10 on ${rig.tap}; U-Boot will be 192.168.1.1)
  guest files    : ${guest.dir}  (rig.itb = FIT: kernel + initramfs + device tree)
  run the automation yourself:
    ip netns exec ${rig.ns.name} npm run --silent cli -- uboot --port ${rig.serialPath} --file ${guest.fit} --boot --bootargs console=ttyAMA0
  QEMU monitor   : type monitor commands here (system_reset, info network, quit)
`);
const stop = async (): Promise<void> => {
  say('Stopping the rig…');
  await rig.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
rig.qemu.once('exit', () => void stop());
process.stdin.on('data', (d) => rig.monitor(d.toString().trim()));

if (args.has('--uboot')) {
  const [cmd, a] = nodeTsArgs('src-main/cli/main.ts', ['uboot', '--port', rig.serialPath, '--file', guest.fit, '--boot', '--bootargs', 'console=ttyAMA0', '--echo']);
  const child = rig.ns.spawn(cmd, a, { stdio: ['ignore', 'inherit', 'inherit'] });
  setTimeout(() => rig.powerOn(), 1500);
  child.once('exit', (code) => say(`uboot exited with ${code}. The guest keeps running; attach to ${rig.serialPath}. Ctrl-C to stop.`));
} else if (!args.has('--paused')) {
  say('Switching it on in 3 seconds (attach your terminal now; --paused waits for you to type "cont").');
  setTimeout(() => rig.powerOn(), 3000);
}
