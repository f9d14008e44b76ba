/**
 * The Jobs section: the list from jobs.list, new jobs from jobs.changed events (not into a search they do not
 * match), one job with its steps and "seen before", and the three-part error with the rebuild button when
 * the file is damaged. The API is a recorder that answers like the workstation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import { ApiError, type RbApi } from '../../../../src-renderer/api/types';
import { JobsView } from '../../../../src-renderer/capabilities/jobs/View';
import { useJobs } from '../../../../src-renderer/capabilities/jobs/store';
import type { Job, JobSummary } from '../../../../src-shared/capabilities/jobs';

const T = new Date(2026, 10, 3, 14, 2, 11).getTime();
const summary = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({ id, station: 's', title: 'Reflash', state: 'done', startedAt: T, images: 0, backups: 0, ...over });
const job: Job = {
  id: 'j1',
  station: 's',
  playbookId: 'p',
  title: 'Reflash',
  state: 'running',
  startedAt: T,
  updatedAt: T,
  router: { mac: 'c4:41:1e:aa:bb:01', model: '<b>WRT</b>' },
  note: { customer: 'Ada' },
  steps: [{ id: 'a', title: 'Find the router', state: 'done', attempts: 1, startedAt: T, endedAt: T + 1000, evidence: [{ at: T + 500, text: 'ethaddr=c4:41:1e:aa:bb:01' }] }],
  images: [],
  backups: [],
};

function apiWith(answers: Record<string, (p: unknown) => unknown>): { api: RbApi; calls: { name: string; payload: unknown }[] } {
  const calls: { name: string; payload: unknown }[] = [];
  const api: RbApi = {
    transport: 'websocket',
    invoke: (async (name: string, payload: unknown) => {
      calls.push({ name, payload });
      const a = answers[name];
      if (!a) throw new Error(`unexpected ${name}`);
      return a(payload);
    }) as RbApi['invoke'],
    on: () => () => undefined,
  };
  return { api, calls };
}

afterEach(() => {
  cleanup();
  useJobs.setState({ jobs: [], query: '', selected: undefined, history: undefined, note: undefined, source: undefined });
});

describe('Jobs section', () => {
  it('lists jobs, adds a new one from its event, and opens one with its steps and "seen before"', async () => {
    const { api, calls } = apiWith({
      'jobs.list': () => ({ jobs: [summary('j0', { startedAt: T - 1000, backups: 1 })], source: 'this-station' }),
      'jobs.show': () => job,
      'jobs.history': () => ({ seenBefore: [], text: 'First time this router (MAC c4:41:1e:aa:bb:01) is on the bench.' }),
      'jobs.note': (p) => ({ ...job, note: (p as { note: Job['note'] }).note, router: { ...job.router, serial: (p as { serial: string }).serial } }),
    });
    render(
      <ApiContext.Provider value={api}>
        <JobsView />
      </ApiContext.Provider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('jobs-row')).toHaveLength(1));
    expect(screen.getByTestId('jobs-row').textContent).toContain('backup taken');
    act(() => useJobs.getState().onChanged(summary('j1', { mac: 'c4:41:1e:aa:bb:01', state: 'running' })));
    expect(screen.getAllByTestId('jobs-row').map((r) => r.getAttribute('data-id'))).toEqual(['j1', 'j0']);
    fireEvent.click(screen.getAllByTestId('jobs-row')[0]!);
    await screen.findByTestId('job-detail');
    expect(calls.filter((c) => c.name === 'jobs.show')).toEqual([{ name: 'jobs.show', payload: { id: 'j1' } }]);
    expect(screen.getByTestId('job-history').textContent).toMatch(/^First time this router/);
    expect(screen.getByText(/^This job is still running./)).toBeTruthy();
    // the router's words are text, not markup
    expect(screen.getByTestId('job-detail').querySelector('b')).toBeNull();
    expect(screen.getByTestId('job-detail').textContent).toContain('<b>WRT</b>');

    // customer, ticket and serial number: one jobs.note, and the job shown is the reply
    expect((screen.getByTestId('job-customer') as HTMLInputElement).value).toBe('Ada');
    fireEvent.change(screen.getByTestId('job-ticket'), { target: { value: 'T-9' } });
    fireEvent.change(screen.getByTestId('job-serial'), { target: { value: 'SN77' } });
    fireEvent.click(screen.getByTestId('job-note-save'));
    await screen.findByText('Saved.');
    expect(calls.filter((c) => c.name === 'jobs.note').map((c) => c.payload)).toEqual([{ id: 'j1', note: { customer: 'Ada', ticket: 'T-9' }, serial: 'SN77' }]);
    expect(screen.getByTestId('job-detail').textContent).toContain('Ada · ticket T-9');
    expect(screen.getByTestId('job-detail').textContent).toContain('serial SN77');
  });

  it('a job that does not match the search shown stays out of it', async () => {
    const { api } = apiWith({ 'jobs.list': (p) => ({ jobs: (p as { query?: string }).query ? [summary('j0', { customer: 'Ada' })] : [], source: 'this-station' }) });
    render(
      <ApiContext.Provider value={api}>
        <JobsView />
      </ApiContext.Provider>,
    );
    fireEvent.change(screen.getByTestId('jobs-find'), { target: { value: 'ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await waitFor(() => expect(screen.getAllByTestId('jobs-row')).toHaveLength(1));
    act(() => useJobs.getState().onChanged(summary('j9')));
    expect(screen.getAllByTestId('jobs-row')).toHaveLength(1);
  });

  it('a damaged history file: the three-part error and "Rebuild from journals"', async () => {
    let broken = true;
    const { api, calls } = apiWith({
      'jobs.list': () => {
        if (broken) throw new ApiError({ code: 'JOBS_DB_CORRUPT', message: 'The job history file is damaged and cannot be read.', meaning: 'Your jobs are not lost.', fix: 'Choose "Rebuild from journals".' });
        return { jobs: [summary('j0')], source: 'this-station' };
      },
      'jobs.rebuild': () => {
        broken = false;
        return { jobs: 1, text: 'made again' };
      },
    });
    render(
      <ApiContext.Provider value={api}>
        <JobsView />
      </ApiContext.Provider>,
    );
    const card = await screen.findByTestId('error-card');
    expect(card.getAttribute('data-code')).toBe('JOBS_DB_CORRUPT');
    fireEvent.click(screen.getByTestId('jobs-rebuild'));
    await waitFor(() => expect(screen.getAllByTestId('jobs-row')).toHaveLength(1));
    expect(calls.map((c) => c.name)).toContain('jobs.rebuild');
    expect(screen.queryByTestId('error-card')).toBeNull();
  });
});
