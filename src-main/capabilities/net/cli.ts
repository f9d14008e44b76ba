import { parseArgs } from 'node:util';
import { netCommands, NetCheckRequestSchema, type NetCheck, type NetLeaseInfo } from '../../../src-shared/capabilities/net/contract';
import { UsageError, type CliCommand } from '../../cli/types';
import { requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { english, type Translate } from '../../../src-shared/i18n/translate';
import { said, sayIn } from '../../../src-shared/i18n/said';

/** Only the network assistant: a check must not load ssh2, serialport or ws (decision 0041). */
const netOnly = async (): Promise<readonly import('../../core/capability').LooseMainCapability[]> => [(await import('./index')).netMain];

/** What `net check` found, in the person's language (--lang, LANG): the findings by their ids (decision 0138), the lines around them from `net.cli.check.*` (decision 0152). */
export function checkText(c: NetCheck, t: Translate = english): string {
  const levels = ['ok', 'info', 'warn', 'bad'] as const;
  const width = Math.max(...levels.map((level) => t('net.cli.check.mark', { level }).length));
  return [
    t('net.cli.check.head', { target: c.target, subnet: c.subnet, iface: c.interface ?? 'none' }),
    ...c.findings.map((f) => `  ${t('net.cli.check.mark', { level: f.level }).padEnd(width)}  ${sayIn(t, f.titleMsg, f.title)}\n        ${sayIn(t, f.meaningMsg, f.meaning)}`),
    t('net.cli.check.end', { ready: c.ready ? 'yes' : 'no' }),
  ].join('\n');
}

function leaseText(l: NetLeaseInfo, verb: 'add' | 'remove', t: Translate = english): string {
  const nm = l.unmanaged ? 'yes' : 'no';
  if (verb === 'remove') return t('net.cli.lease.removed', { address: l.address, iface: l.interface, nm });
  if (!l.added) return t('net.cli.lease.had', { address: l.address, iface: l.interface });
  return t('net.cli.lease.added', { address: l.address, iface: l.interface, via: l.via, nm, command: `rescue-bench net address remove --interface ${l.interface} --address ${l.address}` });
}

function listText(r: { interfaces: import('../../../src-shared/capabilities/net/contract').NetInterface[]; networkManager: string }, t: Translate = english): string {
  const rows = r.interfaces.map((i) => {
    const kind = t('net.cli.list.kind', { kind: i.loopback ? 'loopback' : i.wireless ? 'wifi' : i.wired ? (i.virtual ? 'virtual' : 'cable') : 'other' });
    const link = t('net.cli.list.link', { link: !i.up ? 'off' : i.carrier === true ? 'up' : i.carrier === false ? 'down' : 'unknown', speed: i.speedMbps ? String(i.speedMbps) : 'none' });
    return `${i.name.padEnd(16)} ${kind.padEnd(16)} ${link.padEnd(18)} ${i.addresses.join(' ') || '-'}${i.managedBy ? `  [${i.managedBy}: ${i.managerState}]` : ''}`;
  });
  return [...rows, t('net.cli.list.nm', { state: r.networkManager })].join('\n');
}

export const netList: CliCommand = {
  words: ['net', 'list'],
  summary: 'net.cli.summary.list',
  usage: 'net list [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
    return runOnContract(io, { command: 'net list', json: values.json, capabilities: netOnly }, async (t) => {
      const r = await t.invoke('net.list', {});
      return { ok: true, value: r, text: listText(r, io.t ?? english) };
    });
  },
};

export const netCheck: CliCommand = {
  words: ['net', 'check'],
  summary: 'net.cli.summary.check',
  usage: 'net check --target ROUTER_IP [--need HOST_IP/PREFIX] [--interface IF] [--no-dhcp] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { target: { type: 'string' }, need: { type: 'string' }, interface: { type: 'string' }, 'no-dhcp': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.target) throw new UsageError(said('net.cli.usage.target'));
    const request = requestFromFlags(
      NetCheckRequestSchema,
      { target: values.target, ...(values.need !== undefined ? { need: values.need } : {}), ...(values.interface !== undefined ? { interface: values.interface } : {}), ...(values['no-dhcp'] ? { dhcp: false } : {}) },
      {
        target: { flag: '--target', given: values.target, expect: said('net.cli.takes.routerIp') },
        need: { flag: '--need', given: values.need, expect: said('net.cli.takes.prefixAddress') },
        interface: { flag: '--interface', given: values.interface },
      },
    );
    return runOnContract(io, { command: 'net check', json: values.json, capabilities: netOnly }, async (t) => {
      const c = await t.invoke('net.check', request);
      return { ok: true, value: c, text: checkText(c, io.t ?? english) };
    });
  },
};

function addressCommand(verb: 'add' | 'remove'): CliCommand {
  return {
    words: ['net', 'address', verb],
    summary: verb === 'add' ? 'net.cli.summary.addressAdd' : 'net.cli.summary.addressRemove',
    usage: `net address ${verb} --interface IF --address HOST_IP/PREFIX${verb === 'add' ? ' [--reason TEXT]' : ''} [--json]`,
    async run(argv, io) {
      const { values } = parseArgs({
        args: argv,
        options: { interface: { type: 'string' }, address: { type: 'string' }, ...(verb === 'add' ? { reason: { type: 'string' as const } } : {}), json: { type: 'boolean', default: false } },
        strict: true,
      });
      if (!values.interface) throw new UsageError(said('net.cli.usage.interface'));
      if (!values.address) throw new UsageError(said('net.cli.usage.address'));
      const reason = (values as { reason?: string }).reason;
      const flags = { interface: { flag: '--interface', given: values.interface }, address: { flag: '--address', given: values.address, expect: said('net.cli.takes.prefixAddress') } };
      if (verb === 'add') {
        const request = requestFromFlags(netCommands['net.address.add'].request, { interface: values.interface, address: values.address, keep: true, ...(reason ? { reason } : {}) }, { ...flags, reason: { flag: '--reason', given: reason } });
        return runOnContract(io, { command: 'net address add', json: values.json, capabilities: netOnly }, async (t) => {
          if (!values.json) t.say({ text: (io.t ?? english)('net.cli.setting', { address: request.address, iface: request.interface }), to: 'err' });
          const l = await t.invoke('net.address.add', request);
          return { ok: true, value: l, text: leaseText(l, 'add', io.t ?? english) };
        });
      }
      const request = requestFromFlags(netCommands['net.address.remove'].request, { interface: values.interface, address: values.address }, flags);
      return runOnContract(io, { command: 'net address remove', json: values.json, capabilities: netOnly }, async (t) => {
        const l = await t.invoke('net.address.remove', request);
        return { ok: true, value: l, text: leaseText(l, 'remove', io.t ?? english) };
      });
    },
  };
}

export const netAddressAdd = addressCommand('add');
export const netAddressRemove = addressCommand('remove');
