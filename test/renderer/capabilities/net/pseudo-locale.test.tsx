/**
 * The network screens in the pseudo-locale with data on them (issue 19): the technician's table, a check's
 * result and the addresses set, and the seller's step waiting for the address. The findings are made by
 * src-shared/capabilities/net/meanings.ts and travel as ids + values beside their English (decision 0138), so
 * they are scanned too, and shown in German.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { NetworkStep, useNet } from '../../../../src-renderer/capabilities/net';
import { NetView } from '../../../../src-renderer/capabilities/net/View';
import { useLocale } from '../../../../src-renderer/i18n';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';
import { checkFindings, type NetCheck, type NetInterface } from '../../../../src-shared/capabilities/net';

const eth = (name: string, extra: Partial<NetInterface> = {}): NetInterface => ({ name, mac: '52:54:00:12:34:56', wired: true, wireless: false, virtual: false, loopback: false, up: true, carrier: true, speedMbps: 1000, addresses: [], dynamic: [], ...extra });
const check: NetCheck = {
  target: '192.168.0.86',
  need: '192.168.0.66/24',
  subnet: '192.168.0.0/24',
  interface: 'enp3s0',
  inSubnet: true,
  hasNeed: false,
  carrier: true,
  dhcp: { state: 'absent', how: 'probe' },
  findings: checkFindings({
    target: '192.168.0.86',
    need: '192.168.0.66/24',
    subnet: '192.168.0.0/24',
    onInterface: 'enp3s0',
    alsoInSubnet: ['wlp2s0'],
    iface: { name: 'enp3s0', mac: '52:54:00:12:34:56', wired: true, wireless: false, virtual: false, loopback: false, up: true, carrier: true, speedMbps: 1000, addresses: [], dynamic: [], managedBy: 'NetworkManager', managerState: 'connected' },
    probe: { arpMac: 'aa:bb:cc:dd:ee:ff', icmp: true, tcp: { '80': true, '22': false }, tcpRefused: [22], answered: true },
    dhcp: { state: 'present', how: 'probe', server: '192.168.0.86', offered: '192.168.0.100' },
  }),
  ready: false,
  at: Date.UTC(2026, 11, 2, 10, 0, 0),
  probe: { arpMac: 'aa:bb:cc:dd:ee:ff', icmp: true, tcp: { '80': true, '22': false }, tcpRefused: [22], answered: true },
} as NetCheck;
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string) => {
    if (name === 'net.list')
      return {
        interfaces: [eth('enp3s0', { addresses: ['10.0.0.5/24'], dynamic: ['10.0.0.5/24'], managedBy: 'NetworkManager', managerState: 'connected' }), eth('enx1', { carrier: false, speedMbps: undefined }), eth('wlp2s0', { wired: false, wireless: true })],
        platform: 'linux',
        networkManager: 'running',
      };
    if (name === 'net.check') return check;
    throw new Error(name);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

function scan(root: Element): string[] {
  // interface names, addresses and speeds are shown as the computer names them
  return scanForEscapes(root, ['Rescue Bench', 'NetworkManager', 'enp3s0', 'enx1', 'wlp2s0', 'aa:bb:cc:dd:ee:ff', '192.168.0.86', '192.168.0.66', '192.168.0.100', '192.168.0.0/24', '1 Gbit/s', '80', 'Wi-Fi', 'DHCP']);
}

beforeAll(async () => {
  await useLocale.getState().setLocale('en-XA');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
beforeEach(() =>
  useNet.setState({
    interfaces: [],
    checks: {},
    leases: [{ interface: 'enp3s0', address: '192.168.0.66/24', added: true, state: 'lost', readded: 2, arp: [{ ip: '192.168.0.86', mac: 'aa:bb:cc:dd:ee:ff' }], since: 0 } as never],
    linkLog: [{ at: Date.UTC(2026, 11, 2, 10, 0, 0), interface: 'enp3s0', up: true, carrier: false }] as never,
  }),
);
afterEach(cleanup);

describe('network screens in the pseudo-locale, with data', () => {
  it("the technician's view: table, check result, addresses set, link changes", async () => {
    const { container } = render(
      <ApiContext.Provider value={api}>
        <NetView />
      </ApiContext.Provider>,
    );
    const table = await screen.findByTestId('net-interfaces');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(3));
    fireEvent.change(screen.getByTestId('net-target'), { target: { value: '192.168.0.86' } });
    fireEvent.click(screen.getByTestId('net-check'));
    await screen.findByTestId('net-check-result');
    expect(scan(container)).toEqual([]);
  });

  it("the seller's step: the cable found, the address to set, the checks", async () => {
    const { container } = render(
      <ApiContext.Provider value={api}>
        <NetworkStep target="192.168.0.86" need="192.168.0.66/24" />
      </ApiContext.Provider>,
    );
    await screen.findByTestId('net-step-set');
    expect(scan(container)).toEqual([]);
  });
});

describe('network findings in German', () => {
  afterAll(async () => {
    await useLocale.getState().setLocale('en-XA');
  });
  it('every finding of a check is German; a finding whose English was reworded is shown as it came', async () => {
    await useLocale.getState().setLocale('de');
    render(
      <ApiContext.Provider value={api}>
        <NetView />
      </ApiContext.Provider>,
    );
    fireEvent.change(screen.getByTestId('net-target'), { target: { value: '192.168.0.86' } });
    fireEvent.click(screen.getByTestId('net-check'));
    const result = await screen.findByTestId('net-check-result');
    const titles = [...result.querySelectorAll('.net-finding-title')].map((e) => e.textContent);
    expect(titles.some((x) => x?.endsWith('enp3s0 hat eine Verbindung (1 Gbit/s).'))).toBe(true);
    expect(titles.some((x) => x?.endsWith('An 192.168.0.86 antwortet etwas (seine Hardware-Adresse ist aa:bb:cc:dd:ee:ff; es antwortet auf Ping; Port 80 offen).'))).toBe(true);
    expect(titles.some((x) => x?.endsWith('Auf diesem Kabel antwortet ein DHCP-Server (192.168.0.86, bietet 192.168.0.100 an).'))).toBe(true);
    const meanings = [...result.querySelectorAll('.net-finding-meaning')].map((e) => e.textContent);
    expect(meanings).toContain('Er erreicht 192.168.0.86 direkt über dieses Kabel.');
    expect(meanings.join(' ')).not.toMatch(/\b(the|This computer|router)\b/);
  });
});
