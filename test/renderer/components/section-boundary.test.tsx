/**
 * A page that fails to draw says so in three parts and opens again (SectionBoundary), instead of React taking the
 * whole window down: the rest of the screen stays.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SectionBoundary } from '../../../src-renderer/components/SectionBoundary';

afterEach(cleanup);

let broken = true;
function Page() {
  if (broken) throw new Error('xterm: cannot measure the font');
  return <p>the console</p>;
}

describe('a page that fails to draw', () => {
  it('shows what happened, what it means and what to do; the rest of the screen stays; it opens again', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    render(
      <div>
        <nav>the sections</nav>
        <SectionBoundary>
          <Page />
        </SectionBoundary>
      </div>,
    );
    const card = screen.getByTestId('error-card');
    expect(card.getAttribute('data-code')).toBe('SCREEN_FAILED');
    expect(card.textContent).toContain('This page of the screen stopped working.');
    expect(card.textContent).toContain('nothing was sent to the router');
    expect(card.textContent).toContain('Open this page again');
    expect(card.textContent).toContain('xterm: cannot measure the font'); // behind Details
    expect(screen.getByText('the sections')).toBeTruthy();
    // the same fault again: still the card, not a blank window
    fireEvent.click(screen.getByTestId('section-retry'));
    expect(screen.getByTestId('section-failed')).toBeTruthy();
    // fixed: the page mounts afresh
    broken = false;
    fireEvent.click(screen.getByTestId('section-retry'));
    expect(screen.getByText('the console')).toBeTruthy();
    expect(screen.queryByTestId('section-failed')).toBeNull();
    quiet.mockRestore();
  });
});
