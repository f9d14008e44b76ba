/**
 * Every operating-system concern lives in this folder, and this file is its public entry: services ask it instead
 * of branching on process.platform themselves. Linux behaviour is verified by tests; the Windows and macOS texts are
 * written from their documentation (see docs/decisions/0004-platform-module.md).
 *
 *   host.ts       which OS this is, and the user data folder
 *   ipv4.ts       IPv4 arithmetic (pure)
 *   network.ts    this computer's interfaces; how a UDP socket must be bound (broadcasts, shared ports)
 *   failures.ts   what a bind or serial error means and how to fix it on this OS
 *   privilege.ts  setting the rescue address: the steps, and the command run with the OS's privilege prompt
 *   serial.ts     serial ports as this OS shows them
 *   folders.ts    folders that must never be served (TFTP); bindings/  the real serial and UDP bindings
 *   firewall.ts   which firewall runs, and how to let a router's TFTP through it
 */
export * from './host';
export * from './ipv4';
export * from './network';
export * from './failures';
export * from './privilege';
export * from './serial';
export * from './firewall';
