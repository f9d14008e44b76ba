/**
 * The failsafe playbook as data: OpenWrt's rescue mode ("failsafe") entered by pressing a router button
 * during preinit, then a session and the fixes users need. Sources: shared/seeds/openwrt-failsafe-wiki.txt,
 * shared/reference/openwrt-recovery-facts.md §1–2. The runner executes each step's `run` executor.
 */
import type { PlaybookDef } from '../playbook';
import { said } from '../../i18n/said';
import { fault } from '../../errors';

export const FAILSAFE_PLAYBOOK_ID = 'failsafe';

/** LED timings from lib/functions/leds.sh (facts §2): on/off in milliseconds, with words. */
export const LED_PATTERNS = {
  preinit: { onMs: 100, offMs: 100, words: 'blinks at a moderate speed: on 0.1 s, off 0.1 s (about 5 times a second). This is the moment to press.' },
  regular: { onMs: 200, offMs: 200, words: 'blinks slowly: on 0.2 s, off 0.2 s (about 2–3 times a second). The router is starting normally: the moment has passed.' },
  failsafe: { onMs: 50, offMs: 50, words: 'blinks very fast: on 0.05 s, off 0.05 s (about 10 times a second). Rescue mode is on.' },
  off: { onMs: 0, offMs: 1000, words: 'is off or steady. Wait for it to start blinking.' },
} as const;
export type LedPattern = keyof typeof LED_PATTERNS;

export const failsafePlaybook: PlaybookDef = {
  id: FAILSAFE_PLAYBOOK_ID,
  title: 'Get into rescue mode (failsafe)',
  summary:
    'Rescue mode (failsafe) is built into OpenWrt: it starts the router with its basic settings so you can reset a forgotten password or broken settings. You press a button on the router at the right moment while it starts.',
  steps: [
    {
      id: 'cables',
      kind: 'instruction',
      title: 'Cables and power',
      doNow: 'Switch the router off. Unplug the cable from its WAN (internet) port. Connect this computer to one of its LAN ports.',
      explain:
        'The WAN port is often blue or marked "Internet"; LAN ports are often yellow and numbered 1–4. In rescue mode the router only talks on its LAN ports, and a second cable can confuse it.',
      preconditions: [],
      success: 'The router is off and this computer is connected to a LAN port.',
      failure: 'Stopped before the router was prepared.',
      onFailure: { kind: 'abort' },
      run: 'confirm',
    },
    {
      id: 'address',
      kind: 'verify',
      title: "This computer's address",
      doNow: "Checking this computer's network address…",
      explain:
        'In rescue mode the router is always at 192.168.1.1 and only answers computers in 192.168.1.x. This computer needs an address like 192.168.1.10 on the cable to the router (anything from .2 to .254).',
      preconditions: ['cables'],
      success: 'This computer has an address the router in rescue mode will answer.',
      failure: 'This computer has no address in 192.168.1.x.',
      onFailure: { kind: 'retry', max: 20, label: said('playbook.again.check') },
      run: 'failsafe.address',
    },
    {
      id: 'watch',
      kind: 'wait-event',
      title: 'Switch the router on',
      doNow: 'Switch the router on now. Watch its lights.',
      explain:
        'While it starts, the router sends a message to this computer ("press button now") and one light blinks at a moderate speed. That is the moment to press.',
      preconditions: ['address'],
      success: 'The router asked for the button press.',
      failure: 'The router did not send its message in time.',
      onFailure: { kind: 'retry', max: 10, label: said('playbook.again.watch') },
      run: 'failsafe.watch',
      resumeAt: 'watch',
    },
    {
      id: 'press',
      kind: 'wait-event',
      title: 'Press the button',
      doNow: 'Press the Reset button on the router — now.',
      explain: 'Any button works except the power switch. If the button is in a hole, use a straightened paper clip, not a nail.',
      preconditions: ['watch'],
      success: 'The button moment has passed.',
      failure: 'The moment passed.',
      onFailure: { kind: 'branch', to: 'watch', label: said('playbook.again.try') },
      run: 'failsafe.press',
      resumeAt: 'watch',
    },
    {
      id: 'outcome',
      kind: 'verify',
      title: 'Did it work?',
      doNow: 'Keep watching the light. It blinks very fast when rescue mode is on.',
      explain: 'Some routers say "Entering Failsafe!"; others say nothing, so Rescue Bench also checks whether the rescue login answers.',
      preconditions: ['press'],
      success: 'The router is in rescue mode.',
      failure: 'The router started normally: the press was missed.',
      onFailure: { kind: 'branch', to: 'watch', label: said('playbook.again.powerCycle') },
      run: 'failsafe.outcome',
      resumeAt: 'watch',
    },
    {
      id: 'connect',
      kind: 'action',
      title: 'Connect to the router',
      doNow: 'Connecting to the router in rescue mode…',
      explain:
        'Rescue Bench logs in as the administrator (root) with no password, which rescue mode allows. Newer OpenWrt uses SSH, older releases telnet. The router makes a new key every start, so it is trusted for this session only and never stored.',
      preconditions: ['outcome'],
      success: 'Connected.',
      failure: 'Could not log in to the router.',
      onFailure: { kind: 'retry', max: 10, label: said('playbook.again.try') },
      run: 'failsafe.connect',
      resumeAt: 'connect',
    },
    {
      id: 'fix',
      kind: 'decision',
      title: 'Fix the router',
      doNow: 'Choose what to fix.',
      explain: 'Each fix says what it does before it runs. Everything sent to the router and everything it answers is kept in the transcript.',
      preconditions: ['connect'],
      success: 'Finished.',
      failure: 'A fix did not work.',
      onFailure: { kind: 'retry', max: 20, label: said('playbook.again.list') },
      run: 'failsafe.actions',
      resumeAt: 'connect',
    },
  ],
};

