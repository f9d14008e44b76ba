import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { fault } from '../../src-shared/errors';
import type { RbError } from '../../src-shared/contract';
import { ErrorCard } from './ErrorCard';
import { useT } from '../i18n';

/**
 * One page of the screen that fails to draw (a render or effect error) says so in three parts and can be opened
 * again, instead of React taking the whole window down with it: the navigation, the connection line and the
 * other pages stay. Keyed by the page, so moving to another page starts clean.
 */
export class SectionBoundary extends Component<{ children: ReactNode }, { error?: RbError; attempt: number }> {
  override state: { error?: RbError; attempt: number } = { attempt: 0 };

  static getDerivedStateFromError(err: unknown): { error: RbError } {
    const e = err instanceof Error ? err : new Error(String(err));
    return { error: fault('SCREEN_FAILED', {}, { details: `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 8).join('\n')}` }).toShape() };
  }

  override componentDidCatch(err: unknown, info: ErrorInfo): void {
    console.error('A page of the screen failed to draw', err, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <Failed error={this.state.error} retry={() => this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }))} />;
    // a new attempt mounts the page afresh
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}

function Failed({ error, retry }: { error: RbError; retry: () => void }) {
  const t = useT();
  return (
    <section className="card section-failed" data-testid="section-failed">
      <ErrorCard error={error} />
      <button type="button" className="btn primary" onClick={retry} data-testid="section-retry">
        {t('app.crash.retry')}
      </button>
    </section>
  );
}
