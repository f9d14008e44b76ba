import { z } from 'zod';
import { command, event } from './common';

// The firmware capability's commands and events. Empty until the capability is built; see contract/index.ts.
void z;
void command;
void event;
export const firmwareCommands = {};
export const firmwareEvents = {};
