/**
 * A virtual router in failsafe for the failsafe playbook's tests: the preinit stand-in (preinit-sim.mjs: exact
 * netmsg datagrams, one prompt a second, the serial console text) in the router namespace, and once the test
 * "presses the button", the stand-in router's real dropbear (or busybox telnetd) with a small rootfs where
 * mount_root, firstboot, uci, passwd and reboot are scripts that record what they were asked to do.
 * Everything lives in the namespaces of a createRescueLan() pair and in a temp folder: nothing on the host changes.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { JsonLines } from './lines';
import type { RescueLan } from './netns';
import { startStandinRouter, type StandinRouter } from './router-standin';

export interface FailsafeRouterOptions {
  timeout?: number;
  showNetmsg?: boolean;
  console?: string;
  /** How the router offers its rescue login once in failsafe. */
  login?: 'ssh' | 'telnet';
  /** firstboot hangs (the known bug): the app must fall back to deleting the overlay. */
  firstbootHangs?: boolean;
  /** `mtd erase` hangs (the same known bug). */
  mtdEraseHangs?: boolean;
  /** LAN address stored in the router's config, read back by `uci get network.lan.ipaddr`. */
  lanIp?: string;
}

/** Scripts standing in for OpenWrt's failsafe tools; each appends its arguments to /tmp/calls.log. */
function writeTools(root: string, opts: FailsafeRouterOptions): void {
  const w = (rel: string, text: string, mode = 0o755): void => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.rmSync(p, { force: true });
    fs.writeFileSync(p, text, { mode });
  };
  const head = '#!/bin/sh\n# STAND-IN for an OpenWrt failsafe tool (test fixture)\n';
  w('bin/mount_root', `${head}echo "mount_root $*" >> /tmp/calls.log\nmkdir -p /overlay/upper/etc/config\necho "mounting /dev/mtdblock6 (stand-in)"\n`);
  w('bin/uci', `${head}echo "uci $*" >> /tmp/calls.log\nif [ "$1 $2" = "get network.lan.ipaddr" ]; then sed -n "s/.*option ipaddr '\\(.*\\)'.*/\\1/p" /etc/config/network | head -n1; exit 0; fi\nexit 1\n`);
  w('bin/passwd', `${head}read a; read b\necho "passwd $* [$a]" >> /tmp/calls.log\n[ -n "$a" ] && [ "$a" = "$b" ] || { echo "passwd: password mismatch"; exit 1; }\necho "passwd: password for $1 changed by root"\n`);
  w(
    'bin/firstboot',
    `${head}echo "firstboot $*" >> /tmp/calls.log\n${opts.firstbootHangs ? 'sleep 3600\n' : 'rm -rf /overlay/upper/*\necho "/dev/mtdblock6 is not mounted, erasing (stand-in)"\n'}`,
  );
  // OpenWrt's mtd lives in /sbin; the flash stand-in already put its `mtd write` there: keep it for writes
  const flashMtd = path.join(root, 'sbin/mtd');
  if (fs.existsSync(flashMtd)) fs.renameSync(flashMtd, path.join(root, 'sbin/mtd-write-standin'));
  w(
    'sbin/mtd',
    `${head}echo "mtd $*" >> /tmp/calls.log\n[ "$1" = "write" ] || [ "$2" = "write" ] && exec /sbin/mtd-write-standin "$@"\n${opts.mtdEraseHangs ? 'sleep 3600\n' : '[ "$1" = "-r" ] && [ "$2" = "erase" ] && [ "$3" = "rootfs_data" ] || { echo "mtd stand-in: only -r erase rootfs_data" >&2; exit 1; }\necho "Unlocking rootfs_data ..."\necho "Erasing rootfs_data ..."\nrm -rf /overlay/upper/*\necho "Rebooting ..."\n'}`,
  );
  w('bin/reboot', `${head}echo "reboot $*" >> /tmp/calls.log\n`);
  w('etc/config/network', `config interface 'lan'\n\toption proto 'static'\n\toption ipaddr '${opts.lanIp ?? '192.168.7.1'}'\n\toption netmask '255.255.255.0'\n`, 0o644);
  w('etc/config/firewall', "config defaults\n\toption input 'REJECT'\n", 0o644);
  w('rom/etc/config/network', "config interface 'lan'\n\toption ipaddr '192.168.1.1'\n", 0o644);
  w('rom/etc/config/firewall', "config defaults\n\toption input 'ACCEPT'\n", 0o644);
  w('overlay/upper/etc/config/network', 'user settings\n', 0o644);
  w(
    'etc/banner.failsafe',
    "================= FAILSAFE MODE active ================\nspecial commands:\n* firstboot\t     reset settings to factory defaults\n* mount_root\t mount root-partition with config files\n(Rescue Bench stand-in router)\n",
    0o644,
  );
}

