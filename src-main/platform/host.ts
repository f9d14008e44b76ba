/** Which operating system this is, and where Rescue Bench keeps its data on it. */
import os from 'node:os';
import path from 'node:path';

export type PlatformName = 'linux' | 'darwin' | 'win32';

export function currentPlatform(): PlatformName {
  const p = process.platform;
  return p === 'darwin' || p === 'win32' ? p : 'linux';
}

/** Where journals, logs, backups and settings go. RESCUE_BENCH_DATA_DIR overrides (tests, portable installs). */
export function dataDir(platform: PlatformName = currentPlatform(), env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.RESCUE_BENCH_DATA_DIR) return env.RESCUE_BENCH_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Rescue Bench');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Rescue Bench');
  return path.posix.join(env.XDG_DATA_HOME ?? path.posix.join(home, '.local', 'share'), 'rescue-bench');
}
