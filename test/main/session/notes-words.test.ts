/**
 * Decision 0186: the connection's own notes (a key accepted for this session only, a first key remembered, the
 * telnet fallback, telnet being unencrypted) travel as catalogue ids + values beside their English, which stays
 * word for word. The SSH notes come from real logins to ssh2's server on 127.0.0.1.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseableEd25519 } from '../../../src-main/capabilities/practice/router';
import { openSession, sessionNotes, type Session } from '../../../src-main/session';
import { english, loadCatalog, said, saidAmong, sayIn, translator } from '../../../src-shared/i18n';

let dir: string;
let server: ssh2.Server;
let port = 0;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-notes-'));
  const key = { private: parseableEd25519(ssh2.utils) };
  server = new ssh2.Server({ hostKeys: [key.private] }, (client) => {
    client.on('authentication', (ctx) => ctx.accept());
    client.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (policy: 'remember' | 'session-only', mac?: string) =>
  openSession({ host: '127.0.0.1', port, method: 'ssh', hostKeyPolicy: policy, knownHostsFile: path.join(dir, 'known.json'), timeoutMs: 5000, localAddress: '127.0.0.1', lookupMac: async () => mac });

async function notesOf(s: Session): Promise<{ notes: string[]; msg: Session['notesMsg'] }> {
  const r = { notes: [...s.notes], msg: [...s.notesMsg] };
  await s.close();
  return r;
}

describe("the connection's notes as ids + values", () => {
  it('a key for this session only, and a first key remembered: English word for word, German from the ids', async () => {
    const de = translator('de', await loadCatalog('de'));
    const once = await notesOf(await open('session-only'));
    const fp = once.msg[0]?.values?.fingerprint as string;
    expect(fp).toMatch(/^SHA256:/);
    expect(once.notes).toEqual([`Accepted the router's key ${fp} for this session only: in rescue mode a router makes a new key every time it starts, so it is not remembered.`]);
    expect(once.msg).toEqual([{ id: 'session.note.sessionOnlyKey', values: { fingerprint: fp } }]);
    expect(saidAmong(de, once.notes[0]!, once.msg)).toBe(
      `Der Schlüssel ${fp} des Routers gilt nur für diese Verbindung: Im Rettungsmodus erzeugt ein Router bei jedem Start einen neuen Schlüssel, deshalb wird er nicht gespeichert.`,
    );

    const first = await notesOf(await open('remember', '02:00:00:00:00:07'));
    expect(first.notes).toEqual([`First connection to 127.0.0.1 (02:00:00:00:00:07): remembered its key ${fp}.`]);
    expect(saidAmong(de, first.notes[0]!, first.msg)).toBe(`Erste Verbindung zu 127.0.0.1 (02:00:00:00:00:07): Sein Schlüssel ${fp} ist jetzt gespeichert.`);
    // known now: no note
    expect((await notesOf(await open('remember', '02:00:00:00:00:07'))).notes).toEqual([]);
  });

  it('without a MAC, the telnet notes: the English as before', async () => {
    fs.rmSync(path.join(dir, 'known.json'), { force: true });
    const first = await notesOf(await open('remember'));
    const fp = first.msg[0]?.values?.fingerprint as string;
    expect(first.notes).toEqual([`First connection to 127.0.0.1: remembered its key ${fp}.`]);
    expect(said('session.note.telnetFallback', { code: 'CONNECT_REFUSED' }).text).toBe('SSH did not answer (CONNECT_REFUSED); connected with telnet instead.');
    expect(english('session.note.telnetPlain')).toBe('Telnet sends everything unencrypted; fine on a cable straight to the router, never over the internet.');
    const es = translator('es', await loadCatalog('es'));
    expect(sayIn(es, { id: 'session.note.telnetFallback', values: { code: 'CONNECT_TIMEOUT' } }, '')).toBe('SSH no respondió (CONNECT_TIMEOUT); se conectó por telnet en su lugar.');
  });
});

describe('a note added after login (the upgrade: a fresh setup made a new key)', () => {
  it('sessionNotes pairs each note with its id by the English; German from it; one without an id as it came', async () => {
    const fresh = said('upgrade.said.freshHostKey');
    expect(fresh.text).toBe('The router was set up fresh (settings not kept), so it made a new SSH key: expected, Rescue Bench remembered the new one.');
    const words = sessionNotes({ notes: ['An older note.', fresh.text], notesMsg: [fresh.msg] });
    expect(words).toEqual(['An older note.', fresh]);
    const de = translator('de', await loadCatalog('de'));
    expect(sayIn(de, fresh.msg, fresh.text)).toBe(
      'Der Router wurde neu eingerichtet (Einstellungen nicht behalten) und hat deshalb einen neuen SSH-Schlüssel erzeugt: Das ist zu erwarten, Rescue Bench hat den neuen gespeichert.',
    );
  });
});
