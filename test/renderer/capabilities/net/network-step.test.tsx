/**
 * The seller's network step and the technician's view over a scripted API: the step picks the only cable with a
 * link (or watches for one), asks for the address with one button, then shows the checks with their meanings;
 * a cancelled permission prompt shows the three-part error and leaves the button there.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { NetworkStep, useNet } from '../../../../src-renderer/capabilities/net';
import { NetView } from '../../../../src-renderer/capabilities/net/View';
import type { NetCheck, NetInterface } from '../../../../src-shared/capabilities/net';

const eth = (name: string, extra: Partial<NetInterface> = {}): NetInterface => ({ name, mac: '52:54:00:12:34:56', wired: true, wireless: false, virtual: false, loopback: false, up: true, carrier: true, speedMbps: 1000, addresses: [], dynamic: [], ...extra });

function checkOf(ready: boolean, hasNeed: boolean): NetCheck {
  return {
    target: '192.168.0.86',
    need: '192.168.0.66/24',
    subnet: '192.168.0.0/24',
    interface: 'enp3s0',
    inSubnet: hasNeed,
    hasNeed,
    ...(hasNeed ? { needOn: 'enp3s0', onInterface: 'enp3s0' } : {}),
    carrier: true,
    dhcp: { state: 'absent', how: 'probe' },
    findings: [
      hasNeed
        ? { id: 'address', level: 'ok', title: 'This computer has the address 192.168.0.66 (on enp3s0).', meaning: 'That is the address the router looks for in recovery mode.' }
        : { id: 'address', level: 'warn', title: 'This computer does not have the address 192.168.0.66 yet.', meaning: 'The router only talks to 192.168.0.66 in recovery mode.' },
      { id: 'target', level: 'info', title: 'Nothing answers at 192.168.0.86 yet.', meaning: 'That is normal until the router is in recovery mode.' },
    ],
    ready,
    at: Date.UTC(2026, 11, 2, 10, 0, 0),
  };
}

function fakeApi(handlers: Record<string, (p: unknown) => unknown>): RbApi & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    transport: 'websocket',
    calls,
    invoke: (async (name: string, payload: unknown) => {
      calls.push([name, payload]);
      const h = handlers[name];
      if (!h) throw new Error(`unexpected ${name}`);
      return h(payload);
    }) as RbApi['invoke'],
    on: () => () => undefined,
  };
}

beforeEach(() => useNet.setState({ interfaces: [], checks: {}, leases: [], linkLog: [] }));
afterEach(cleanup);

describe('NetworkStep', () => {
  it('the only cable with a link is taken; one button sets the address; the checks show their meanings; onReady once', async () => {
    let has = false;
    const api = fakeApi({
      'net.list': () => ({ interfaces: [eth('lo', { wired: false, loopback: true }), eth('enp3s0'), eth('wlp2s0', { wired: false, wireless: true })], platform: 'linux', networkManager: 'running' }),
      'net.check': () => checkOf(has, has),
      'net.address.add': () => {
        has = true;
        return { interface: 'enp3s0', address: '192.168.0.66/24', added: true, unmanaged: true, arp: [], state: 'active', readded: 0, via: 'pkexec', since: 1, keep: false };
      },
    });
    const ready = vi.fn();
    render(
      <ApiContext.Provider value={api}>
        <NetworkStep target="192.168.0.86" need="192.168.0.66/24" onReady={ready} />
      </ApiContext.Provider>,
    );
    await screen.findByText('This computer needs the address 192.168.0.66.');
    expect(screen.getByTestId('net-step-cable').textContent).toMatch(/The router’s cable is in enp3s0 \(it has a link, 1 Gbit\/s\)/);
    fireEvent.click(screen.getByTestId('net-step-set'));
    await screen.findByText('Nothing stands in the way of the recovery.');
    expect(api.calls.find((c) => c[0] === 'net.address.add')![1]).toEqual({ interface: 'enp3s0', address: '192.168.0.66/24', keep: false });
    const findings = within(screen.getByTestId('net-step-findings'));
    expect(findings.getByText('Nothing answers at 192.168.0.86 yet.')).toBeTruthy();
    expect(findings.getByText('That is normal until the router is in recovery mode.')).toBeTruthy();
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(ready.mock.calls[0]![0]).toMatchObject({ interface: 'enp3s0', check: { ready: true } });
  });

  it('two cables: it watches for the one being plugged; a cancelled permission prompt shows the error and keeps the button', async () => {
    let resolveCable!: (v: unknown) => void;
    const api = fakeApi({
      'net.list': () => ({ interfaces: [eth('enp3s0', { carrier: false }), eth('enx1'), eth('enp4s0')], platform: 'linux', networkManager: 'absent' }),
      'net.which-cable': () => new Promise((r) => (resolveCable = r)),
      'net.check': () => checkOf(false, false),
      'net.address.add': () => {
        throw new ApiError({ code: 'NET_PERMISSION_CANCELLED', message: 'The permission request was cancelled.', meaning: 'Nothing was changed.', fix: 'Try again and enter your password.' });
      },
    });
    render(
      <ApiContext.Provider value={api}>
        <NetworkStep target="192.168.0.86" need="192.168.0.66/24" />
      </ApiContext.Provider>,
    );
    await screen.findByText('Plug the cable into a LAN port of the router and into this computer.');
    expect(screen.getByTestId('net-step-watch').textContent).toMatch(/Waiting for the cable/);
    await act(async () => resolveCable({ interface: 'enp3s0' }));
    await screen.findByText('This computer needs the address 192.168.0.66.');
    fireEvent.click(screen.getByTestId('net-step-set'));
    const card = await screen.findByTestId('error-card');
    expect(card.getAttribute('data-code')).toBe('NET_PERMISSION_CANCELLED');
    expect(card.textContent).toMatch(/What to do: Try again/);
    expect(screen.getByTestId('net-step-set')).toBeTruthy();
  });
});

describe('NetView', () => {
  it('the interface table in plain words; a check shows what answered and each meaning', async () => {
    const api = fakeApi({
      'net.list': () => ({
        interfaces: [eth('enp3s0', { addresses: ['10.0.0.5/24'], dynamic: ['10.0.0.5/24'], managedBy: 'NetworkManager', managerState: 'connected' }), eth('enx1', { carrier: false, speedMbps: undefined }), eth('wlp2s0', { wired: false, wireless: true })],
        platform: 'linux',
        networkManager: 'running',
      }),
      'net.check': () => ({ ...checkOf(false, true), probe: { arpMac: 'aa:bb:cc:dd:ee:ff', icmp: true, tcp: { '80': true, '22': false }, tcpRefused: [22], answered: true } }),
    });
    render(
      <ApiContext.Provider value={api}>
        <NetView />
      </ApiContext.Provider>,
    );
    const table = await screen.findByTestId('net-interfaces');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(3));
    const row = (n: string) => table.querySelector(`tr[data-if="${n}"]`)!.textContent;
    expect(row('enp3s0')).toMatch(/Cable.*Link · 1 Gbit\/s.*10\.0\.0\.5\/24DHCP.*NetworkManager \(connected\)/);
    expect(row('enx1')).toMatch(/No cable, or the other end is off/);
    expect(row('wlp2s0')).toMatch(/Wi-Fi/);
    fireEvent.change(screen.getByTestId('net-target'), { target: { value: '192.168.0.86' } });
    fireEvent.click(screen.getByTestId('net-check'));
    const res = await screen.findByTestId('net-check-result');
    expect(res.textContent).toMatch(/ARP aa:bb:cc:dd:ee:ff · ping yes · TCP 22 refused, 80 open · DHCP absent \(probe\)/);
    expect(api.calls.find((c) => c[0] === 'net.check')![1]).toEqual({ target: '192.168.0.86' });
  });
});
