/**
 * One path into the serial store: opening a port goes through the store's action; the session itself enters
 * the store only by its serial.session event (the one writer), the reply just shows the console opened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { ConnectPanel } from '../../../../src-renderer/capabilities/serial/ConnectPanel';
import { useSerial } from '../../../../src-renderer/capabilities/serial/store';
import type { SerialSession } from '../../../../src-shared/capabilities/serial/contract';

const session = (id: string, path: string): SerialSession => ({
  id,
  path,
  state: 'open',
  requested: { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' },
  actual: { baud: 115200 },
  signals: {},
  profile: 'generic',
  logPath: '/tmp/x.log',
  openedAt: 0,
  bytesIn: 0,
  bytesOut: 0,
  reconnects: 0,
  autoStop: true,
});

const calls: Array<[string, unknown]> = [];
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push([name, payload]);
    if (name === 'serial.ports') return { ports: [{ path: '/dev/ttyUSB1', label: 'USB serial' }] };
    if (name === 'serial.open') {
      // as on the wire: the session's serial.session event comes before the reply (what the wiring does with it)
      const s = session('s2', (payload as { path: string }).path);
      useSerial.getState().upsertSession(s);
      return s;
    }
    throw new Error(`unexpected ${name}`);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

beforeEach(() => {
  calls.length = 0;
  useSerial.setState({ ports: [], portsNote: undefined, sessions: {}, active: undefined, banners: {} });
});
afterEach(cleanup);

describe('serial connect panel', () => {
  it('keeps the port list through the store action and fills in the first port', async () => {
    render(<ApiContext.Provider value={api}><ConnectPanel /></ApiContext.Provider>);
    await waitFor(() => expect((screen.getByTestId('console-path') as HTMLInputElement).value).toBe('/dev/ttyUSB1'));
    expect(useSerial.getState().ports.map((p) => p.path)).toEqual(['/dev/ttyUSB1']);
  });

  it('does not write the opened session: it arrives by its event; the reply selects it', async () => {
    // one console is open already and shown
    useSerial.getState().upsertSession(session('s1', '/dev/ttyUSB0'));
    render(<ApiContext.Provider value={api}><ConnectPanel /></ApiContext.Provider>);
    await waitFor(() => expect((screen.getByTestId('console-path') as HTMLInputElement).value).toBe('/dev/ttyUSB1'));
    const upserts: string[] = [];
    const off = useSerial.subscribe((st, prev) => {
      for (const id of Object.keys(st.sessions)) if (!prev.sessions[id]) upserts.push(id);
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('console-open'));
    });
    off();
    expect(calls.at(-1)).toEqual(['serial.open', expect.objectContaining({ path: '/dev/ttyUSB1', autoStop: true })]);
    // the event added it; the reply only selected it, and read nothing more
    expect(upserts).toEqual(['s2']);
    expect(calls.map((c) => c[0])).not.toContain('serial.sessions');
    expect(Object.keys(useSerial.getState().sessions).sort()).toEqual(['s1', 's2']);
    expect(useSerial.getState().active).toBe('s2');
  });
});
