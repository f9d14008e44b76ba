/**
 * Issue 19, the last English a German or Spanish user met (decisions 0151–0153): a failed step's retry button,
 * the command line's step states, `net check`'s lines around its findings, and faults that quoted English
 * (upgrade's full backup, a return-to-stock image whose SHA-256 does not match). Each in German, and the English
 * exactly as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { netCheck, netList } from '../../../src-main/capabilities/net/cli';
import { runWords } from '../../../src-main/cli/run-words';
import { PlaybookService } from '../../../src-main/capabilities/playbook/service';
import { failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import { RECOVER_PLAYBOOKS, tplinkPlaybook } from '../../../src-shared/capabilities/recover/playbooks';
import { flashPlaybook, stockPlaybook } from '../../../src-shared/capabilities/upgrade/playbook';
import { planReturnToStock } from '../../../src-shared/capabilities/upgrade/linksys';
import { checkImageHash, KNOWN_IMAGES } from '../../../src-shared/capabilities/upgrade/hashes';
import type { PlaybookDef } from '../../../src-shared/capabilities/playbook/model';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook/contract';
import { fault } from '../../../src-shared/errors';
import { english, loadCatalog, localizeError, sayIn, translator, type Translate } from '../../../src-shared/i18n';

let de: Translate;
let es: Translate;
let dir: string;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
  es = translator('es', await loadCatalog('es'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-last-english-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the last English (issue 19)', () => {
  it("every shipped playbook's retry or branch button is a catalogue id, and a failed step offers it in German", async () => {
    const all: PlaybookDef[] = [failsafePlaybook, tplinkPlaybook, flashPlaybook, stockPlaybook, ...Object.values(RECOVER_PLAYBOOKS)];
    const plain: string[] = [];
    for (const pb of all) for (const s of pb.steps) if (s.onFailure.kind !== 'abort' && typeof s.onFailure.label === 'string') plain.push(`${pb.id}/${s.id}`);
    expect(plain).toEqual([]);

    // a real run: the step fails, the question's buttons carry their ids beside the English
    let n = 0;
    const def: PlaybookDef = {
      id: 'p', title: 'P', summary: '',
      steps: [{ id: 'a', kind: 'action', title: 'A', doNow: 'Do a', explain: '', preconditions: [], success: 'ok', failure: 'no', onFailure: failsafePlaybook.steps.find((s) => s.onFailure.kind === 'retry')!.onFailure, run: 'a' }],
    };
    const svc = new PlaybookService(dir, { p: { def, executors: { a: async () => (++n < 2 ? { ok: false, error: { code: 'NOPE', message: 'Not yet.' } } : { ok: true }) } } }, { snapshot: () => undefined, transcript: () => undefined });
    const run = svc.start('p', {} as never);
    let s: RunSnapshot | undefined;
    for (let i = 0; i < 200 && !s?.prompt; i++) {
      await new Promise((r) => setTimeout(r, 5));
      s = svc.status().run;
    }
    const again = s!.prompt!.choices.find((c) => c.id === 'again')!;
    expect(again).toMatchObject({ label: 'Check again', labelMsg: { id: 'playbook.again.check' } });
    expect(sayIn(de, again.labelMsg, again.label)).toBe('Noch einmal prüfen');
    svc.respond(run.runId, s!.prompt!.id, 'again');
    await svc.settled();
  });

  it('the retry words: English as the playbooks had them, German and Spanish', () => {
    expect(english('playbook.again.check')).toBe('Check again');
    expect(english('playbook.again.powerCycle')).toBe('Switch it off and try again');
    expect(de('playbook.again.check')).toBe('Noch einmal prüfen');
    expect(de('playbook.again.backup')).toBe('Sicherung noch einmal versuchen');
    expect(es('playbook.again.keepWaiting')).toBe('Seguir esperando');
  });

  it("a step's state on the command line: the state's name in English, words in German", () => {
    for (const st of ['pending', 'active', 'done', 'failed', 'skipped'] as const) expect(runWords().state(st)).toBe(st);
    const w = runWords(de);
    expect(['pending', 'active', 'done', 'failed', 'skipped'].map((st) => w.state(st as never))).toEqual(['noch nicht', 'läuft', 'erledigt', 'hat nicht geklappt', 'übersprungen']);
  });

  it('net check --lang de: the heading, the marks, the findings and the last line in German; English as before', async () => {
    const io = () => {
      const out: string[] = [];
      return { out, io: { out: (l: string) => out.push(l), err: () => undefined, stopped: new Promise<void>(() => undefined) } };
    };
    // loopback only, no DHCP question: nothing leaves this computer
    const d = io();
    expect(await runCli(['net', 'check', '--target', '127.0.0.1', '--no-dhcp', '--lang', 'de'], d.io, [netCheck], {})).toBe(0);
    const text = d.out.join('\n');
    expect(text).toMatch(/^Router 127\.0\.0\.1 \(Netz 127\.0\.0\.0\/24\)( — geprüft auf \S+)?:$/m);
    expect(text).toMatch(/^ {2}FEHLER {3}127\.0\.0\.1 ist die eigene Adresse dieses Computers/m);
    expect(text).toMatch(/^Beheben Sie zuerst die mit ACHTUNG oder FEHLER markierten Punkte\.$/m);
    // why DHCP was not asked: the service's own words, by their id (decision 0152)
    expect(text).toMatch(/^ {8}Nicht angefragt\.$/m);
    expect(text).not.toMatch(/looked at|Fix the points|\bBAD\b|\bWARN\b|Not asked for/);
    const e = io();
    expect(await runCli(['net', 'check', '--target', '127.0.0.1', '--no-dhcp'], e.io, [netCheck], {})).toBe(0);
    const en = e.out.join('\n');
    expect(en).toMatch(/^Router 127\.0\.0\.1 \(network 127\.0\.0\.0\/24\)( — looked at \S+)?:$/m);
    expect(en).toMatch(/^ {2}BAD {3}127\.0\.0\.1 is this computer’s own address/m);
    expect(en).toMatch(/^Fix the points marked WARN or BAD first\.$/m);
    expect(en).toMatch(/^ {8}Not asked for\.$/m);
  });

  it('net list --lang de: kinds, links and NetworkManager in German; English as before', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => undefined, stopped: new Promise<void>(() => undefined) };
    expect(await runCli(['net', 'list', '--lang', 'de'], io, [netList], {})).toBe(0);
    expect(out.join('\n')).toMatch(/^lo {15}Loopback {9}\S/m);
    expect(out.join('\n')).toMatch(/^NetworkManager: (läuft|nicht vorhanden)$/m);
    out.length = 0;
    expect(await runCli(['net', 'list'], io, [netList], {})).toBe(0);
    expect(out.join('\n')).toMatch(/^lo {15}loopback {9}(link|switched off|no link|unknown)/m);
    expect(out.join('\n')).toMatch(/^NetworkManager: (running|absent)$/m);
    // the address lines, made the way the command makes them
    expect(english('net.cli.lease.added', { address: '10.0.0.2/24', iface: 'eth9', via: 'root', nm: 'no', command: 'rescue-bench net address remove --interface eth9 --address 10.0.0.2/24' })).toBe(
      'eth9 now has 10.0.0.2/24 (permission: root). Remove it with: rescue-bench net address remove --interface eth9 --address 10.0.0.2/24',
    );
    expect(de('net.cli.lease.removed', { address: '10.0.0.2/24', iface: 'eth9', nm: 'yes' })).toBe('10.0.0.2/24 von eth9 entfernt; NetworkManager kümmert sich wieder darum.');
  });

  it("upgrade's full backup that did not finish: the English it had, the words in German", () => {
    const f = fault('BACKUP_INCOMPLETE', { what: 'full' }, { details: '/tmp/b' }).toShape();
    expect(f).toMatchObject({
      message: 'The full backup did not finish.',
      meaning: 'Without it there is no complete way back. Nothing was written to the router.',
      fix: 'Try the backup again, or skip it if you accept the risk.',
      details: '/tmp/b',
    });
    expect(localizeError(f, de)).toMatchObject({ message: 'Die vollständige Sicherung ist nicht fertig geworden.', details: '/tmp/b' });
    // flash's own `backup` keeps its words
    const p = fault('BACKUP_INCOMPLETE', { what: 'partitions', count: '2', names: 'art, env', command: 'rescue-bench backup …' }).toShape();
    expect(p.message).toBe('Not complete: 2 partition(s) failed: art, env.');
    expect(localizeError(p, de).fix).toBe('Versuchen Sie nur die fehlgeschlagenen noch einmal mit: rescue-bench backup …');
  });

  it('a return-to-stock image whose SHA-256 is not the expected one: the English it had, in German', () => {
    const state = { model: 'Linksys WRT32X', layoutEvidence: 'x', runningSlot: 1 as const, bootPart: 1, slots: [] } as never;
    const bad = '0'.repeat(64);
    for (const [input, from] of [
      [{ given: 'a'.repeat(64) }, 'the value you gave'],
      [{ sidecar: `${'b'.repeat(64)}  FW.img` }, 'FW.img.sha256 beside the file'],
      [{ sums: `${'c'.repeat(64)}  FW.img` }, 'the sha256sums list beside the file'],
    ] as const) {
      const hash = checkImageHash({ sha256: bad, fileName: 'FW.img', ...input });
      expect(hash.from).toBe(from);
      const r = planReturnToStock(state, { fileName: 'FW.img', path: '/x/FW.img', size: 1, kind: 'vendor', hash }).refusal!;
      expect(r).toMatchObject({ code: 'IMAGE_HASH_MISMATCH', message: 'FW.img is not the file it should be.', meaning: `${hash.text} A damaged or different download must not be written. Nothing was changed.` });
      const g = localizeError(r, de);
      expect(g.message).toBe('FW.img ist nicht die Datei, die es sein sollte.');
      expect(g.meaning).toMatch(/^FW\.img passt NICHT zu /);
    }
    const nf = fault('INTERMEDIATE_NOT_FACTORY', { file: 'x.bin', kind: 'sysupgrade' }).toShape();
    expect(nf).toMatchObject({ message: 'x.bin is not an OpenWrt factory image with the old 3 MB layout.', meaning: 'An upgrade (sysupgrade) image does not change the partition layout; only a factory image does (OpenWrt PR #3852).' });
    expect(localizeError(nf, de).message).toBe('x.bin ist kein OpenWrt-Factory-Image mit dem alten 3-MB-Layout.');
    expect(fault('INTERMEDIATE_NOT_FACTORY', { file: 'x.bin', kind: 'other' }).meaning).toBe('Only a factory image of OpenWrt 19.07 or older puts the 3 MB layout back. Nothing was changed.');
    expect(fault('NO_LOGIN').message).toBe('Could not log in again.');
    expect(fault('IMAGE_TOO_BIG_FOR_TMP', { where: 'plan', file: 'FW.img', size: '60.0 MiB', free: '40.0 MiB' }).toShape()).toMatchObject({ message: "FW.img (60.0 MiB) does not fit in the router's memory (40.0 MiB free in /tmp).", meaning: 'The image is copied into memory before it is written. Nothing was changed.' });
    const tmp = fault('IMAGE_TOO_BIG_FOR_TMP', { where: 'check', size: '60.0 MiB', free: '40.0 MiB' }).toShape();
    expect(tmp).toMatchObject({ message: "The image (60.0 MiB) does not fit in the router's memory: 40.0 MiB free in /tmp.", meaning: "The image is copied into the router's memory before it is written. Nothing was sent to the router." });
    expect(localizeError(tmp, de).message).toBe('Das Image (60.0 MiB) passt nicht in den Speicher des Routers: 40.0 MiB frei in /tmp.');
    const k = KNOWN_IMAGES[0]!;
    const hash = checkImageHash({ sha256: bad, fileName: k.file });
    expect(hash.status).toBe('mismatch');
    const r = planReturnToStock(state, { fileName: k.file, path: `/x/${k.file}`, size: 1, kind: 'vendor', hash }).refusal!;
    expect(r.meaning).toBe(`${hash.text} A damaged or different download must not be written. Nothing was changed.`);
    expect(localizeError(r, es).meaning).toContain('la lista de imágenes conocidas de Rescue Bench (');
  });

  it("the runner's own faults (a playbook written wrongly): the English they had, in German", () => {
    expect(fault('PRECONDITION', { steps: 'a", "b' }).message).toBe('This step needs "a", "b" first.');
    expect(fault('NO_EXECUTOR', { title: 'Copy' }, { details: 'executor copy' }).toShape()).toMatchObject({ message: 'Rescue Bench cannot run the step "Copy".', details: 'executor copy' });
    expect(localizeError(fault('NO_EXECUTOR', { title: 'Copy' }).toShape(), de).message).toBe('Rescue Bench kann den Schritt „Copy“ nicht ausführen.');
    expect(english('playbook.said.preconditionFault')).toBe('A step was started before the steps it needs. This is a fault in the playbook.');
  });

  it("a station card's place: the faults once inline, English as they were, in German", () => {
    expect(fault('NET_SLOT_BAD_PREFIX', { prefix: 30 }).message).toBe("A router network of size /30 cannot hold a station's cards.");
    const f = fault('NET_SLOT_RELEASE_FAILED', { address: '192.168.1.60', iface: 'eth2', commands: 'ip addr del 192.168.1.60/24 dev eth2' }).toShape();
    expect(f).toMatchObject({ message: 'Could not remove the address 192.168.1.60 and its route from eth2.', fix: 'Remove them yourself: ip addr del 192.168.1.60/24 dev eth2' });
    expect(fault('NET_SLOT_RELEASE_FAILED', { address: 'a', iface: 'b', commands: 'none' }).fix).toBe('Restart the computer, or remove the address in the network settings.');
    expect(localizeError(f, de).fix).toBe('Entfernen Sie sie selbst: ip addr del 192.168.1.60/24 dev eth2');
  });

  it("the station's faults: the English they had inline, in German", () => {
    expect(fault('NO_SUCH_SLOT', { slot: 'slot-9' }).toShape()).toMatchObject({ message: 'There is no slot "slot-9" on this bench.', meaning: 'It may have been removed on another screen.', fix: 'Pick a slot from the station screen, or add it again.' });
    expect(fault('SLOT_NEEDS_CABLE').toShape()).toMatchObject({ message: 'A slot needs a network card or a serial port.', fix: 'Pick the network card the router’s cable is plugged into, or its serial port (or both).' });
    expect(fault('SLOT_PORT_TAKEN', { port: '/dev/ttyUSB0', slot: '2' }).toShape()).toMatchObject({ message: 'The serial port /dev/ttyUSB0 is already slot 2.', fix: 'Pick the serial port of this router, or remove slot 2 first.' });
    expect(fault('SLOT_RUNNING', { slot: '2', title: 'Bench copy' }).message).toBe('Slot 2 is still running "Bench copy".');
    expect(fault('SLOT_BUSY', { where: 'slot', slot: '2', title: 'Bench copy' }).message).toBe('Slot 2 is still running "Bench copy".');
    expect(fault('SLOT_BUSY', { where: 'place', title: 'Bench copy' }).toShape()).toMatchObject({ message: '"Bench copy" is still running in this place on the bench.', fix: 'Wait for it to finish or stop it, then start the next guide.' });
    expect(fault('NO_SUCH_RUN', { interrupted: 'slot', slot: '2' }).toShape()).toMatchObject({ message: 'No guide is running in slot 2.', fix: 'Start a guide in that slot.' });
    expect(fault('NO_SUCH_RUN', { interrupted: 'no' }).message).toBe('That guide is no longer running.');
    expect(localizeError(fault('SLOT_BUSY', { where: 'slot', slot: '2', title: 'Bench copy' }).toShape(), de).message).toBe('An Platz 2 läuft noch „Bench copy“.');
    expect(localizeError(fault('NO_SUCH_SLOT', { slot: 'slot-9' }).toShape(), de).message).toBe('Auf dieser Werkbank gibt es keinen Platz „slot-9“.');
    expect(localizeError(fault('NO_SUCH_RUN', { interrupted: 'slot', slot: '2' }).toShape(), es).fix).toBe('Inicia una guía en ese puesto.');
  });
});
