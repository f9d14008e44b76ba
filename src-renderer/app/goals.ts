/**
 * The start screen's routing: each goal, once its plain questions are answered, leads to one section. The
 * table is keyed by route and holds a section id, so a section that does not exist does not compile.
 *
 * Sections that arrived at the merge with main (issue 18) took over their routes: return to factory firmware →
 * 'upgrade'; TP-Link, ASUS, Ubiquiti, D-Link → 'recover'; Netgear → 'nmrp'. Linksys and other makers go to the
 * U-Boot serial console.
 */
import type { SectionId } from '../capabilities';
import { DEVICE_PROFILES } from '../../src-shared/profiles/profiles';

export type Maker = 'tp-link' | 'asus' | 'ubiquiti' | 'd-link' | 'netgear' | 'linksys' | 'other';

export type RouteKey = 'forgot-password' | 'broken-settings' | 'factory-firmware' | `no-start:${Maker}` | 'backup' | 'check-firmware';

export const GOAL_ROUTES: Record<RouteKey, SectionId> = {
  'forgot-password': 'failsafe',
  'broken-settings': 'failsafe',
  'factory-firmware': 'upgrade',
  'no-start:tp-link': 'recover',
  'no-start:asus': 'recover',
  'no-start:ubiquiti': 'recover',
  'no-start:d-link': 'recover',
  'no-start:netgear': 'nmrp',
  'no-start:linksys': 'console',
  'no-start:other': 'console',
  backup: 'flash',
  'check-firmware': 'firmware',
};

/** What the section does for that route, in the words of the button that opens it. */
export const ROUTE_WORDS: Record<RouteKey, string> = {
  'forgot-password': 'Start rescue mode and set a new password',
  'broken-settings': 'Start rescue mode and reset the settings',
  'factory-firmware': 'Put the factory firmware back',
  'no-start:tp-link': "Start TP-Link's own recovery",
  'no-start:asus': "Start ASUS's own recovery",
  'no-start:ubiquiti': "Start Ubiquiti's own recovery",
  'no-start:d-link': "Start D-Link's own recovery",
  'no-start:netgear': "Start Netgear's own recovery (NMRP)",
  'no-start:linksys': 'Open the serial console (bootloader)',
  'no-start:other': 'Open the serial console (bootloader)',
  backup: 'Back up the whole router',
  'check-firmware': 'Check a firmware file',
};

export type GoalId = 'locked' | 'factory' | 'no-start' | 'backup' | 'check';

export interface Goal {
  id: GoalId;
  title: string;
  hint: string;
  /** Whether "which router?" is asked. */
  asksRouter: boolean;
  /** "What do you see?": each answer leads to a route (or to plain advice). */
  see?: { question: string; answers: { id: string; label: string; route?: RouteKey; advice?: string }[] };
}

export const GOALS: readonly Goal[] = [
  {
    id: 'locked',
    title: "I can't get into my router",
    hint: 'Forgot the password, or a change of settings locked you out.',
    asksRouter: true,
    see: {
      question: 'What do you see?',
      answers: [
        { id: 'password', label: 'It starts, but my password is not accepted', route: 'forgot-password' },
        { id: 'unreachable', label: 'It starts, but I cannot reach its page any more', route: 'broken-settings' },
        { id: 'dark', label: 'It does not start at all', advice: 'Choose "My router does not start any more" instead.' },
      ],
    },
  },
  { id: 'factory', title: 'Put the factory firmware back', hint: 'To sell the router or return it.', asksRouter: true, see: { question: 'What do you see?', answers: [{ id: 'runs', label: 'It runs OpenWrt and starts normally', route: 'factory-firmware' }] } },
  {
    id: 'no-start',
    title: 'My router does not start any more',
    hint: 'It stays dark, blinks forever, or never finishes starting.',
    asksRouter: true,
    see: {
      question: 'What do you see?',
      answers: [
        { id: 'blinks', label: 'Lights come on, but it never finishes starting' },
        { id: 'dark', label: 'No light at all', advice: 'Check the power supply and its plug first: a router with no light at all is usually not getting power. Try another adapter of the same voltage.' },
      ],
    },
  },
  { id: 'backup', title: 'Back up my router before changing anything', hint: 'A copy of its whole memory on this computer.', asksRouter: false },
  { id: 'check', title: 'Check a firmware file', hint: 'What the file is, and whether it fits your router.', asksRouter: false },
];

const MAKERS: Record<string, Maker> = { 'tp-link': 'tp-link', asus: 'asus', ubiquiti: 'ubiquiti', 'd-link': 'd-link', netgear: 'netgear', linksys: 'linksys' };

/** The maker of a known router (the Routers list), or of a maker chosen directly. */
export function makerOf(routerOrMaker: string): Maker {
  const p = DEVICE_PROFILES.find((d) => d.id === routerOrMaker);
  const v = (p ? p.vendor : routerOrMaker).toLowerCase();
  return MAKERS[v] ?? 'other';
}

/** Where a goal leads for the answers given (undefined while a question is still open, or for plain advice). */
export function routeFor(goal: GoalId, answers: { router?: string; see?: string }): RouteKey | undefined {
  if (goal === 'backup') return 'backup';
  if (goal === 'check') return 'check-firmware';
  const g = GOALS.find((x) => x.id === goal)!;
  if (g.asksRouter && !answers.router) return undefined;
  const a = g.see?.answers.find((x) => x.id === answers.see);
  if (!a || a.advice) return undefined;
  if (goal === 'no-start') return `no-start:${makerOf(answers.router!)}`;
  return a.route;
}
