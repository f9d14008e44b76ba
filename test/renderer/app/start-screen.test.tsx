/**
 * The start screen routes each goal to the right screen (issue 18): the goal, one or two plain questions, then
 * the button opens the section the routing table names. The whole App is rendered, so the section shown is
 * checked by its heading, not only the store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { App } from '../../../src-renderer/App';
import { useApp } from '../../../src-renderer/app/store';
import { GOAL_ROUTES, makerOf, routeFor, type RouteKey } from '../../../src-renderer/app/goals';
import { SECTIONS } from '../../../src-renderer/app/sections';
import { usePractice } from '../../../src-renderer/capabilities/practice/store';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';

// a workstation with nothing to report (no ports, no sessions)
const api: RbApi = { transport: 'websocket', invoke: (async () => ({ ports: [], sessions: [] })) as RbApi['invoke'], on: () => () => undefined };

beforeEach(() => {
  useApp.setState({ section: 'start', intent: undefined });
  usePractice.setState({ state: { ready: false, mode: 'off', led: 'off', log: [] } });
});
afterEach(cleanup);

function walk(goal: string, answers: { router?: string; see?: string }): HTMLElement | null {
  render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  );
  fireEvent.click(screen.getByTestId(`goal-${goal}`));
  if (answers.router) fireEvent.change(screen.getByTestId('goal-router'), { target: { value: answers.router } });
  if (answers.see) fireEvent.click(screen.getByTestId(`goal-see-${answers.see}`));
  return screen.queryByTestId('goal-go');
}

const label = (id: string) => SECTIONS.find((s) => s.id === id)!.label;

describe('start screen: what do you want to do?', () => {
  it('opens on the goals, with the practice router offered and the technique sections one click away', () => {
    render(
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What do you want to do?');
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.getByTestId('practice-offer').textContent).toMatch(/No router yet\?.*Try the practice router/);
    expect(screen.getByTestId('start-techniques').textContent).toContain('Serial console');
  });

  const cases: [string, { router?: string; see?: string }, RouteKey][] = [
    ['locked', { router: 'linksys,wrt32x', see: 'password' }, 'forgot-password'],
    ['locked', { router: 'tp-link', see: 'unreachable' }, 'broken-settings'],
    ['factory', { router: 'linksys,wrt32x', see: 'runs' }, 'factory-firmware'],
    ['no-start', { router: 'tplink,archer-c7-v2', see: 'blinks' }, 'no-start:tp-link'],
    ['no-start', { router: 'asus', see: 'blinks' }, 'no-start:asus'],
    ['no-start', { router: 'ubnt,nanostation-m', see: 'blinks' }, 'no-start:ubiquiti'],
    ['no-start', { router: 'd-link', see: 'blinks' }, 'no-start:d-link'],
    ['no-start', { router: 'netgear,r7800', see: 'blinks' }, 'no-start:netgear'],
    ['no-start', { router: 'linksys,wrt3200acm', see: 'blinks' }, 'no-start:linksys'],
    ['no-start', { router: 'glinet,gl-mt300n-v2', see: 'blinks' }, 'no-start:other'],
    ['backup', {}, 'backup'],
    ['check', {}, 'check-firmware'],
  ];
  it.each(cases)('%s %j → %s, and the button opens that section', (goal, answers, route) => {
    const go = walk(goal, answers);
    expect(go?.getAttribute('data-route')).toBe(route);
    fireEvent.click(go!);
    expect(useApp.getState().section).toBe(GOAL_ROUTES[route]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(label(GOAL_ROUTES[route]));
    if (answers.router && DEVICE_PROFILES.some((d) => d.id === answers.router)) expect(useApp.getState().intent).toEqual({ route, deviceId: answers.router });
  });

  it('asks before it routes: no button until the router and what is seen are answered; plain advice instead of a wrong screen', () => {
    expect(walk('locked', {})).toBeNull();
    cleanup();
    expect(walk('locked', { router: 'netgear,r7800' })).toBeNull();
    cleanup();
    expect(walk('no-start', { router: 'netgear,r7800', see: 'dark' })).toBeNull();
    expect(screen.getByTestId('goal-advice').textContent).toMatch(/power supply/);
  });

  it('the rescue-mode guide starts with the router chosen on the start screen', () => {
    const go = walk('locked', { router: 'linksys,wrt32x', see: 'password' });
    fireEvent.click(go!);
    expect((screen.getByTestId('fs-device') as HTMLSelectElement).value).toBe('linksys,wrt32x');
  });

  it('every maker of the Routers list has a route, and unknown makers go to the serial console', () => {
    for (const p of DEVICE_PROFILES) expect(GOAL_ROUTES[routeFor('no-start', { router: p.id, see: 'blinks' })!]).toBeDefined();
    expect(makerOf('some-unknown')).toBe('other');
    expect(GOAL_ROUTES['no-start:other']).toBe('console');
  });
});
