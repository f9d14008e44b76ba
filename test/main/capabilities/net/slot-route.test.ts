import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NetService, type SlotEvent } from '../../../../src-main/capabilities/net';
import { eth, mockNet, type MockNet } from '../../../../test-support/bindings/net-mock';
import { cardListenFault } from '../../../../src-main/platform/bindings/udp';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import type { RbFault } from '../../../../src-shared/errors';

const dirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-slot-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function station(m: MockNet, dir = dataDir()) {
  const events: SlotEvent[] = [];
  const svc = new NetService({ slot: (e) => events.push(e) }, { binding: m, dataDir: dir, pollMs: 10 });
  return { svc, events, dir };
}
const cards = () => [eth('enx1'), eth('enx2'), eth('enx3', { addresses: [{ cidr: '10.0.0.5/24' }] })];

describe('NetService.slotRoute (three routers at 192.168.1.1 on three cards)', () => {
  it('gives each card its own address, table and rule, sets the card sysctls, and undoes exactly that', async () => {
    const m = mockNet(cards(), { root: true });
    m.sysctls.set('net/ipv4/conf/enx2/rp_filter', '1');
    const { svc, events, dir } = station(m);
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const s2 = await svc.slotRoute('enx2', { routerIp: '192.168.1.1', prefix: 24 });
    expect([s1.interface, s1.sourceAddress, s1.table]).toEqual(['enx1', '192.168.1.60', 7170]);
    expect([s2.interface, s2.sourceAddress, s2.table]).toEqual(['enx2', '192.168.1.61', 7171]);
    expect(m.ifs.get('enx1')!.addresses.map((a) => a.cidr)).toEqual(['192.168.1.60/24']);
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170', 'from 192.168.1.61/32 lookup 7171 pref 7171']);
    expect(m.tables.get('7171')).toEqual(['192.168.1.0/24 dev enx2 src 192.168.1.61 table 7171']);
    expect(m.sysctls.get('net/ipv4/conf/enx2/arp_ignore')).toBe('1');
    expect(m.sysctls.get('net/ipv4/conf/enx2/rp_filter')).toBe('2');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'net-slots.json'), 'utf8'))).toHaveLength(2);
    expect(svc.slotRoutes().map((s) => s.interface)).toEqual(['enx1', 'enx2']);
    expect(m.exitHooks.size).toBe(2);

    await s2.release();
    await s2.release(); // idempotent
    expect(m.ifs.get('enx2')!.addresses).toEqual([]);
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170']);
    expect(m.tables.has('7171')).toBe(false);
    expect(m.sysctls.get('net/ipv4/conf/enx2/rp_filter')).toBe('1'); // as it was
    expect(m.sysctls.get('net/ipv4/conf/enx2/arp_ignore')).toBe('0');
    // the freed table and address are used again by the next slot
    const s3 = await svc.slotRoute('enx3', { routerIp: '192.168.1.1', prefix: 24 });
    expect([s3.sourceAddress, s3.table]).toEqual(['192.168.1.61', 7171]);
    await svc.dispose();
    expect(m.rules.size).toBe(0);
    expect(m.tables.size).toBe(0);
    expect(m.ifs.get('enx3')!.addresses.map((a) => a.cidr)).toEqual(['10.0.0.5/24']);
    expect(m.exitHooks.size).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'net-slots.json'), 'utf8'))).toEqual([]);
    expect(events.filter((e) => e.state === 'released').map((e) => e.interface).sort()).toEqual(['enx1', 'enx2', 'enx3']);
  });

  it('refuses a second slot on the same card in three parts, and the first goes on', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc } = station(m);
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const calls = m.calls.length;
    const err = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NET_SLOT_CARD_TAKEN', message: expect.stringContaining('enx1'), meaning: expect.stringContaining('nothing was changed'), fix: expect.stringContaining('free network card') });
    expect(m.calls.length).toBe(calls); // no command ran
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170']);
    await s1.release();
  });

  it('a bad router address and a card that is not there: said from the catalogue, in German too', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc } = station(m);
    const de = translator('de', await loadCatalog('de'));
    const bad = (await svc.slotRoute('enx1', { routerIp: '192.168.1.300', prefix: 24 }).catch((e: unknown) => e)) as RbFault;
    expect(bad.toShape()).toMatchObject({ code: 'NET_BAD_ADDRESS', message: '"192.168.1.300" is not an IPv4 address.', fix: 'Give the router’s address as four numbers with dots.', values: { kind: 'target', value: '192.168.1.300' } });
    expect(localizeError(bad.toShape(), de).message).toBe('„192.168.1.300“ ist keine IPv4-Adresse.');
    const gone = (await svc.slotRoute('enx9', { routerIp: '192.168.1.1', prefix: 24 }).catch((e: unknown) => e)) as RbFault;
    expect(gone.toShape()).toMatchObject({ code: 'NET_NO_SUCH_INTERFACE', message: 'There is no network connection called enx9 on this computer.', values: { iface: 'enx9' } });
    expect(localizeError(gone.toShape(), de).message).toContain('enx9');
    expect(localizeError(gone.toShape(), de).message).not.toBe(gone.message);
    expect([...m.rules]).toEqual([]); // nothing was set up
    expect(m.tables.size).toBe(0);
  });

  it('undoes what it set up when a step fails, and says so', async () => {
    const m = mockNet(cards(), { root: true });
    m.rules.add('from 192.168.1.60/32 lookup 7170 pref 7170'); // someone else's rule: the batch fails on it
    const { svc, dir } = station(m);
    const err = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NET_SLOT_FAILED', meaning: expect.stringContaining('removed again') });
    expect(m.ifs.get('enx1')!.addresses).toEqual([]);
    expect(m.tables.size).toBe(0);
    expect(m.exitHooks.size).toBe(0);
    expect(svc.slotRoutes()).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'net-slots.json'), 'utf8'))).toEqual([]);
  });

  it('a cancelled permission prompt changes nothing; a card that is not there is named', async () => {
    const m = mockNet(cards(), { pkexec: 'cancel' });
    const { svc } = station(m);
    await expect(svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 })).rejects.toMatchObject({ code: 'NET_PERMISSION_CANCELLED' });
    expect(m.ifs.get('enx1')!.addresses).toEqual([]);
    await expect(station(mockNet(cards(), { root: true })).svc.slotRoute('enx9', { routerIp: '192.168.1.1', prefix: 24 })).rejects.toMatchObject({ code: 'NET_NO_SUCH_INTERFACE' });
    await expect(station(mockNet(cards(), { root: true })).svc.slotRoute('enx1', { routerIp: '192.168.1.999', prefix: 24 })).rejects.toMatchObject({ code: 'NET_BAD_ADDRESS' });
  });

  it('a user who is not root is asked once per slot: one pkexec for the whole set-up, one for the whole undo', async () => {
    const m = mockNet(cards(), { pkexec: 'allow' });
    m.sysctls.set('net/ipv4/conf/enx1/rp_filter', '1');
    const { svc } = station(m);
    const before = m.calls.length;
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const opened = m.calls.slice(before).filter((c) => c.cmd === 'pkexec');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.args.slice(0, 2)).toEqual(['/usr/sbin/sh', '-c']);
    // everything is in place after that one run: address, table, rule and the card's settings
    expect(m.ifs.get('enx1')!.addresses.map((a) => a.cidr)).toEqual(['192.168.1.60/24']);
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170']);
    expect(['arp_ignore', 'arp_filter', 'rp_filter'].map((k) => m.sysctls.get(`net/ipv4/conf/enx1/${k}`))).toEqual(['1', '1', '2']);
    const mid = m.calls.length;
    await s1.release();
    expect(m.calls.slice(mid).filter((c) => c.cmd === 'pkexec')).toHaveLength(1);
    expect(m.rules.size).toBe(0);
    expect(m.ifs.get('enx1')!.addresses).toEqual([]);
    expect(m.sysctls.get('net/ipv4/conf/enx1/rp_filter')).toBe('1');
    await svc.dispose();
  });

  it('as root nothing is asked and the runs are as before: the ip batch, then the sysctl on its own', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc } = station(m);
    const before = m.calls.length;
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    // (reading the card list and its sysctls before needs no permission and is left out)
    const runs = m.calls.slice(before).filter((c) => !(c.cmd === 'sysctl' && c.args[0] === '-n') && !(c.cmd === 'ip' && c.args[0] === '-j'));
    expect(runs.map((c) => [c.cmd, c.args[0]])).toEqual([
      ['ip', '-batch'],
      ['sysctl', '-q'],
    ]);
    await s1.release();
    await svc.dispose();
  });

  it('a failing set-up (a rule in the way) is undone in the same single run per direction, and the fault is three parts in every language', async () => {
    const m = mockNet(cards(), { pkexec: 'allow' });
    m.rules.add('from 192.168.1.60/32 lookup 7170 pref 7170');
    const { svc } = station(m);
    const err = (await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 }).catch((e: unknown) => e)) as RbFault;
    expect(m.calls.filter((c) => c.cmd === 'pkexec')).toHaveLength(2); // the set-up, then its undo
    expect(err).toMatchObject({ code: 'NET_SLOT_FAILED', message: 'Could not give enx1 its own route to the router at 192.168.1.1.', meaning: expect.stringContaining('removed again') });
    expect(m.sysctls.get('net/ipv4/conf/enx1/arp_ignore')).toBe('0');
    const de = localizeError(err.toShape(), translator('de', await loadCatalog('de')));
    expect(de.message).toBe('enx1 konnte keinen eigenen Weg zum Router unter 192.168.1.1 bekommen.');
    const es = localizeError(err.toShape(), translator('es', await loadCatalog('es')));
    expect(es.fix).toMatch(/^Compruebe que enx1/);
  });

  it('a card that loses its link is named in a no-carrier event; the others go on; ready again when it returns', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc, events } = station(m);
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const s2 = await svc.slotRoute('enx2', { routerIp: '192.168.1.1', prefix: 24 });
    await svc.pollOnce();
    m.setCarrier('enx2', false);
    await svc.pollOnce();
    expect(events.filter((e) => e.state === 'no-carrier')).toEqual([expect.objectContaining({ interface: 'enx2', sourceAddress: '192.168.1.61', routerIp: '192.168.1.1' })]);
    m.setCarrier('enx2', true);
    await svc.pollOnce();
    expect(events.at(-1)).toMatchObject({ interface: 'enx2', state: 'ready' });
    expect(events.some((e) => e.interface === 'enx1' && e.state !== 'ready')).toBe(false);
    await s1.release();
    await s2.release();
  });

  it('on process exit the slots are undone synchronously; a dead process’s record is undone before the card is used again', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc, dir } = station(m);
    await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    for (const h of [...m.exitHooks]) void h(true);
    expect(m.rules.size).toBe(0);
    expect(m.ifs.get('enx1')!.addresses).toEqual([]);
    // a crashed process left this behind
    m.ifs.get('enx2')!.addresses.push({ cidr: '192.168.1.77/24' });
    m.rules.add('from 192.168.1.77/32 lookup 7175 pref 7175');
    m.tables.set('7175', ['192.168.1.0/24 dev enx2 src 192.168.1.77']);
    fs.writeFileSync(path.join(dir, 'net-slots.json'), JSON.stringify([{ interface: 'enx2', sourceAddress: '192.168.1.77', routerIp: '192.168.1.1', prefix: 24, table: 7175, sysctlsBefore: {}, sysctlsSet: false, pid: 999_999_999, since: 0 }]));
    const again = station(m, dir).svc;
    const s = await again.slotRoute('enx2', { routerIp: '192.168.1.1', prefix: 24 });
    expect(m.tables.has('7175')).toBe(false);
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170']);
    expect(s.sourceAddress).toBe('192.168.1.60');
    await s.release();
  });
});

describe('the station faults in the person’s language', () => {
  it('a card taken twice, and a card that cannot be listened on alone, in German and Spanish', async () => {
    const m = mockNet(cards(), { root: true });
    const { svc } = station(m);
    const s1 = await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const err = (await svc.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 }).catch((e: unknown) => e)) as RbFault;
    await s1.release();
    const de = localizeError(err.toShape(), translator('de', await loadCatalog('de')));
    expect(de.message).toBe('Die Netzwerkkarte enx1 gehört auf dieser Station schon zum Platz eines anderen Routers.');
    expect(de.meaning).toContain('erreicht von 192.168.1.60');
    expect(de.fix).toMatch(/^Stecken Sie/);
    const es = localizeError(cardListenFault('enx2', 'test').toShape(), translator('es', await loadCatalog('es')));
    expect(es.message).toBe('Rescue Bench no puede escuchar solo en la tarjeta de red enx2.');
  });
});
