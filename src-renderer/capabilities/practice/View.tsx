import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { PRACTICE_SCENARIOS } from '../../../src-shared/capabilities/practice';
import { useApp } from '../../app/store';
import type { SectionId } from '..';
import { usePractice } from './store';
import { PracticeRouterPicture } from './Dock';

/** The practice router: pick a scenario, switch the router on, then fix it with the real screens. */
export function PracticeView() {
  const api = useApi();
  const st = usePractice((s) => s.state);
  const busy = usePractice((s) => s.busy);
  const error = usePractice((s) => s.error);
  const setSection = useApp((s) => s.setSection);
  const { start, reset, stop } = usePractice.getState();
  const current = PRACTICE_SCENARIOS.find((s) => s.id === st.scenario);
  return (
    <>
      <section className="card" aria-labelledby="pr-title">
        <h2 id="pr-title">Try Rescue Bench on a practice router</h2>
        <p className="lead">
          The practice router runs inside Rescue Bench on this computer. It starts, blinks and answers like an OpenWrt router, so you can try every step
          without a real router, a cable or an administrator password. Nothing you do here reaches your network or your real history.
        </p>
        <ul className="practice-scenarios">
          {PRACTICE_SCENARIOS.map((s) => (
            <li key={s.id} className={s.id === st.scenario ? 'card practice-scenario active' : 'card practice-scenario'}>
              <h3>{s.title}</h3>
              <p>{s.story}</p>
              <p className="empty">{s.tryThis}</p>
              {s.notYet && <p className="note">{s.notYet}</p>}
              <button type="button" className="btn primary" disabled={busy || !!s.notYet} onClick={() => void start(api, s.id)} data-testid={`practice-start-${s.id}`}>
                {s.id === st.scenario ? 'Start this practice again' : 'Start this practice'}
              </button>
            </li>
          ))}
        </ul>
        {error && <ErrorCard error={error} />}
      </section>
      {st.ready && current && (
        <section className="card practice-now" aria-labelledby="pr-now" data-testid="practice-now">
          <h2 id="pr-now">
            <span className="practice-badge">PRACTICE</span> {current.title}
          </h2>
          <PracticeRouterPicture />
          <p>
            Now: {current.tryThis}{' '}
            <button type="button" className="btn primary" onClick={() => setSection(current.section as SectionId)} data-testid="practice-go">
              Open the screen that fixes it
            </button>
          </p>
          <div className="controls">
            <button type="button" className="btn" disabled={busy} onClick={() => void reset(api)} data-testid="practice-reset">
              Put the scenario back as it was
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void stop(api)} data-testid="practice-stop">
              Stop the practice router
            </button>
          </div>
          <details className="advanced" open>
            <summary>What the practice router did</summary>
            <ol className="practice-log" data-testid="practice-log">
              {st.log.map((l, i) => (
                <li key={`${l.at}-${i}`}>{l.text}</li>
              ))}
            </ol>
            {st.target && (
              <p className="empty mono">
                {st.target.routerAddress} · SSH {st.target.sshPort} · messages to 127.0.0.1:{st.target.netmsgPort} · console {st.target.consolePath}
                {st.startedInMs !== undefined ? ` · ready in ${st.startedInMs} ms` : ''}
              </p>
            )}
          </details>
        </section>
      )}
    </>
  );
}
