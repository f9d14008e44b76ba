/** IPv4 arithmetic on dotted-quad strings: pure, the same on every OS. */

export function ipv4ToInt(a: string): number {
  const p = a.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}
export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
/** The mask of a prefix length as a number: 24 -> 0xffffff00. */
export function prefixMask(bits: number): number {
  return bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
}
/** The number of one bits in a dotted netmask: 255.255.255.0 -> 24. */
export function prefixLength(netmask: string): number {
  return netmask.split('.').reduce((n, part) => n + (Number(part) >>> 0).toString(2).replace(/0/g, '').length, 0);
}
export function broadcastOf(address: string, netmask: string): string {
  const mask = ipv4ToInt(netmask);
  return intToIpv4((ipv4ToInt(address) & mask) | (~mask >>> 0));
}
export function inSubnet(address: string, network: string, bits: number): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) return false;
  const mask = prefixMask(bits);
  return (ipv4ToInt(address) & mask) === (ipv4ToInt(network) & mask);
}
