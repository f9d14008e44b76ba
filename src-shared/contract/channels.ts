/**
 * Electron IPC channel names, kept free of zod so the sandboxed preload stays a few kilobytes.
 * One channel per contract command (rb:cmd:<name>), one channel for events.
 */
export const IPC_COMMAND_PREFIX = 'rb:cmd:';
export const IPC_EVENT_CHANNEL = 'rb:event';
export const ipcChannel = (name: string): string => `${IPC_COMMAND_PREFIX}${name}`;
