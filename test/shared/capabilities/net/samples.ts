/** macOS-style `ifconfig -a` and `networksetup -listallhardwareports` output, written after the format macOS prints (not captured on a Mac). */
export const IFCONFIG = `lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384
\toptions=1203<RXCSUM,TXCSUM,TXSTATUS,SW_TIMESTAMP>
\tinet 127.0.0.1 netmask 0xff000000
\tinet6 ::1 prefixlen 128
en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tether a4:83:e7:12:34:56
\tinet 10.0.0.23 netmask 0xffffff00 broadcast 10.0.0.255
\tmedia: autoselect
\tstatus: active
en7: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tether 0:e0:4c:68:1:2
\tmedia: autoselect (1000baseT <full-duplex>)
\tstatus: active
en8: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tether 0:e0:4c:68:1:3
\tmedia: autoselect (none)
\tstatus: inactive
bridge0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500
\tether 36:1c:2a:00:00:00
\tstatus: inactive
`;
export const PORTS = `
Hardware Port: Wi-Fi
Device: en0
Ethernet Address: a4:83:e7:12:34:56

Hardware Port: USB 10/100/1000 LAN
Device: en7
Ethernet Address: 00:e0:4c:68:01:02

Hardware Port: Thunderbolt Ethernet Slot 1
Device: en8
Ethernet Address: 00:e0:4c:68:01:03

Hardware Port: Thunderbolt Bridge
Device: bridge0
Ethernet Address: 36:1c:2a:00:00:00
`;
