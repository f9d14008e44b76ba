import { useApi } from '../../api/context';
import { PRACTICE_MODELS, PRACTICE_SCENARIOS, type PracticeScenario } from '../../../src-shared/capabilities/practice';
import { knownId } from '../../../src-shared/i18n';
import { useT, type T } from '../../i18n';
import { usePractice } from './store';

/** What the router is doing, in the language shown (a mode this screen does not know is shown as it came). */
export function modeWords(t: T, mode: string): string {
  const id = knownId(`practice.mode.${mode}`);
  return id ? t(id) : mode;
}

/** A scenario's words in the language shown: `practice.scenario.<id>.<part>`, else the model's English. */
export function scenarioText(t: T, s: PracticeScenario, part: 'title' | 'story' | 'tryThis'): string {
  const id = knownId(`practice.scenario.${s.id}.${part}`);
  return id ? t(id) : s[part];
}

/** The practice router's picture: power switch, light and Reset button. Shown on every screen while it runs. */
export function PracticeRouterPicture({ compact = false }: { compact?: boolean }) {
  const api = useApi();
  const t = useT();
  const st = usePractice((s) => s.state);
  const busy = usePractice((s) => s.busy);
  const { power, button } = usePractice.getState();
  const on = st.mode !== 'off';
  // a router whose maker's recovery starts with the button held at power on (TP-Link style)
  const scenario = PRACTICE_SCENARIOS.find((x) => x.id === st.scenario);
  const holdFirst = !on && !!scenario && !!PRACTICE_MODELS[scenario.model].vendorRecovery;
  return (
    <div className={compact ? 'practice-router compact' : 'practice-router'} data-testid="practice-router" data-mode={st.mode} data-led={st.led}>
      <svg viewBox="0 0 200 70" className="practice-router-svg" role="img" aria-label={t('practice.picture.label', { mode: modeWords(t, st.mode) })}>
        <rect x="4" y="18" width="192" height="44" rx="8" fill="#26323d" />
        <rect x="30" y="2" width="6" height="18" rx="3" fill="#9aa8b5" />
        <rect x="164" y="2" width="6" height="18" rx="3" fill="#9aa8b5" />
        <circle cx="30" cy="40" r="6" className={`practice-led led-${st.led}`} />
        <text x="44" y="45" fill="#cfd8e0" fontSize="11">
          {t('practice.picture.power')}
        </text>
        <text x="150" y="45" fill="#cfd8e0" fontSize="9">
          {t('practice.picture.reset')}
        </text>
      </svg>
      <div className="practice-router-controls">
        <button type="button" className={on ? 'btn' : 'btn primary'} onClick={() => void power(api, !on)} disabled={busy || !st.ready} data-testid="practice-power">
          {on ? t('practice.switchOff') : t('practice.switchOn')}
        </button>
        <button type="button" className={st.mode === 'preinit' ? 'btn primary' : 'btn'} onClick={() => void button(api)} disabled={busy || !st.ready} data-testid="practice-button">
          {holdFirst ? t('practice.holdReset') : t('practice.pressReset')}
        </button>
        <span className="practice-mode" data-testid="practice-mode">
          {modeWords(t, st.mode)}
        </span>
      </div>
    </div>
  );
}

/** Fixed at the bottom of every screen while the practice router runs: PRACTICE badge, scenario, the router. */
export function PracticeDock() {
  const t = useT();
  const ready = usePractice((s) => s.state.ready);
  const scenario = usePractice((s) => PRACTICE_SCENARIOS.find((x) => x.id === s.state.scenario));
  if (!ready) return null;
  return (
    <aside className="practice-dock" aria-label={t('practice.dock.label')} data-testid="practice-dock">
      <span className="practice-badge">{t('app.practice.badge')}</span>
      <span className="practice-dock-title">{scenario ? scenarioText(t, scenario, 'title') : t('practice.dock.label')}</span>
      <PracticeRouterPicture compact />
    </aside>
  );
}
