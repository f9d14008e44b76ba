/**
 * The bench station's test rig.
 *
 * STAND-IN for a backup flow and its router (no router program streams a memory dump on loopback): the playbook
 * `bench-copy` reads a real byte stream over TCP from a loopback peer (`startByteSource`, paced, so a copy takes
 * as long as it would from a router) and reports its progress through the runner, as a flash backup would. It
 * journals what a router tells (U-Boot's `ethaddr=`, `ubus call system board` JSON), so the job extractor and the
 * station read the router's identity as they do in the field. Which router a slot holds is looked up by the
 * slot's name (the station puts it in the run's options): `routers['2']` is the router in slot 2.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import type { RegisteredPlaybook, StepExecutor } from '../src-main/capabilities/playbook';
import type { LooseMainCapability } from '../src-main/core/capability';
import type { PlaybookDef, StepDef } from '../src-shared/capabilities/playbook';
import type { SlotNetwork, SlotRoute } from '../src-main/capabilities/station';

export interface RigRouter {
  mac?: string;
  board?: string;
  model?: string;
  /** Where its memory is read from (a byte source on loopback). */
  host: string;
  port: number;
  bytes: number;
  /** Ask a question after the copy and wait (the job stays running). */
  hold?: boolean;
  /** Report the bytes with total 0, as a stream whose size is not known before its end (the settings backup). */
  sizeUnknown?: boolean;
}

const step = (id: string, title: string, doNow: string): StepDef => ({
  id,
  kind: 'action',
  title,
  doNow,
  explain: '',
  preconditions: [],
  success: `${title}: done`,
  failure: `${title}: failed`,
  onFailure: { kind: 'abort' },
  run: `bench-copy.${id}`,
});

export const BENCH_COPY: PlaybookDef = {
  id: 'bench-copy',
  title: 'Copy the router memory (test stand-in)',
  summary: 'A stand-in backup for the bench station tests: reads a byte stream from a loopback peer.',
  steps: [
    step('identify', 'Find out which router it is', 'Reading the router’s name and address…'),
    step('copy', 'Copy the whole memory', 'Copying the router’s memory to this computer. Keep the cable plugged in.'),
    step('finish', 'Finish', 'Checking the copy…'),
  ],
};

export function benchCopyPlaybook(routers: Record<string, RigRouter>): RegisteredPlaybook {
  const of = (slot: unknown): RigRouter => {
    const r = routers[String(slot)];
    if (!r) throw new Error(`no rig router for slot ${String(slot)}`);
    return r;
  };
  const executors: Record<string, StepExecutor> = {
    'bench-copy.identify': async (ctx) => {
      const r = of(ctx.options.slot);
      if (r.mac) ctx.transcript('received', `baudrate=115200\nethaddr=${r.mac.toUpperCase()}\nipaddr=192.168.1.1`);
      if (r.board || r.model) ctx.transcript('received', JSON.stringify({ model: r.model ?? 'unknown', board_name: r.board ?? 'unknown' }, null, 1));
      return { ok: true };
    },
    'bench-copy.copy': (ctx) => {
      const r = of(ctx.options.slot);
      return new Promise((resolve) => {
        const hash = crypto.createHash('sha256');
        let done = 0;
        const sock = net.connect({ host: r.host, port: r.port });
        const finish = (v: Awaited<ReturnType<StepExecutor>>): void => {
          sock.destroy();
          ctx.signal.removeEventListener('abort', onAbort);
          resolve(v);
        };
        const onAbort = (): void => finish({ ok: false, error: { code: 'STOPPED', message: 'Stopped.' } });
        ctx.signal.addEventListener('abort', onAbort, { once: true });
        sock.on('data', (b: Buffer) => {
          done += b.length;
          hash.update(b);
          ctx.progress?.(Math.min(done, r.bytes), r.sizeUnknown ? 0 : r.bytes);
        });
        sock.on('error', (e: NodeJS.ErrnoException) =>
          finish({
            ok: false,
            error: {
              code: 'ROUTER_NO_ANSWER',
              message: `The router did not answer at ${r.host} (port ${r.port}).`,
              meaning: 'Nothing was copied; the router was not changed.',
              fix: 'Check that the router is switched on and its cable sits in a LAN port, then start again.',
              details: `${e.code ?? ''} ${e.message}`,
            },
          }),
        );
        sock.on('end', () =>
          finish(
            done >= r.bytes
              ? { ok: true, summary: `Copied ${done} bytes, SHA-256 ${hash.digest('hex')}.` }
              : { ok: false, error: { code: 'COPY_SHORT', message: `The copy stopped after ${done} of ${r.bytes} bytes.`, meaning: 'The backup is not complete.', fix: 'Start it again.' } },
          ),
        );
      });
    },
    'bench-copy.finish': async (ctx) => {
      if (of(ctx.options.slot).hold) await ctx.ask({ text: 'Is the router back?', choices: [{ id: 'yes', label: 'Yes', primary: true }] });
      return { ok: true, summary: 'Done. The copy is complete.' };
    },
  };
  return { def: BENCH_COPY, executors };
}