export interface FailsafeRouter {
  sim: ChildProcess;
  out: JsonLines;
  standin: StandinRouter | undefined;
  /** Power on: preinit starts prompting. */
  boot(): Promise<void>;
  press(): void;
  /** Resolves when preinit finished: 'failsafe' (login is up) or 'regular'. */
  outcome(timeoutMs?: number): Promise<'failsafe' | 'regular'>;
  calls(): string[];
  file(rel: string): string | undefined;
  stop(): void;
}

export async function startFailsafeRouter(lan: RescueLan, opts: FailsafeRouterOptions = {}): Promise<FailsafeRouter> {
  const args = ['test-support/preinit-sim.mjs', '--timeout', String(opts.timeout ?? 2)];
  if (opts.showNetmsg) args.push('--show-netmsg');
  if (opts.console) args.push('--console', opts.console);
  const spawnSim = async (): Promise<{ sim: ChildProcess; out: JsonLines }> => {
    const sim = lan.router.spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = new JsonLines(sim);
    await out.waitFor((l) => l.event === 'ready', 20_000, 'the preinit stand-in');
    return { sim, out };
  };
  // The router starts switched off: its network link is down, so nothing answers at 192.168.1.1 yet.
  const link = (state: 'up' | 'down'): void => void lan.router.exec('ip', ['link', 'set', lan.routerIf, state]);
  link('down');
  let cur = await spawnSim();
  let standin: StandinRouter | undefined;
  let outcome: Promise<'failsafe' | 'regular'> | undefined;
  const r: FailsafeRouter = {
    get sim() {
      return cur.sim;
    },
    get out() {
      return cur.out;
    },
    get standin() {
      return standin;
    },
    async boot() {
      if (standin) {
        // power cycle: the stand-in's stop() ends every process in the router namespace, the preinit one too
        standin.stop();
        standin = undefined;
        link('down');
        cur = await spawnSim();
      }
      link('up');
      const { sim, out } = cur;
      const before = out.lines.length;
      sim.stdin!.write('boot\n');
      outcome = (async () => {
        const l = await out.waitFor((x) => (x.event === 'failsafe' || x.event === 'regular') && out.lines.indexOf(x) >= before, 60_000, 'the end of preinit');
        if (l.event === 'regular') return 'regular';
        standin = await startStandinRouter(lan, { partitions: [], ssh: opts.login !== 'telnet', telnet: opts.login === 'telnet' ? 'shell' : false });
        writeTools(standin.root, opts);
        return 'failsafe';
      })();
      outcome.catch(() => undefined);
    },
    press() {
      cur.sim.stdin!.write('press\n');
    },
    outcome(timeoutMs = 60_000) {
      if (!outcome) throw new Error('boot() first');
      return Promise.race([outcome, new Promise<never>((_, j) => setTimeout(() => j(new Error('preinit stand-in: no outcome')), timeoutMs))]);
    },
    calls() {
      const f = standin && path.join(standin.root, 'tmp/calls.log');
      return f && fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean) : [];
    },
    file(rel) {
      const f = standin && path.join(standin.root, rel);
      return f && fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
    },
    stop() {
      cur.sim.kill('SIGKILL');
      standin?.stop();
    },
  };
  return r;
}

