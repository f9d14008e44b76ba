/**
 * The network view the recovery steps use until the network assistant (NetService, helper "net") is merged:
 * addresses from the platform layer, carrier from sysfs, and the address added with the OS's privilege prompt
 * (as root directly). index.ts passes NetService instead once it exists; the steps see the same shape (deps.ts).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { RbFault } from '../../../src-shared/errors';
import { configuredIpv4, currentPlatform, privilegedAddressCommand, rescueAddressHowTo, safeInterfaceName } from '../../platform';
import type { RecoverLease, RecoverNet, RecoverNetInterface } from './deps';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(cmd, args, { timeout: 120_000 }, (err, _o, stderr) => (err ? reject(new Error(`${cmd}: ${String(stderr).trim() || err.message}`)) : resolve())));
}

export function localNet(): RecoverNet {
  const platform = currentPlatform();
  return {
    async interfaces(): Promise<RecoverNetInterface[]> {
      const by = new Map<string, RecoverNetInterface>();
      for (const i of await configuredIpv4()) {
        const e = by.get(i.name) ?? { name: i.name, addresses: [], internal: i.internal, wired: !/^(wl|wlan|wifi|ww)/.test(i.name) };
        e.addresses.push(i.cidr);
        by.set(i.name, e);
      }
      if (platform === 'linux') {
        let names: string[] = [];
        try {
          names = fs.readdirSync('/sys/class/net');
        } catch {
          /* no sysfs */
        }
        for (const n of names) {
          const e = by.get(n) ?? { name: n, addresses: [], internal: n === 'lo', wired: !fs.existsSync(`/sys/class/net/${n}/wireless`) };
          try {
            e.carrier = fs.readFileSync(`/sys/class/net/${n}/carrier`, 'utf8').trim() === '1';
          } catch {
            e.carrier = false; // an interface that is down has no readable carrier
          }
          by.set(n, e);
        }
      }
      return [...by.values()];
    },
    async prepare(req): Promise<RecoverLease> {
      const name = safeInterfaceName(platform, req.interface);
      const [ip, bits] = req.address.split('/');
      const how = rescueAddressHowTo(platform, req.interface, ip);
      const refuse = (details: string): RbFault =>
        new RbFault({ code: 'RECOVER_ADDRESS_FAILED', message: `This computer did not get the address ${ip}.`, meaning: 'The router in its recovery mode only talks to that address.', fix: `${how.steps} ${how.command}  Then choose "Check again".`, details });
      if (!name) throw refuse(`interface name not accepted: ${req.interface}`);
      const root = platform === 'linux' && process.getuid?.() === 0;
      const cmd: [string, string[]] | undefined = root ? ['ip', ['addr', 'add', `${ip}/${bits ?? 24}`, 'dev', name]] : privilegedAddressCommand(platform, name, ip);
      if (!cmd) throw refuse('no privilege prompt on this computer (pkexec missing)');
      try {
        await run(cmd[0], cmd[1]);
      } catch (err) {
        if (!/File exists/.test(String((err as Error).message))) throw refuse((err as Error).message);
      }
      let released = false;
      return {
        interface: req.interface,
        address: req.address,
        release: async () => {
          if (released || !root) return; // without root, removing needs a second prompt: the address goes with the next restart
          released = true;
          await run('ip', ['addr', 'del', `${ip}/${bits ?? 24}`, 'dev', name]).catch(() => undefined);
        },
      };
    },
    async probe(ip, opts) {
      const tcp: Record<number, boolean> = {};
      await Promise.all(
        (opts.tcpPorts ?? [80]).map(
          (port) =>
            new Promise<void>((resolve) => {
              const s = net.connect({ host: ip, port });
              const done = (v: boolean): void => {
                tcp[port] = v;
                clearTimeout(timer);
                s.destroy();
                resolve();
              };
              const timer = setTimeout(() => done(false), opts.timeoutMs ?? 1500);
              s.on('connect', () => done(true));
              s.on('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
            }),
        ),
      );
      return { icmp: false, tcp };
    },
  };
}
