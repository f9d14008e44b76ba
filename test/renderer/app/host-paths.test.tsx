/**
 * From the bench server only the data folder (and --allow-folder folders) can be used (decision 0007): the path
 * fields' examples point into the data folder there, and the TFTP form says where its folder must be. The
 * desktop app keeps its home-folder examples.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { ServerPanel } from '../../../src-renderer/capabilities/tftp/ServerPanel';
import { ConnectPanel } from '../../../src-renderer/capabilities/device/ConnectPanel';
import { pathExample } from '../../../src-renderer/app/host-paths';
import { useApp } from '../../../src-renderer/app/store';
import { useTftp } from '../../../src-renderer/capabilities/tftp/store';
import type { AppInfo } from '../../../src-shared/capabilities/app/contract';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({})) as RbApi['invoke'], on: () => () => undefined };
const info = (host: AppInfo['host'], dataDir = '/srv/rb-data', platform = 'linux'): AppInfo => ({ name: 'Rescue Bench', version: '0', platform, arch: 'x64', dataDir, host });

beforeEach(() => useTftp.setState({ server: { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false }, transfers: [] }));
afterEach(() => {
  cleanup();
  useApp.setState({ info: undefined });
});

function show(node: React.ReactNode): void {
  render(<ApiContext.Provider value={api}>{node}</ApiContext.Provider>);
}

describe('path examples', () => {
  it('bench server: the TFTP folder and key file examples lie in the data folder, and the TFTP form says why', () => {
    useApp.setState({ info: info('bench-server') });
    show(
      <>
        <ServerPanel />
        <ConnectPanel />
      </>,
    );
    expect(screen.getByTestId('tftp-root').getAttribute('placeholder')).toBe('/srv/rb-data/tftp');
    expect(screen.getByTestId('flash-keyfile').getAttribute('placeholder')).toBe('/srv/rb-data/keys/id_ed25519');
    expect(screen.getByTestId('tftp-bench-folders').textContent).toMatch(/inside the Rescue Bench folder on the workstation \(\/srv\/rb-data\)/);
  });

  it('desktop app: home-folder examples, no bench note', () => {
    useApp.setState({ info: info('electron') });
    show(<ServerPanel />);
    expect(screen.getByTestId('tftp-root').getAttribute('placeholder')).toBe('/home/you/firmware');
    expect(screen.queryByTestId('tftp-bench-folders')).toBeNull();
  });

  it('uses the workstation\'s separator', () => {
    expect(pathExample(info('bench-server', 'C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench\\', 'win32'), 'keys/id_ed25519', 'x')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Rescue Bench\\keys\\id_ed25519');
    expect(pathExample(undefined, 'tftp', '/home/you/firmware')).toBe('/home/you/firmware');
  });
});
