import { useState } from 'react';
import { DEVICE_PROFILES } from '../../src-shared/profiles/profiles';
import { SECTIONS } from './sections';
import { useApp } from './store';
import { GOALS, ROUTE_WORDS, GOAL_ROUTES, routeFor, type GoalId } from './goals';
import { usePractice } from '../capabilities/practice/store';
import { usePlaybook } from '../capabilities/playbook/store';
import { useT } from '../i18n';
import { SECTION_WORDS } from './sections';

const MAKER_CHOICES = [
  { id: 'tp-link', label: 'TP-Link' },
  { id: 'asus', label: 'ASUS' },
  { id: 'netgear', label: 'Netgear' },
  { id: 'linksys', label: 'Linksys' },
  { id: 'ubiquiti', label: 'Ubiquiti' },
  { id: 'd-link', label: 'D-Link' },
  { id: 'other', label: '' },
];

/** The first screen: "What do you want to do?" — a goal, one or two plain questions, then the right screen. */
export function StartScreen() {
  const t = useT();
  const [goal, setGoal] = useState<GoalId | undefined>();
  const [router, setRouter] = useState('');
  const [see, setSee] = useState('');
  const setSection = useApp((s) => s.setSection);
  const setIntent = useApp((s) => s.setIntent);
  const practiceReady = usePractice((s) => s.state.ready);
  const runActive = usePlaybook((s) => (s.run?.state === 'running' ? s.run : undefined));
  const interrupted = usePlaybook((s) => s.interrupted);
  const g = GOALS.find((x) => x.id === goal);
  const route = goal ? routeFor(goal, { ...(router ? { router } : {}), ...(see ? { see } : {}) }) : undefined;
  const advice = g?.see?.answers.find((a) => a.id === see)?.advice;
  const pick = (id: GoalId): void => {
    setGoal(id);
    setSee('');
  };
  const go = (): void => {
    if (!route) return;
    setIntent({ route, ...(router && DEVICE_PROFILES.some((d) => d.id === router) ? { deviceId: router } : {}) });
    setSection(GOAL_ROUTES[route]);
  };
  return (
    <>
      {(runActive || interrupted) && (
        <p className="note" data-testid="start-resume">
          {runActive ? t('start.running', { title: runActive.title }) : t('start.interrupted', { title: interrupted!.title })}{' '}
          <button type="button" className="btn" onClick={() => setSection('failsafe')}>
            {t('start.goBack')}
          </button>
        </p>
      )}
      <section className="card" aria-label={t('start.goals')}>
        <div className="goals" role="radiogroup" aria-label={t('start.title')}>
          {GOALS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="radio"
              aria-checked={goal === x.id}
              className={goal === x.id ? 'goal active' : 'goal'}
              onClick={() => pick(x.id)}
              data-testid={`goal-${x.id}`}
            >
              <span className="goal-title">{t(x.title)}</span>
              <span className="goal-hint">{t(x.hint)}</span>
            </button>
          ))}
        </div>
      </section>
      {g && (
        <section className="card" aria-labelledby="goal-questions" data-testid="goal-questions">
          <h2 id="goal-questions">{t(g.title)}</h2>
          {g.asksRouter && (
            <label>
              {t('start.whichRouter')}
              <select value={router} onChange={(e) => setRouter(e.target.value)} data-testid="goal-router">
                <option value="">{t('start.choose')}</option>
                <optgroup label={t('start.knownRouters')}>
                  {DEVICE_PROFILES.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.vendor} {d.model}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('start.notListed')}>
                  {MAKER_CHOICES.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.id === 'other' ? t('start.otherMaker') : m.label}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
          )}
          {g.see && (
            <fieldset className="goal-see">
              <legend>{t(g.see.question)}</legend>
              {g.see.answers.map((a) => (
                <label key={a.id} className="check">
                  <input type="radio" name="goal-see" value={a.id} checked={see === a.id} onChange={() => setSee(a.id)} data-testid={`goal-see-${a.id}`} />
                  {t(a.label)}
                </label>
              ))}
            </fieldset>
          )}
          {advice && (
            <p className="note" data-testid="goal-advice">
              {t(advice)}
            </p>
          )}
          {route && (
            <button type="button" className="btn primary big" onClick={go} data-testid="goal-go" data-route={route} data-section={GOAL_ROUTES[route]}>
              {t(ROUTE_WORDS[route])}
            </button>
          )}
        </section>
      )}
      {!practiceReady && (
        <section className="card practice-offer" data-testid="practice-offer">
          <h2>{t('start.practice.title')}</h2>
          <p>{t('start.practice.text')}</p>
          <button type="button" className="btn" onClick={() => setSection('practice')} data-testid="practice-offer-go">
            {t('start.practice.go')}
          </button>
        </section>
      )}
      <details className="advanced" data-testid="start-techniques">
        <summary>{t('start.techniques')}</summary>
        <ul className="technique-list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <button type="button" className="linklike" onClick={() => setSection(s.id)}>
                {t(SECTION_WORDS[s.id].label)}
              </button>{' '}
              <span className="empty">— {t(SECTION_WORDS[s.id].hint)}</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