/** A loopback peer that sends `bytes` bytes to each connection at about `bytesPerS`, in 20 ms slices. */
export async function startByteSource(o: { host?: string; bytes: number; bytesPerS: number }): Promise<{ host: string; port: number; close(): Promise<void> }> {
  const host = o.host ?? '127.0.0.1';
  const socks = new Set<net.Socket>();
  const server = net.createServer((s) => {
    socks.add(s);
    s.on('close', () => socks.delete(s));
    s.on('error', () => undefined);
    let sent = 0;
    const slice = Math.max(1, Math.round((o.bytesPerS * 20) / 1000));
    const chunk = crypto.randomBytes(Math.min(slice, 1 << 20));
    const t = setInterval(() => {
      if (s.destroyed) return clearInterval(t);
      const n = Math.min(slice, o.bytes - sent);
      if (n <= 0) {
        clearInterval(t);
        s.end();
        return;
      }
      let left = n;
      while (left > 0) {
        const k = Math.min(left, chunk.length);
        s.write(chunk.subarray(0, k));
        left -= k;
      }
      sent += n;
    }, 20);
    s.on('close', () => clearInterval(t));
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    host,
    port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of socks) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A free TCP port on `host` that nothing listens on (a router that does not answer). */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, host, () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A descriptor that adds the stand-in playbook to a container (e2e, benchmark): no commands of its own. */
export function rigCapability(routers: Record<string, RigRouter>): LooseMainCapability {
  return {
    id: 'station-rig',
    contract: { id: 'station-rig', commands: {} },
    service: () => ({}),
    handlers: () => ({}),
    playbooks: () => ({ [BENCH_COPY.id]: benchCopyPlaybook(routers) }),
  };
}

/**
 * A SlotNetwork for tests without root (a test binding, like test-support/bindings): routes are recorded, each
 * card's link is set by the test (`setCarrier`).
 */
export class TestSlotNetwork implements SlotNetwork {
  readonly routes: { iface: string; routerIp: string; released: boolean }[] = [];
  private readonly listeners = new Set<{ iface: string; fn: (c: boolean, at: number) => void }>();
  async slotRoute(iface: string, opts: { routerIp: string; prefix: number }): Promise<SlotRoute> {
    const rec = { iface, routerIp: opts.routerIp, released: false };
    this.routes.push(rec);
    return { interface: iface, sourceAddress: `192.168.1.${200 + this.routes.length}`, release: async () => void (rec.released = true) };
  }
  watchCarrier(iface: string, fn: (carrier: boolean, at: number) => void): () => void {
    const l = { iface, fn };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  setCarrier(iface: string, carrier: boolean): void {
    for (const l of [...this.listeners]) if (l.iface === iface) l.fn(carrier, Date.now());
  }
}

/**
 * A bench server in this process whose container also holds the stand-in playbook (e2e, benchmark): the real
 * services, the built renderer, Debian's Chromium. Loopback only.
 */
export interface RigBench {
  container: ReturnType<typeof import('../src-main/core/container').makeContainer>;
  server: import('../src-main/browser-server/server').BenchServer;
  browser: import('playwright-core').Browser;
  page: import('playwright-core').Page;
  dataDir: string;
  station: import('../src-main/capabilities/station').StationService;
  close(): Promise<void>;
}

export async function startRigBench(routers: Record<string, RigRouter>, opts: { viewport?: { width: number; height: number } } = {}): Promise<RigBench> {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { chromium } = await import('playwright-core');
  const { makeContainer } = await import('../src-main/core/container');
  const { mainCapabilities } = await import('../src-main/capabilities');
  const { createHandlers } = await import('../src-main/core/handlers');
  const { startBenchServer } = await import('../src-main/browser-server/server');
  const { CHROMIUM_FLAGS, chromiumPath } = await import('./browser');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-bench-'));
  const container = makeContainer([...(mainCapabilities as readonly LooseMainCapability[]), rigCapability(routers)], { host: 'bench-server', dataDir, allowedFolders: [] });
  const server = await startBenchServer({ handlers: createHandlers({ container } as unknown as import('../src-main/core/services').Services), bus: container.bus, rendererDir: 'dist/renderer' });
  const browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_FLAGS });
  const page = await (await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
  return {
    container,
    server,
    browser,
    page,
    dataDir,
    station: container.made.get('station') as import('../src-main/capabilities/station').StationService,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await container.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
