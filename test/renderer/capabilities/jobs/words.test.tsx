/**
 * The Jobs section in the person's language (issue 19): one job (steps, "seen before", note, export) and the
 * list with the shop server silent, rendered in the pseudo-locale, have no text outside the catalogue except
 * the job's data; "seen before" and the shop server's state are made on the screen from their data, and the
 * English made here is the workstation's own (a reworded workstation sentence fails here).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { JobsView, seenWords, shopWords } from '../../../../src-renderer/capabilities/jobs/View';
import { useJobs } from '../../../../src-renderer/capabilities/jobs/store';
import { tNow, useLocale } from '../../../../src-renderer/i18n';
import { seenBeforeText, type Job, type JobSummary } from '../../../../src-shared/capabilities/jobs';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';
import { said } from '../../../../src-shared/i18n';
import { fault } from '../../../../src-shared/errors';

const T = new Date(2026, 10, 3, 14, 2, 11).getTime();
const job: Job = {
  id: 'j1',
  station: 'bench-2',
  playbookId: 'failsafe',
  title: 'Get into rescue mode (failsafe)',
  state: 'done',
  startedAt: T,
  updatedAt: T,
  router: { mac: 'c4:41:1e:aa:bb:01', model: 'WRT32X' },
  note: { customer: 'Ada', ticket: 'T-9' },
  steps: [
    // our evidence line with its id, and a step's fault: said in the language shown (decision 0188)
    { id: 'cables', title: 'Cables and power', state: 'done', attempts: 1, startedAt: T, endedAt: T + 1000, evidence: [{ at: T + 500, ...said('failsafe.said.confirmedAt', { time: '14:02:10' }) }] },
    { id: 'fix', title: 'Fix the router', state: 'failed', attempts: 1, evidence: [], error: fault('MISSED_WINDOW', { cause: 'regularBoot' }).toShape() },
  ],
  images: [],
  backups: [{ kind: 'full', at: T, location: '/backups/j1', manifest: { createdAt: '2026-11-03T14:02:11Z', complete: true, files: [{ name: 'mtd0', sha256: 'aa' }] } }],
};
const earlier: JobSummary = { id: 'j0', station: 'bench-2', title: 'Back up', state: 'done', startedAt: T - 86_400_000, images: 0, backups: 1 };

const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string) => {
    if (name === 'jobs.list') return { jobs: [{ ...earlier, id: 'j1', mac: job.router.mac, customer: 'Ada', ticket: 'T-9' }], source: 'this-station', note: 'x' };
    if (name === 'jobs.show') return job;
    if (name === 'jobs.history') return { seenBefore: [{ id: 'j0', station: 'bench-2', at: earlier.startedAt, title: earlier.title, state: 'done', backupTaken: true, text: '' }], text: '' };
    throw new Error(name);
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

afterEach(() => {
  cleanup();
  useJobs.setState({ jobs: [], query: '', selected: undefined, history: undefined, note: undefined, source: undefined, shop: undefined });
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});

describe('Jobs: words', () => {
  it("the English made on the screen is the workstation's", async () => {
    await useLocale.getState().setLocale('en');
    const seen = [{ id: 'j0', station: 's', at: earlier.startedAt, title: earlier.title, state: 'done' as const, backupTaken: true, text: seenBeforeText(earlier) }];
    expect(seenWords(tNow, job, seen)).toBe(`${seenBeforeText(earlier)} (1 earlier job for MAC c4:41:1e:aa:bb:01.)`);
    expect(seenWords(tNow, job, [])).toBe('First time this router (MAC c4:41:1e:aa:bb:01) is on the bench.');
    expect(shopWords(tNow, { configured: true, reachable: false, queued: 3, text: '' })).toBe(
      'The shop server does not answer. 3 jobs wait to be sent; they are kept on this computer and sent when it answers again.',
    );
  });

  it('pseudo-locale: the list with the shop server silent, and one job', async () => {
    await useLocale.getState().setLocale('en-XA');
    useJobs.setState({ shop: { configured: true, reachable: false, queued: 1, text: '' } });
    const DATA = ['WRT32X', 'c4:41:1e:aa:bb:01', 'Ada', 'T-9', 'bench-2', 'Back up', '/backups/j1', 'SHA-256', 'HTML', 'PDF'];
    const root = render(
      <ApiContext.Provider value={api}>
        <JobsView />
      </ApiContext.Provider>,
    ).container;
    await waitFor(() => expect(screen.getAllByTestId('jobs-row')).toHaveLength(1));
    expect(scanForEscapes(root, DATA)).toEqual([]);
    fireEvent.click(screen.getByTestId('jobs-row'));
    await screen.findByTestId('job-detail');
    await waitFor(() => expect(screen.getByTestId('job-history').textContent).not.toBe(''));
    expect(scanForEscapes(root, DATA)).toEqual([]);
  });
});