export interface FailsafeAction {
  id: string;
  label: string;
  /** What it does, in plain words, before it runs. */
  explain: string;
  /** Needs the saved settings mounted first (mount_root). */
  needsMount: boolean;
  destructive: boolean;
  /** Shown with the confirmation for destructive actions. */
  consequence?: string;
}

export const FAILSAFE_ACTIONS: FailsafeAction[] = [
  {
    id: 'mount-root',
    label: 'Open the saved settings (mount_root)',
    explain: 'In rescue mode your saved settings are hidden. This makes them readable and changeable. Nothing is changed by this alone.',
    needsMount: false,
    destructive: false,
  },
  {
    id: 'lan-ip',
    label: "Show the router's normal address",
    explain: 'Reads the address the router uses after a normal start (uci get network.lan.ipaddr).',
    needsMount: true,
    destructive: false,
  },
  {
    id: 'password',
    label: 'Set a new administrator password',
    explain: 'Sets a new password for the administrator (root). You will use it for the web page (LuCI) and SSH after the next normal start.',
    needsMount: true,
    destructive: false,
  },
  {
    id: 'reset-network',
    label: 'Reset only the network and firewall settings',
    explain:
      'Renames the network and firewall settings files to network.bak and firewall.bak, so the router uses its standard settings after the next start (address 192.168.1.1). All other settings stay.',
    needsMount: true,
    destructive: true,
    consequence: 'Your own network and firewall settings stop working (they are kept as .bak files you can restore).',
  },
  {
    id: 'factory-reset',
    label: 'Reset everything to factory settings',
    explain:
      'Erases all your settings and added software (the writable part of the router memory) with firstboot. If firstboot hangs, a known problem, Rescue Bench deletes the saved files directly instead. The router then starts like new.',
    needsMount: true,
    destructive: true,
    consequence: 'All your settings, passwords and added packages on this router are erased. This cannot be undone.',
  },
  {
    id: 'erase-settings-partition',
    label: 'Erase the settings partition and restart (mtd erase)',
    explain:
      'Another way to reset everything: wipes the whole storage area that holds your settings (mtd -r erase rootfs_data), then the router restarts by itself and starts like new. Use it when the factory reset above does not work. If the erase hangs, a known problem, Rescue Bench deletes the saved files directly and restarts the router.',
    needsMount: false,
    destructive: true,
    consequence: 'All your settings, passwords and added packages on this router are erased, and the router restarts at once. This cannot be undone.',
  },
  {
    id: 'reboot',
    label: 'Restart the router normally',
    explain: 'Leaves rescue mode and restarts the router with its settings. It takes about a minute.',
    needsMount: false,
    destructive: false,
  },
];

export type MissCause = 'regular-boot' | 'window-expired' | 'no-broadcast';

/**
 * Specific advice after a missed attempt (wiki: timing, repeated presses, any button, the Linksys pattern): the
 * words of the faults NO_BROADCAST and MISSED_WINDOW in the catalogue (messages/en.ts beside this file).
 */
export function missedAdvice(cause: MissCause): { message: string; meaning: string; fix: string } {
  const f = cause === 'no-broadcast' ? fault('NO_BROADCAST') : fault('MISSED_WINDOW', { cause: cause === 'regular-boot' ? 'regularBoot' : 'windowExpired' });
  return { message: f.message, meaning: f.meaning ?? '', fix: f.fix ?? '' };
}
