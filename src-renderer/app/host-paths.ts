import type { AppInfo } from '../../src-shared/capabilities/app';

/**
 * The example shown in a field that names a file or folder on the workstation. From the bench server the
 * workstation uses only its data folder and the folders allowed with `serve --allow-folder` (decision 0007),
 * so there the example lies in the data folder; in the desktop app, where any path may be typed, `elsewhere`.
 */
export function pathExample(info: AppInfo | undefined, inDataFolder: string, elsewhere: string): string {
  if (info?.host !== 'bench-server') return elsewhere;
  const sep = info.platform === 'win32' ? '\\' : '/';
  return `${info.dataDir.replace(/[\\/]+$/, '')}${sep}${inDataFolder.split('/').join(sep)}`;
}
