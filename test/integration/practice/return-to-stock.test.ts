/**
 * "Return to factory firmware" on the practice router, through the real upgrade flow: the CLI in its own
 * process (`firmware return-to-stock`, the same playbook the screen runs) against the practice WRT32X in this
 * process, on loopback, without root. The router reads its discovery and facts scripts with the practice shell,
 * takes the upload over SSH (`cat > /tmp/FILE`), answers sha256sum, refuses the maker's image without -F in
 * OpenWrt's words, closes every session when it writes, flips boot_part, restarts into the other slot and comes
 * back as the maker's firmware answering only on its web page. Then the way back: the practice OpenWrt image
 * written from the maker's firmware is not possible (no SSH) — so the scenario is reset and an OpenWrt upgrade
 * with -n comes back with a new SSH host key, which the flow expects and remembers without the changed-key alarm.
 */
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PracticeService } from '../../../src-main/capabilities/practice';
import { collectCliRun, resultOf, type CliRun } from '../../../test-support/cli-lines';
import { nodeTsArgs } from '../../../test-support/netns';
import { loadCatalog, sayIn, translator, type Translate } from '../../../src-shared/i18n';
import { expectAllSaid } from '../../../test-support/said';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';

const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-rts-'));
const svc = new PracticeService({ dataDir, state: () => undefined, addConsole: () => () => undefined, stageMs: 60 });

function cli(args: string[]): Promise<CliRun> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn(cmd, cargs, { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, RB_PASSWORD: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collectCliRun(p, { killAfterMs: 110_000 });
}

async function until(what: string, fn: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(svc.status()).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const allSaid = (run: RunSnapshot, de: Translate): string[] => expectAllSaid(run.steps.flatMap((s) => s.evidence), de);

let de: Translate;
const monitor = dgram.createSocket('udp4');
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  await new Promise<void>((r) => monitor.bind({ address: '127.0.0.1', port: 0 }, () => r()));
});
afterAll(async () => {
  monitor.close();
  await svc.stop(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('practice router: return to factory firmware (Linksys dual slot)', () => {
  it('goes through the real return-to-stock flow and comes back as the maker\'s firmware on its web page', async () => {
    const st = await svc.start('factory-firmware', monitor.address().port);
    const t = st.target!;
    expect(t.images?.vendor).toMatch(/FW_WRT32X_1\.0\.0\.0_PRACTICE\.img$/);
    svc.power(true);
    await until('a normal start', () => svc.status().mode === 'running');
    const base = ['--host', t.routerAddress, '--port', String(t.sshPort), '--ssh', '--web-port', String(t.webPort), '--file', t.images!.vendor, '--practice', '--json'];

    // the plan only: the practice file is found in the known-images list as a practice file, slot 2 is written
    const plan = await cli(['firmware', 'return-to-stock', ...base]);
    const p = resultOf<'firmware return-to-stock'>(plan.lines);
    expect(p.ok, plan.stderr).toBe(true);
    if (!p.ok) return;
    expect(p.value.plan?.layout?.id).toBe('3m');
    expect(p.value.plan?.runningSlot).toBe(1);
    expect(p.value.plan?.steps.map((s) => [s.id, s.slot, s.command])).toEqual([['stock', 2, 'sysupgrade -F -n /tmp/FW_WRT32X_1.0.0.0_PRACTICE.img']]);
    expect(p.value.plan?.steps[0]!.image.hash).toMatchObject({ status: 'match', source: 'known' });
    expect(p.value.plan?.steps[0]!.image.hash.from).toMatch(/PRACTICE practice router .*made by Rescue Bench/);

    const run = await cli(['firmware', 'return-to-stock', ...base, '--yes']);
    const r = resultOf<'firmware return-to-stock'>(run.lines);
    expect(r.ok, `${JSON.stringify(r).slice(0, 3000)}\n${run.stderr}`).toBe(true);
    if (!r.ok) return;
    expect(r.value.verified).toMatchObject({ kind: 'vendor', release: '1.0.0.0', slot: 2 });
    // --practice: the run's journal is kept with the practice journals, never in the real history (decision 0091)
    const practiceJournals = fs.readdirSync(path.join(dataDir, 'practice', 'journals'));
    expect(practiceJournals.some((f) => f.includes(r.value.run!.runId))).toBe(true);
    const real = path.join(dataDir, 'journals');
    expect(fs.existsSync(real) ? fs.readdirSync(real).filter((f) => f.includes(r.value.run!.runId)) : []).toEqual([]);
    const evidence = r.value.run!.steps.flatMap((s) => s.evidence.map((e) => e.text)).join('\n');
    expect(evidence).toMatch(/Image metadata not present/);
    expect(evidence).toMatch(/closed the connection: that is sysupgrade closing every session/);
    expect(evidence).toMatch(/The router's sha256 of the copy matches/);
    expect(evidence).toMatch(/Saved your settings \(\d+ bytes, sysupgrade -b\)/);
    const german = allSaid(r.value.run!, de).join('\n');
    // the lines that quote other sentences say those in German too: the image's headline, the plan's goal
    expect(german).toMatch(/^Der Router hat ".*" gesagt und die Verbindung getrennt: .* Er schreibt Platz 2 /m);
    expect(german).toMatch(/wieder auf Port \d+ \(ein Dienst\) geantwortet/);
    expect(german).toContain('Seine Adresse ist');
    expect(r.value.verified?.msg && sayIn(de, r.value.verified.msg, '')).toMatch(/^Fertig\. .* Seine Adresse ist 127\.0\.0\.\d+\.$/);
    // the journal of a practice run is still a normal journal here (the CLI was not told it is practice)
    expect(svc.status().mode).toBe('vendor');
    expect(svc.status().log.map((l) => l.text).join('\n')).toMatch(/set boot_part=2/);
    // the maker's firmware has no SSH
    const again = await cli(['firmware', 'return-to-stock', ...base]);
    expect(resultOf(again.lines).ok).toBe(false);
  }, 120_000);

  it('an OpenWrt upgrade without keeping settings comes back with a new SSH key, expected and remembered', async () => {
    await svc.reset();
    svc.power(true);
    await until('a normal start', () => svc.status().mode === 'running');
    const t = svc.status().target!;
    const run = await cli(['firmware', 'flash', '--host', t.routerAddress, '--port', String(t.sshPort), '--ssh', '--file', t.images!.openwrt, '--no-keep-settings', '--json']);
    const r = resultOf<'firmware flash'>(run.lines);
    expect(r.ok, `${JSON.stringify(r).slice(0, 3000)}\n${run.stderr}`).toBe(true);
    if (!r.ok) return;
    expect(r.value.verified).toMatchObject({ kind: 'openwrt', slot: 2 });
    expect(r.value.verified?.hostKeyNote).toMatch(/new SSH key: expected/);
    const german = allSaid(r.value.run!, de).join('\n');
    expect(german).toMatch(/^Der Router ist ein .* \(Board linksys,wrt32x\) mit OpenWrt /m);
    expect(german).toMatch(/^Für diesen Router: /m);
  }, 120_000);
});
