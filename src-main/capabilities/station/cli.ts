import { parseArgs } from 'node:util';
import type { SlotStatus } from '../../../src-shared/capabilities/station/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { runOnContract } from '../../cli/transport';
import type { LooseMainCapability } from '../../core/capability';
import { said } from '../../../src-shared/i18n/said';

/** The slots live in the data folder: listing or changing them needs the playbook engine, the network assistant and the station, nothing else. */
const stationOnly = async (): Promise<readonly LooseMainCapability[]> => [(await import('../playbook')).playbookMain, (await import('../net')).netMain, (await import('./index')).stationMain];

function slotsText(slots: SlotStatus[]): string {
  if (slots.length === 0) return 'No slots yet. Add one per router on the bench: rescue-bench station slots --add-interface eth1 [--add-serial /dev/ttyUSB0] [--name 1]';
  return slots.map((s) => `Slot ${s.name} (${s.id}): ${[s.interface && `network card ${s.interface}`, s.serialPath && `serial port ${s.serialPath}`].filter(Boolean).join(', ')}`).join('\n');
}

export const stationSlots: CliCommand = {
  words: ['station', 'slots'],
  summary: 'station.cli.summary.slots',
  usage: 'station slots [--add-interface IF] [--add-serial PATH] [--name NAME] [--remove SLOT-ID] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'add-interface': { type: 'string' }, 'add-serial': { type: 'string' }, name: { type: 'string' }, remove: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    const adding = values['add-interface'] !== undefined || values['add-serial'] !== undefined;
    if (adding && values.remove !== undefined) throw new UsageError(said('station.cli.usage.addOrRemove'));
    if (values.name !== undefined && !adding) throw new UsageError(said('station.cli.usage.name'));
    return runOnContract(io, { command: 'station slots', json: values.json, capabilities: stationOnly }, async (t) => {
      if (adding) {
        await t.invoke('station.add', {
          ...(values.name !== undefined ? { name: values.name } : {}),
          ...(values['add-interface'] !== undefined ? { interface: values['add-interface'] } : {}),
          ...(values['add-serial'] !== undefined ? { serialPath: values['add-serial'] } : {}),
        });
      }
      if (values.remove !== undefined) await t.invoke('station.remove', { slotId: values.remove });
      const r = await t.invoke('station.list', {});
      return { ok: true, value: r, text: slotsText(r.slots) };
    });
  },
};
