import { useApi } from '../../api/context';
import { ErrorCard } from '../../components/ErrorCard';
import { PRACTICE_SCENARIOS } from '../../../src-shared/capabilities/practice';
import { useApp } from '../../app/store';
import type { SectionId } from '..';
import { usePractice } from './store';
import { PracticeRouterPicture, scenarioText } from './Dock';
import { saidAmong, useT } from '../../i18n';

/** A scenario's title quoted in the log ("Scenario … loaded") is said in the language shown too. */
const SCENARIO_TITLES = PRACTICE_SCENARIOS.map((s) => ({ id: `practice.scenario.${s.id}.title` }));

/** The practice router: pick a scenario, switch the router on, then fix it with the real screens. */
export function PracticeView() {
  const api = useApi();
  const t = useT();
  const st = usePractice((s) => s.state);
  const busy = usePractice((s) => s.busy);
  const error = usePractice((s) => s.error);
  const setSection = useApp((s) => s.setSection);
  const { start, reset, stop } = usePractice.getState();
  const current = PRACTICE_SCENARIOS.find((s) => s.id === st.scenario);
  return (
    <>
      <section className="card" aria-labelledby="pr-title">
        <h2 id="pr-title">{t('practice.title')}</h2>
        <p className="lead">{t('practice.lead')}</p>
        <ul className="practice-scenarios">
          {PRACTICE_SCENARIOS.map((s) => (
            <li key={s.id} className={s.id === st.scenario ? 'card practice-scenario active' : 'card practice-scenario'}>
              <h3>{scenarioText(t, s, 'title')}</h3>
              <p>{scenarioText(t, s, 'story')}</p>
              <p className="empty">{scenarioText(t, s, 'tryThis')}</p>
              {s.notYet && <p className="note">{s.notYet}</p>}
              <button type="button" className="btn primary" disabled={busy || !!s.notYet} onClick={() => void start(api, s.id)} data-testid={`practice-start-${s.id}`}>
                {s.id === st.scenario ? t('practice.startAgain') : t('practice.start')}
              </button>
            </li>
          ))}
        </ul>
        {error && <ErrorCard error={error} />}
      </section>
      {st.ready && current && (
        <section className="card practice-now" aria-labelledby="pr-now" data-testid="practice-now">
          <h2 id="pr-now">
            <span className="practice-badge">{t('app.practice.badge')}</span> {scenarioText(t, current, 'title')}
          </h2>
          <PracticeRouterPicture />
          <p>
            {t('practice.now', { task: scenarioText(t, current, 'tryThis') })}{' '}
            <button type="button" className="btn primary" onClick={() => setSection(current.section as SectionId)} data-testid="practice-go">
              {t('practice.go')}
            </button>
          </p>
          <div className="controls">
            <button type="button" className="btn" disabled={busy} onClick={() => void reset(api)} data-testid="practice-reset">
              {t('practice.reset')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void stop(api)} data-testid="practice-stop">
              {t('practice.stop')}
            </button>
          </div>
          <details className="advanced" open>
            <summary>{t('practice.log.title')}</summary>
            {/* the router's log: its sentences in the language shown; a command line as typed (fw_setenv …) as data */}
            <ol className="practice-log" data-testid="practice-log">
              {st.log.map((l, i) =>
                l.msg ? (
                  <li key={`${l.at}-${i}`}>{saidAmong(t, l.text, [l.msg], SCENARIO_TITLES)}</li>
                ) : (
                  <li key={`${l.at}-${i}`} className="mono" data-i18n-data="a command the practice router ran">
                    {l.text}
                  </li>
                ),
              )}
            </ol>
            {st.target && (
              <p className="empty mono">
                {t('practice.target', { address: st.target.routerAddress, ssh: st.target.sshPort, netmsg: st.target.netmsgPort, console: st.target.consolePath })}
                {st.startedInMs !== undefined ? t('practice.readyIn', { ms: st.startedInMs }) : ''}
              </p>
            )}
          </details>
        </section>
      )}
    </>
  );
}
