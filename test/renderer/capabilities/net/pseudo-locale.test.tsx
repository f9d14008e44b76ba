/**
 * The network screens in the pseudo-locale with data on them (issue 19): the technician's table, a check's
 * result and the addresses set, and the seller's step waiting for the address. The findings' titles and meanings
 * are made in English by src-shared/capabilities/net/meanings.ts and carried as text; they are left out here and
 * named as remaining work until they travel as message ids.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { NetworkStep, useNet } from '../../../../src-renderer/capabilities/net';
import { NetView } from '../../../../src-renderer/capabilities/net/View';
import { useLocale } from '../../../../src-renderer/i18n';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';
import type { NetCheck, NetInterface } from '../../../../src-shared/capabilities/net';

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
  findings: [{ id: 'target', level: 'info', title: 'Nothing answers at 192.168.0.86 yet.', meaning: 'That is normal until the router is in recovery mode.' }],
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

/** Without the findings (English data, see the header). */
function scan(root: Element): string[] {
  for (const f of root.querySelectorAll('.net-finding-title, .net-finding-meaning')) f.setAttribute('data-i18n-data', 'finding (English data)');
  // interface names and hardware addresses are shown as the computer names them
  return scanForEscapes(root, ['Rescue Bench', 'NetworkManager', 'enp3s0', 'enx1', 'wlp2s0', 'aa:bb:cc:dd:ee:ff']);
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
