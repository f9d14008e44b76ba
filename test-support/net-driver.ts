/**
 * The network assistant's service in a child process, for tests that must run it inside a namespace
 * (`ip netns exec STATION node --import tsx test-support/net-driver.ts DATA_DIR`): the real binding, the real
 * tools, that namespace's interfaces and /sys. One JSON request per stdin line, `{"id","op","args"}`; one JSON
 * line per reply `{"id","ok","value"|"error"}` and per service event `{"event":"link"|"lease","payload"}`.
 * Ops: interfaces, check, probe, whichCable, waitForCarrier, prepare (→ a lease key), arp, release, leases.
 * No SIGINT/SIGTERM handler of its own: the service's exit hook is what releases leases when it is killed.
 */
import readline from 'node:readline';
import { NetService, type NetLease } from '../src-main/capabilities/net';
import { toErrorShape } from '../src-shared/errors';

const out = (v: unknown): void => void process.stdout.write(JSON.stringify(v) + '\n');
const svc = new NetService({ link: (payload) => out({ event: 'link', payload }), lease: (payload) => out({ event: 'lease', payload }) }, { dataDir: process.argv[2], pollMs: 50 });
const leases = new Map<string, NetLease>();

type Req = { id: number; op: string; args: Record<string, unknown> };

async function handle(r: Req): Promise<unknown> {
  const a = r.args as { ip: string; interface: string; timeoutMs: number; key: string; mac: string };
  switch (r.op) {
    case 'interfaces':
      return svc.interfaces();
    case 'check':
      return svc.check(a as never);
    case 'probe':
      return svc.probe(a.ip, a as never);
    case 'whichCable':
      return svc.whichCable({ timeoutMs: a.timeoutMs });
    case 'waitForCarrier':
      return svc.waitForCarrier(a.interface, { timeoutMs: a.timeoutMs });
    case 'prepare': {
      const l = await svc.prepare(a as never);
      leases.set(`${l.interface} ${l.address}`, l);
      return `${l.interface} ${l.address}`;
    }
    case 'arp':
      return leases.get(a.key)!.addStaticArp(a.ip, a.mac);
    case 'release':
      return leases.get(a.key)!.release();
    case 'leases':
      return svc.leases();
    default:
      throw new Error(`unknown op ${r.op}`);
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const r = JSON.parse(line) as Req;
  handle(r).then(
    (value) => out({ id: r.id, ok: true, value: value ?? null }),
    (e: unknown) => out({ id: r.id, ok: false, error: toErrorShape(e) }),
  );
});
out({ event: 'ready', payload: process.pid });
