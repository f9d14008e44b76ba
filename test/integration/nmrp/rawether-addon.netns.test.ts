/**
 * The real raw-Ethernet addon (dist/native/rb_rawether.node) in two throw-away namespaces joined by a veth pair:
 * - its reader thread answers an armed frame itself (decision 0108): a CONF_REQ-coded frame to the station gets the
 *   armed reply addressed back to its sender, JavaScript hears the frame flagged as answered; a second sender is
 *   not answered (the first one is pinned), nor is another code or a disarmed answer;
 * - it adds and removes a permanent neighbour entry through rtnetlink in-process (decision 0109), as root.
 * The "router" side is a few lines of Python with an AF_PACKET socket (no real program sends NMRP frames on demand).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../../../test-support/netns';

const ns = netnsSupport();
const addon = path.resolve('dist/native/rb_rawether.node');
const why = !ns.ok ? ns.reason : !fs.existsSync(addon) ? 'the raw-Ethernet addon is not built (npm run build:native)' : undefined;
if (why) reportSkip('raw-Ethernet addon (namespaces)', why);

/** Station side: the addon driven by lines on stdin, every frame heard printed as a JSON line. */
const STATION = `
const addon = require(process.argv[2]);
const ifname = process.argv[3];
const h = addon.open(ifname, 0x0912, (f, err, answered) => {
  if (f) console.log(JSON.stringify({ frame: true, answered, src: f.subarray(6, 12).toString('hex'), code: f[16] }));
});
const mac = addon.mac(h);
const reply = Buffer.alloc(60);
mac.copy(reply, 6);
reply.writeUInt16BE(0x0912, 12);
Buffer.from([0, 0, 3, 0, 0, 6]).copy(reply, 14);
require('node:readline').createInterface({ input: process.stdin }).on('line', (l) => {
  const [cmd, a, b] = l.split(' ');
  try {
    if (cmd === 'arm') addon.answer(h, 16, 2, reply);
    else if (cmd === 'disarm') addon.answer(h, 16, 2, null);
    else if (cmd === 'neigh-add') addon.neighbour(ifname, a, Buffer.from(b.split(':').map((x) => parseInt(x, 16))));
    else if (cmd === 'neigh-del') addon.neighbour(ifname, a, null);
    else if (cmd === 'quit') { addon.close(h); process.exit(0); }
    console.log(JSON.stringify({ done: cmd }));
  } catch (e) { console.log(JSON.stringify({ done: cmd, error: e.code })); }
});
console.log(JSON.stringify({ ready: mac.toString('hex') }));
`;

/** Router side: send one frame (from `src`, with NMRP code `code`) to `dst` and print what comes back within 0.4 s. */
const ROUTER = `
import socket, struct, sys, select, time, json
ifname, src, dst, code = sys.argv[1], bytes.fromhex(sys.argv[2]), bytes.fromhex(sys.argv[3]), int(sys.argv[4])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0912))
s.bind((ifname, 0))
s.send((dst + src + struct.pack('!H', 0x0912) + struct.pack('!HBBH', 0, code, 0, 6)).ljust(60, b'\\0'))
end = time.time() + 0.4
got = []
while time.time() < end:
    r, _, _ = select.select([s], [], [], max(0, end - time.time()))
    if not r: break
    data, addr = s.recvfrom(2048)
    if addr[2] == 4: continue  # our own
    got.append({'dst': data[0:6].hex(), 'code': data[16]})
print(json.dumps(got))
`;

let lan: RescueLan;
let dir: string;
let station: ChildProcess;
let lines: AsyncIterator<string>;
let stationMac: string;
let routerMac: string;

async function next(): Promise<Record<string, unknown>> {
  const r = await lines.next();
  if (r.done) throw new Error('the station script ended');
  return JSON.parse(r.value) as Record<string, unknown>;
}

async function command(l: string): Promise<Record<string, unknown>> {
  station.stdin!.write(`${l}\n`);
  for (;;) {
    const m = await next();
    if ('done' in m) return m;
  }
}

