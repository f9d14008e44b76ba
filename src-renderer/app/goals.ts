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
import type { MessageId } from '../../src-shared/i18n';

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

/** What the section does for that route, in the words of the button that opens it (catalogue ids). */
export const ROUTE_WORDS: Record<RouteKey, MessageId> = {
  'forgot-password': 'route.forgotPassword',
  'broken-settings': 'route.brokenSettings',
  'factory-firmware': 'route.factoryFirmware',
  'no-start:tp-link': 'route.noStart.tpLink',
  'no-start:asus': 'route.noStart.asus',
  'no-start:ubiquiti': 'route.noStart.ubiquiti',
  'no-start:d-link': 'route.noStart.dLink',
  'no-start:netgear': 'route.noStart.netgear',
  'no-start:linksys': 'route.console',
  'no-start:other': 'route.console',
  backup: 'route.backup',
  'check-firmware': 'route.checkFirmware',
};

export type GoalId = 'locked' | 'factory' | 'no-start' | 'backup' | 'check';

/** A goal's words are catalogue ids: the start screen says them in the language shown. */
export interface Goal {
  id: GoalId;
  title: MessageId;
  hint: MessageId;
  /** Whether "which router?" is asked. */
  asksRouter: boolean;
  /** "What do you see?": each answer leads to a route (or to plain advice). */
  see?: { question: MessageId; answers: { id: string; label: MessageId; route?: RouteKey; advice?: MessageId }[] };
}

export const GOALS: readonly Goal[] = [
  {
    id: 'locked',
    title: 'goal.locked.title',
    hint: 'goal.locked.hint',
    asksRouter: true,
    see: {
      question: 'goal.see.question',
      answers: [
        { id: 'password', label: 'goal.see.password', route: 'forgot-password' },
        { id: 'unreachable', label: 'goal.see.unreachable', route: 'broken-settings' },
        { id: 'dark', label: 'goal.see.lockedDark', advice: 'goal.see.lockedDark.advice' },
      ],
    },
  },
  { id: 'factory', title: 'goal.factory.title', hint: 'goal.factory.hint', asksRouter: true, see: { question: 'goal.see.question', answers: [{ id: 'runs', label: 'goal.see.runs', route: 'factory-firmware' }] } },
  {
    id: 'no-start',
    title: 'goal.noStart.title',
    hint: 'goal.noStart.hint',
    asksRouter: true,
    see: {
      question: 'goal.see.question',
      answers: [
        { id: 'blinks', label: 'goal.see.blinks' },
        { id: 'dark', label: 'goal.see.dark', advice: 'goal.see.dark.advice' },
      ],
    },
  },
  { id: 'backup', title: 'goal.backup.title', hint: 'goal.backup.hint', asksRouter: false },
  { id: 'check', title: 'goal.check.title', hint: 'goal.check.hint', asksRouter: false },
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
