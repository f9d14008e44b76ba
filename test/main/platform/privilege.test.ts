import { describe, expect, it } from 'vitest';
import { privilegedAddressCommand, rescueAddressHowTo, safeInterfaceName } from '../../../src-main/platform/privilege';
import { loadCatalog, translator } from '../../../src-shared/i18n';

describe('rescue address per OS', () => {
  it('says exactly how to set 192.168.1.10 on each OS', () => {
    expect(rescueAddressHowTo('linux', 'enp3s0').command).toBe('sudo ip addr add 192.168.1.10/24 dev enp3s0');
    expect(rescueAddressHowTo('darwin', 'en7').command).toBe('sudo ifconfig en7 alias 192.168.1.10 255.255.255.0');
    expect(rescueAddressHowTo('win32', 'Ethernet 2').command).toBe('netsh interface ipv4 add address "Ethernet 2" 192.168.1.10 255.255.255.0');
    expect(rescueAddressHowTo('win32', undefined).steps).toMatch(/Settings → Network & internet → Ethernet/);
  });

  it('offers the privilege prompt only where the OS has one we can use', () => {
    expect(privilegedAddressCommand('linux', 'enp3s0', '192.168.1.10', () => true)).toEqual(['pkexec', ['ip', 'addr', 'add', '192.168.1.10/24', 'dev', 'enp3s0']]);
    expect(privilegedAddressCommand('linux', 'enp3s0', '192.168.1.10', () => false)).toBeUndefined();
    expect(privilegedAddressCommand('linux', 'en; rm -rf /', '192.168.1.10', () => true)).toBeUndefined();
    expect(privilegedAddressCommand('darwin', 'en0')![1][1]).toBe('do shell script "/sbin/ifconfig en0 alias 192.168.1.10 255.255.255.0" with administrator privileges');
    expect(privilegedAddressCommand('win32', 'Ethernet')![1].join(' ')).toMatch(/Start-Process netsh -Verb RunAs -Wait -ArgumentList 'interface ipv4 add address "Ethernet" 192.168.1.10 255.255.255.0'/);
  });
});

describe('the how-to travels as values (decision 0169)', () => {
  it('the English steps are the words the platform said before, word for word', () => {
    expect(rescueAddressHowTo('win32', 'Ethernet 2').steps).toBe(
      'Open Settings → Network & internet → Ethernet → IP assignment → Edit → Manual, switch IPv4 on, IP address 192.168.1.10, subnet mask 255.255.255.0, leave the gateway empty, Save. Or, in a Command Prompt run as administrator:',
    );
    expect(rescueAddressHowTo('darwin', 'en7').steps).toBe(
      'Open System Settings → Network → the wired connection (en7) → Details → TCP/IP, Configure IPv4: Manually, IP address 192.168.1.10, subnet mask 255.255.255.0, router empty, OK. Or, in Terminal (adds the address next to the current one until restart):',
    );
    expect(rescueAddressHowTo('linux', 'enp3s0').steps).toBe(
      'Add the address next to the current one on the wired connection (enp3s0); it lasts until the next restart of the computer or the connection. In a terminal:',
    );
    expect(rescueAddressHowTo('linux', 'eth0; reboot').steps).toContain('on the wired connection (<name of the wired connection>);');
  });

  it('German: the steps per OS, with the command and the interface name as they are typed', async () => {
    const de = translator('de', await loadCatalog('de'));
    const linux = rescueAddressHowTo('linux', 'enp3s0');
    expect(de('platform.rescueAddress.steps', linux.values)).toBe(
      'Fügen Sie die Adresse neben der jetzigen auf der Kabelverbindung (enp3s0) hinzu; sie bleibt bis zum nächsten Neustart des Computers oder der Verbindung. In einem Terminal:',
    );
    expect(linux.values.command).toBe('sudo ip addr add 192.168.1.10/24 dev enp3s0');
    expect(de('platform.rescueAddress.steps', rescueAddressHowTo('darwin', 'en7').values)).toMatch(/^Öffnen Sie Systemeinstellungen → Netzwerk → die Kabelverbindung \(en7\) → .*Teilnetzmaske 255\.255\.255\.0/);
    expect(de('platform.rescueAddress.steps', rescueAddressHowTo('win32', 'Ethernet').values)).toMatch(/^Öffnen Sie Einstellungen → Netzwerk und Internet → Ethernet → IP-Zuweisung .* IP-Adresse 192\.168\.1\.10,/);
    // a name we would not put into a command: the words name the connection in German
    expect(de('platform.rescueAddress.steps', rescueAddressHowTo('linux', 'eth0; reboot').values)).toContain('Kabelverbindung (<Name der Kabelverbindung>)');
  });
});

describe('interface names in commands run with administrator rights (issue 12 #13)', () => {
  // PowerShell ends a single-quoted string at ' and at the typographic quotes U+2018–U+201B; netsh's argument
  // ends at ". Names are checked by allow-list, never "cleaned": a cleaned name would address another adapter.
  const quotes = ["'", '"', '`', '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E'];

  it('Windows: real adapter names pass, in any language', () => {
    for (const name of ['Ethernet', 'Ethernet 2', 'Wi-Fi', 'vEthernet (Default Switch)', 'Local Area Connection* 12', 'LAN-Verbindung', 'Подключение по локальной сети', 'イーサネット', 'Connexion réseau sans fil', 'Ethernet_USB.1']) {
      expect(safeInterfaceName('win32', name), name).toBe(name);
      expect(privilegedAddressCommand('win32', name)![1].join(' ')).toContain(`add address "${name}" 192.168.1.10 255.255.255.0'`);
    }
  });

  it('Windows: a name with any quote PowerShell or netsh would honour gets no elevated command, and the shown command uses a placeholder', () => {
    for (const q of quotes) {
      const name = `Ethernet${q}; Remove-Item -Recurse C:\\ ;${q}`;
      expect(privilegedAddressCommand('win32', name), JSON.stringify(q)).toBeUndefined();
      expect(safeInterfaceName('win32', name), JSON.stringify(q)).toBeUndefined();
      expect(rescueAddressHowTo('win32', name).command).toBe('netsh interface ipv4 add address "<name of the wired connection>" 192.168.1.10 255.255.255.0');
    }
    for (const bad of ['', 'a'.repeat(257), 'Eth$env:x', 'Eth;calc', 'Eth&calc', 'Eth|calc', 'Eth%PATH%', 'Eth\nnext', 'Eth<x>', 'Eth^x']) expect(privilegedAddressCommand('win32', bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('every OS: the address is checked too, and Linux/macOS names stay plain', () => {
    expect(privilegedAddressCommand('win32', 'Ethernet', '192.168.1.10; calc')).toBeUndefined();
    expect(privilegedAddressCommand('darwin', 'en0', '192.168.1.10" with administrator privileges')).toBeUndefined();
    expect(privilegedAddressCommand('linux', 'eth0', '1.2.3.4/8', () => true)).toBeUndefined();
    expect(safeInterfaceName('darwin', 'en0')).toBe('en0');
    expect(safeInterfaceName('darwin', 'en0 alias 10.0.0.1')).toBeUndefined();
    expect(safeInterfaceName('linux', 'wlp2s0')).toBe('wlp2s0');
    expect(rescueAddressHowTo('linux', 'eth0; reboot').command).toBe('sudo ip addr add 192.168.1.10/24 dev <name of the wired connection>');
  });
});