function routerSends(src: string, code: number): Array<{ dst: string; code: number }> {
  const out = lan.router.exec('python3', ['-c', ROUTER, lan.routerIf, src, stationMac, String(code)]).toString();
  return JSON.parse(out) as Array<{ dst: string; code: number }>;
}

/** The frames the station's JavaScript heard since the last call (they arrive through the event loop). */
async function heard(n: number): Promise<Array<{ answered: boolean; src: string; code: number }>> {
  const got: Array<{ answered: boolean; src: string; code: number }> = [];
  while (got.length < n) got.push((await next()) as never);
  return got;
}

describe.skipIf(!!why)('raw-Ethernet addon: answers from its reader thread, neighbour entries by rtnetlink', () => {
  beforeAll(async () => {
    lan = createRescueLan('rawe', { routerCidr: '192.168.1.1/24', stationCidr: '192.168.1.10/24' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-rawether-'));
    fs.writeFileSync(path.join(dir, 'station.cjs'), STATION);
    routerMac = lan.router.exec('cat', [`/sys/class/net/${lan.routerIf}/address`]).toString().trim().replaceAll(':', '');
    station = lan.station.spawn(process.execPath, [path.join(dir, 'station.cjs'), addon, lan.stationIf], { stdio: ['pipe', 'pipe', 'inherit'] });
    lines = readline.createInterface({ input: station.stdout! })[Symbol.asyncIterator]();
    stationMac = String((await next()).ready);
  });
  afterAll(() => {
    station?.kill();
    lan?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers an armed code from the reader thread, to the first sender only; not another code, not when disarmed', async () => {
    expect(routerSends(routerMac, 2)).toEqual([]); // nothing armed yet
    expect(await heard(1)).toEqual([{ frame: true, answered: false, src: routerMac, code: 2 }]);

    expect(await command('arm')).toEqual({ done: 'arm' });
    expect(routerSends(routerMac, 2)).toEqual([{ dst: routerMac, code: 3 }]);
    expect(routerSends(routerMac, 2)).toEqual([{ dst: routerMac, code: 3 }]); // a re-sent one gets a fresh answer
    expect(routerSends(routerMac, 16)).toEqual([]); // another code: JavaScript's to answer
    expect(routerSends('020000000099', 2)).toEqual([]); // a second sender: not answered (the first is pinned)
    expect(await heard(4)).toEqual([
      { frame: true, answered: true, src: routerMac, code: 2 },
      { frame: true, answered: true, src: routerMac, code: 2 },
      { frame: true, answered: false, src: routerMac, code: 16 },
      { frame: true, answered: false, src: '020000000099', code: 2 },
    ]);

    expect(await command('disarm')).toEqual({ done: 'disarm' });
    expect(routerSends(routerMac, 2)).toEqual([]);
    expect(await heard(1)).toEqual([{ frame: true, answered: false, src: routerMac, code: 2 }]);
  });

  it('adds a permanent neighbour entry and removes it again, in-process (rtnetlink); removing a missing one is no error', async () => {
    const permanent = (): string => lan.station.exec('ip', ['neigh', 'show', 'dev', lan.stationIf, 'nud', 'permanent']).toString().trim();
    expect(await command('neigh-add 10.164.183.253 20:e5:2a:00:00:01')).toEqual({ done: 'neigh-add' });
    expect(permanent()).toBe('10.164.183.253 lladdr 20:e5:2a:00:00:01 PERMANENT');
    expect(await command('neigh-add 10.164.183.253 20:e5:2a:00:00:02')).toEqual({ done: 'neigh-add' }); // replaced, not refused
    expect(permanent()).toBe('10.164.183.253 lladdr 20:e5:2a:00:00:02 PERMANENT');
    expect(await command('neigh-del 10.164.183.253')).toEqual({ done: 'neigh-del' });
    expect(permanent()).toBe('');
    expect(await command('neigh-del 10.164.183.253')).toEqual({ done: 'neigh-del' });
    expect(await command('neigh-add 10.164.183.253.9 20:e5:2a:00:00:02')).toEqual({ done: 'neigh-add', error: 'EINVAL' });
  });
});
