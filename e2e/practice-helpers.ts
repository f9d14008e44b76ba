import fs from 'node:fs';

/**
 * Local addresses of a process's inet sockets ("tcp 127.0.0.2:40123"), matched by inode between /proc/<pid>/fd
 * and /proc/net/{tcp,udp,tcp6,udp6} (Linux; root can read another user's /proc/<pid>/fd).
 */
export function socketsOf(pid: number | 'self'): string[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      /* closed meanwhile */
    }
  }
  const out: string[] = [];
  for (const f of ['tcp', 'udp', 'tcp6', 'udp6']) {
    for (const l of fs.readFileSync(`/proc/${pid}/net/${f}`, 'utf8').trim().split('\n').slice(1)) {
      const cols = l.trim().split(/\s+/);
      if (!inodes.has(cols[9]!)) continue;
      const [hex, port] = cols[1]!.split(':');
      const ip = f.endsWith('6') ? `v6:${hex}` : [3, 2, 1, 0].map((i) => parseInt(hex!.slice(i * 2, i * 2 + 2), 16)).join('.');
      out.push(`${f} ${ip}:${parseInt(port!, 16)}`);
    }
  }
  return out;
}
