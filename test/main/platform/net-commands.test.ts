import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCatalog, translator } from '../../../src-shared/i18n';
import {
  addAddressCommand,
  addNeighbourCommand,
  appleScriptString,
  elevate,
  elevationOrder,
  elevationOutcome,
  neighbourQueryCommand,
  nmManagedCommand,
  pingAnswered,
  pingCommand,
  removeAddressCommand,
  removeNeighbourCommand,
} from '../../../src-main/platform/net-commands';

describe('address and neighbour commands per OS', () => {
  it('Linux: iproute2 argv, never a shell', () => {
    expect(addAddressCommand('linux', 'enp3s0', '192.168.0.66/24')).toEqual(['ip', 'addr', 'add', '192.168.0.66/24', 'brd', '+', 'dev', 'enp3s0']);
    expect(removeAddressCommand('linux', 'enp3s0', '192.168.0.66/24')).toEqual(['ip', 'addr', 'del', '192.168.0.66/24', 'dev', 'enp3s0']);
    expect(addNeighbourCommand('linux', 'enp3s0', '192.168.0.86', 'AA-BB-CC-DD-EE-FF')).toEqual(['ip', 'neigh', 'replace', '192.168.0.86', 'lladdr', 'aa:bb:cc:dd:ee:ff', 'dev', 'enp3s0', 'nud', 'permanent']);
    expect(removeNeighbourCommand('linux', 'enp3s0', '192.168.0.86')).toEqual(['ip', 'neigh', 'del', '192.168.0.86', 'dev', 'enp3s0']);
    expect(nmManagedCommand('enp3s0', false)).toEqual(['nmcli', 'device', 'set', 'enp3s0', 'managed', 'no']);
    expect(pingCommand('linux', '192.168.0.1', 'enp3s0')).toEqual(['ping', '-n', '-c', '1', '-W', '1', '-I', 'enp3s0', '192.168.0.1']);
    // a bench slot's own address: the source, not the card (the slot's rule picks the card; Linux takes one -I)
    expect(pingCommand('linux', '192.168.1.1', 'enp3s0', '192.168.1.60')).toEqual(['ping', '-n', '-c', '1', '-W', '1', '-I', '192.168.1.60', '192.168.1.1']);
    expect(pingCommand('darwin', '192.168.1.1', 'en7', '192.168.1.60')).toEqual(['ping', '-n', '-c', '1', '-t', '1', '-S', '192.168.1.60', '192.168.1.1']);
    expect(pingCommand('win32', '192.168.1.1', undefined, '192.168.1.60')).toEqual(['ping', '-n', '1', '-w', '1000', '-S', '192.168.1.60', '192.168.1.1']);
    expect(() => pingCommand('linux', '192.168.1.1', undefined, '192.168.1.60; rm -rf /')).toThrow();
    expect(neighbourQueryCommand('linux', '192.168.0.1', 'enp3s0')).toEqual(['ip', '-j', 'neigh', 'show', 'to', '192.168.0.1', 'dev', 'enp3s0']);
    expect(neighbourQueryCommand('linux', '192.168.0.1', undefined, true)).toEqual(['ip', '-s', '-j', 'neigh', 'show', 'to', '192.168.0.1']);
  });

  it('macOS: ifconfig alias with a dotted netmask, arp -s with ifscope (written from the man pages, untested on a Mac)', () => {
    expect(addAddressCommand('darwin', 'en7', '192.168.0.66/24')).toEqual(['/sbin/ifconfig', 'en7', 'alias', '192.168.0.66', '255.255.255.0']);
    expect(removeAddressCommand('darwin', 'en7', '192.168.0.66/24')).toEqual(['/sbin/ifconfig', 'en7', '-alias', '192.168.0.66']);
    expect(addNeighbourCommand('darwin', 'en7', '192.168.0.86', '00:11:22:33:44:55')).toEqual(['/usr/sbin/arp', '-s', '192.168.0.86', '00:11:22:33:44:55', 'ifscope', 'en7']);
    expect(removeNeighbourCommand('darwin', 'en7', '192.168.0.86')).toEqual(['/usr/sbin/arp', '-d', '192.168.0.86', 'ifscope', 'en7']);
    expect(pingCommand('darwin', '192.168.0.1', 'en7')).toEqual(['ping', '-n', '-c', '1', '-t', '1', '-b', 'en7', '192.168.0.1']);
  });

  it('Windows: netsh with store=active (gone at restart), MAC with dashes (written from the docs, untested on Windows)', () => {
    expect(addAddressCommand('win32', 'Ethernet 2', '192.168.0.66/24')).toEqual(['netsh', 'interface', 'ipv4', 'add', 'address', 'Ethernet 2', '192.168.0.66', '255.255.255.0', 'store=active']);
    expect(removeAddressCommand('win32', 'Ethernet 2', '192.168.0.66/24')).toEqual(['netsh', 'interface', 'ipv4', 'delete', 'address', 'Ethernet 2', '192.168.0.66']);
    expect(addNeighbourCommand('win32', 'Ethernet 2', '192.168.0.86', '00:11:22:33:44:55')).toEqual(['netsh', 'interface', 'ipv4', 'add', 'neighbors', 'Ethernet 2', '192.168.0.86', '00-11-22-33-44-55', 'store=active']);
    expect(pingCommand('win32', '192.168.0.1')).toEqual(['ping', '-n', '1', '-w', '1000', '192.168.0.1']);
    expect(pingAnswered('win32', 0, 'Reply from 192.168.0.66: Destination host unreachable.')).toBe(false);
    expect(pingAnswered('win32', 0, 'Reply from 192.168.0.1: bytes=32 time<1ms TTL=64')).toBe(true);
  });

  it('refuses names outside the allow-list and malformed values, in three parts', () => {
    for (const bad of ['eth0;reboot', 'eth0 up', '$(id)', 'a\nb', ''])
      expect(() => addAddressCommand('linux', bad, '192.168.0.66/24')).toThrow(expect.objectContaining({ code: 'NET_BAD_INTERFACE_NAME', meaning: expect.any(String), fix: expect.any(String) }));
    for (const bad of ["Ethernet'; calc", 'Eth"ernet', 'a`b', 'x$y', 'a‘b'])
      expect(() => addAddressCommand('win32', bad, '192.168.0.66/24')).toThrow(expect.objectContaining({ code: 'NET_BAD_INTERFACE_NAME' }));
    expect(() => addAddressCommand('linux', 'eth0', '192.168.0.66')).toThrow(expect.objectContaining({ code: 'NET_BAD_ADDRESS' }));
    expect(() => addAddressCommand('linux', 'eth0', '192.168.0.66/33')).toThrow(expect.objectContaining({ code: 'NET_BAD_ADDRESS' }));
    expect(() => addNeighbourCommand('linux', 'eth0', '192.168.0.1', 'zz:11:22:33:44:55')).toThrow(expect.objectContaining({ code: 'NET_BAD_MAC' }));
  });
});

