/**
 * The practice capability's service: one practice router at a time, on loopback. `start` loads a scenario (its
 * flash files in <data>/practice/<scenario>/, never the real journals or backups) and binds the router's sockets;
 * the router stays off until `power`. Its console appears in the serial port list while it runs.
 */
import { fault } from '../../../src-shared/errors';
import { PRACTICE_CONSOLE_PATH, practiceScenario, type PracticeState } from '../../../src-shared/capabilities/practice';
import { PracticeRouter } from './router';

export interface PracticeServiceDeps {
  dataDir: string;
  state(s: PracticeState): void;
  /** Make the router's console a serial port; returns its removal. */
  addConsole(port: ReturnType<PracticeRouter['consolePort']>): () => void;
  /** Milliseconds per boot stage (tests shorten it). */
  stageMs?: number;
}

export class PracticeService {
  private router: PracticeRouter | undefined;
  private removeConsole: (() => void) | undefined;
  private startedInMs: number | undefined;
  private netmsgPort = 4919;
  private images: ReturnType<PracticeRouter['images']> | undefined;

  constructor(private readonly deps: PracticeServiceDeps) {}

  /** The running practice router's address (where its datagrams come from), or undefined. */
  routerAddress(): string | undefined {
    return this.router?.address;
  }

  status(): PracticeState {
    const r = this.router;
    if (!r) return { ready: false, mode: 'off', led: 'off', log: [] };
    return {
      ready: true,
      scenario: r.scenario.id,
      mode: r.mode,
      led: r.led,
      target: { routerAddress: r.address, sshPort: r.sshPort, telnetPort: r.telnetPort, netmsgPort: this.netmsgPort, consolePath: PRACTICE_CONSOLE_PATH, profileId: r.model.profileId, tftpPort: r.tftpPort, windowS: 4, webPort: r.webPort, ...(this.images ? { images: this.images } : {}) },
      log: r.log.slice(-50),
      ...(this.startedInMs !== undefined ? { startedInMs: this.startedInMs } : {}),
    };
  }

  private emit(): void {
    this.deps.state(this.status());
  }

  async start(scenarioId: string, netmsgPort = 4919): Promise<PracticeState> {
    const t0 = performance.now();
    const scenario = practiceScenario(scenarioId);
    if (!scenario) throw fault('NO_SUCH_SCENARIO', { scenario: scenarioId });
    await this.stop(false);
    this.netmsgPort = netmsgPort;
    const router = new PracticeRouter({ dataDir: this.deps.dataDir, scenario, netmsgPort, onChange: () => this.emit(), ...(this.deps.stageMs ? { stageMs: this.deps.stageMs } : {}) });
    try {
      await router.listen();
    } catch (err) {
      await router.stop().catch(() => undefined);
      throw fault('PRACTICE_NO_LOOPBACK', {}, { details: (err as Error).message });
    }
    router.resetFlash();
    this.images = router.images();
    this.router = router;
    this.removeConsole = this.deps.addConsole(router.consolePort());
    this.startedInMs = Math.round(performance.now() - t0);
    this.emit();
    return this.status();
  }

  private need(): PracticeRouter {
    if (!this.router)
      throw fault('PRACTICE_NOT_STARTED');
    return this.router;
  }

  power(on: boolean): PracticeState {
    const r = this.need();
    if (on) r.powerOn();
    else r.powerOff();
    return this.status();
  }

  button(): PracticeState {
    this.need().pressButton();
    return this.status();
  }

  reset(): PracticeState {
    const r = this.need();
    r.powerOff();
    r.resetFlash();
    return this.status();
  }

  async stop(announce = true): Promise<PracticeState> {
    const r = this.router;
    this.router = undefined;
    this.removeConsole?.();
    this.removeConsole = undefined;
    this.startedInMs = undefined;
    await r?.stop();
    if (announce) this.emit();
    return this.status();
  }
}