describe('elevate', () => {
  const resolve = (p: string): string => `/usr/sbin/${p}`;
  it('Linux: root direct, pkexec/sudo -n with the absolute path, several ip commands as one batch (one prompt)', () => {
    const add = addAddressCommand('linux', 'eth0', '192.168.0.66/24');
    expect(elevate('linux', 'root', [add], 'r')).toEqual({ cmd: 'ip', args: add.slice(1) });
    expect(elevate('linux', 'pkexec', [add], 'r', { resolve })).toEqual({ cmd: 'pkexec', args: ['/usr/sbin/ip', ...add.slice(1)] });
    expect(elevate('linux', 'sudo', [add], 'r', { resolve })).toEqual({ cmd: 'sudo', args: ['-n', '--', '/usr/sbin/ip', ...add.slice(1)] });
    const two = elevate('linux', 'pkexec', [removeNeighbourCommand('linux', 'eth0', '192.168.0.1'), removeAddressCommand('linux', 'eth0', '192.168.0.66/24')], 'r', { resolve, keepGoing: true });
    expect(two).toEqual({ cmd: 'pkexec', args: ['/usr/sbin/ip', '-force', '-batch', '-'], input: 'neigh del 192.168.0.1 dev eth0\naddr del 192.168.0.66/24 dev eth0\n' });
    expect(() => elevate('linux', 'pkexec', [nmManagedCommand('eth0', true), add], 'r')).toThrow(/ip commands/);
  });

  it('macOS: one do shell script with the reason as the prompt, quoted for AppleScript and sh', () => {
    const inv = elevate('darwin', 'osascript', [addAddressCommand('darwin', 'en7', '192.168.0.66/24'), addNeighbourCommand('darwin', 'en7', '192.168.0.86', '00:11:22:33:44:55')], 'Rescue Bench sets "192.168.0.66" \\ now');
    expect(inv.cmd).toBe('/usr/bin/osascript');
    expect(inv.args).toEqual([
      '-e',
      `do shell script "'/sbin/ifconfig' 'en7' 'alias' '192.168.0.66' '255.255.255.0' && '/usr/sbin/arp' '-s' '192.168.0.86' '00:11:22:33:44:55' 'ifscope' 'en7'" with prompt "Rescue Bench sets \\"192.168.0.66\\" \\\\ now" with administrator privileges`,
    ]);
    expect(appleScriptString('a\nb\u0007"c')).toBe('"a b \\"c"');
  });

  it('macOS: a reason in German or Spanish, with quotes and backslashes, is one AppleScript string that reads back as it was (decision 0171)', async () => {
    // AppleScript's string literal: " ends it, a backslash escapes the next character; read the argument back that way
    const literals = (script: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < script.length; i++) {
        if (script[i] !== '"') continue;
        let v = '';
        for (i++; i < script.length && script[i] !== '"'; i++) v += script[i] === '\\' ? script[++i] : script[i];
        if (i >= script.length) throw new Error(`unterminated string in ${script}`);
        out.push(v);
      }
      return out;
    };
    const de = translator('de', await loadCatalog('de'));
    const es = translator('es', await loadCatalog('es'));
    const reasons = [
      de('net.prompt.add', { iface: 'en7', address: '192.168.1.10' }),
      es('net.prompt.slot', { iface: 'en7', address: '192.168.0.2' }),
      'Rescue Bench setzt „192.168.0.66“ auf "en7" \\ jetzt — ¿Añadir la dirección «192.168.0.66»? Größe ñ ü ß',
      'Ein Anführungszeichen am Ende"',
      '\\',
    ];
    for (const reason of reasons) {
      const inv = elevate('darwin', 'osascript', [addAddressCommand('darwin', 'en7', '192.168.0.66/24')], reason);
      const arg = inv.args[1]!;
      expect(arg.startsWith('do shell script "')).toBe(true);
      expect(arg.endsWith('" with administrator privileges')).toBe(true);
      // exactly two strings: the shell script and the prompt, the prompt's text as it was given
      expect(literals(arg)).toEqual(["'/sbin/ifconfig' 'en7' 'alias' '192.168.0.66' '255.255.255.0'", reason]);
    }
    expect(reasons[0]).toBe('Rescue Bench gibt en7 die Adresse 192.168.1.10, damit dieser Computer mit dem Router im Rettungsmodus sprechen kann. Sie wird am Ende der Rettung wieder entfernt.');
    // a long reason is cut between characters (an emoji is two UTF-16 units), never inside one
    const long = `${'ä'.repeat(299)}😀x`;
    expect(literals(appleScriptString(long))).toEqual([`${'ä'.repeat(299)}😀`]);
  });

  it('Windows: UAC through Start-Process -Verb RunAs, the elevated commands base64-encoded (no quoting crosses the prompt)', () => {
    const inv = elevate('win32', 'uac', [addAddressCommand('win32', "Ethernet (2)", '192.168.0.66/24')], 'r');
    expect(inv.cmd).toBe('powershell.exe');
    const outer = inv.args.at(-1)!;
    expect(outer).toMatch(/^\$p = Start-Process -FilePath 'powershell.exe' -Verb RunAs -Wait -PassThru -WindowStyle Hidden -ArgumentList '-NoProfile','-NonInteractive','-EncodedCommand','[A-Za-z0-9+/=]+'; exit \$p.ExitCode$/);
    const b64 = /'-EncodedCommand','([^']+)'/.exec(outer)![1]!;
    expect(Buffer.from(b64, 'base64').toString('utf16le')).toBe(
      "& 'netsh' 'interface' 'ipv4' 'add' 'address' 'Ethernet (2)' '192.168.0.66' '255.255.255.0' 'store=active'; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }; exit $LASTEXITCODE",
    );
  });

  it('order of ways and what their exits mean', () => {
    expect(elevationOrder('linux', true, () => true)).toEqual(['root']);
    expect(elevationOrder('linux', false, () => true)).toEqual(['pkexec', 'sudo']);
    expect(elevationOrder('linux', false, (p) => p === 'sudo')).toEqual(['sudo']);
    expect(elevationOrder('darwin', false, () => false)).toEqual(['osascript']);
    expect(elevationOrder('win32', false, () => false)).toEqual(['uac']);
    expect(elevationOutcome('pkexec', 126, '')).toBe('cancelled');
    expect(elevationOutcome('pkexec', 127, 'Error executing command as another user: No authentication agent found.')).toBe('unavailable');
    expect(elevationOutcome('pkexec', 127, 'Error executing command as another user: Not authorized')).toBe('unavailable');
    expect(elevationOutcome('pkexec', 2, 'RTNETLINK answers: File exists')).toBe('failed');
    expect(elevationOutcome('sudo', 1, 'sudo: a password is required')).toBe('unavailable');
    expect(elevationOutcome('osascript', 1, '0:42: execution error: User canceled. (-128)')).toBe('cancelled');
    expect(elevationOutcome('uac', 1, 'Start-Process : This command cannot be run due to the error: The operation was canceled by the user.')).toBe('cancelled');
    expect(elevationOutcome('root', 0, '')).toBe('ok');
  });

  it('fuzz: whatever passes the allow-list stays one argument (Linux batch lines have no blanks; Windows no quotes)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        let argv: string[];
        try {
          argv = addAddressCommand('linux', name, '10.0.0.2/8');
        } catch {
          return;
        }
        expect(argv[argv.length - 1]).toBe(name);
        expect(/[\s'"`$;&|<>]/.test(name)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        try {
          addAddressCommand('win32', name, '10.0.0.2/8');
        } catch {
          return;
        }
        expect(/['"`$;&|<>%^\u2018-\u201e]/.test(name)).toBe(false);
      }),
    );
  });
});
