import { useApi } from '../../api/context';
import { PRACTICE_MODELS, PRACTICE_SCENARIOS } from '../../../src-shared/capabilities/practice';
import { usePractice } from './store';

const MODE_WORDS: Record<string, string> = {
  off: 'Switched off',
  bootloader: 'Bootloader',
  halted: 'Starting…',
  preinit: 'Starting — rescue window open',
  failsafe: 'Rescue mode (failsafe)',
  running: 'Running normally',
  vendor: "Maker's firmware running",
  recovery: "Maker's recovery: fetching firmware",
};

/** The practice router's picture: power switch, light and Reset button. Shown on every screen while it runs. */
export function PracticeRouterPicture({ compact = false }: { compact?: boolean }) {
  const api = useApi();
  const st = usePractice((s) => s.state);
  const busy = usePractice((s) => s.busy);
  const { power, button } = usePractice.getState();
  const on = st.mode !== 'off';
  // a router whose maker's recovery starts with the button held at power on (TP-Link style)
  const scenario = PRACTICE_SCENARIOS.find((x) => x.id === st.scenario);
  const holdFirst = !on && !!scenario && !!PRACTICE_MODELS[scenario.model].vendorRecovery;
  return (
    <div className={compact ? 'practice-router compact' : 'practice-router'} data-testid="practice-router" data-mode={st.mode} data-led={st.led}>
      <svg viewBox="0 0 200 70" className="practice-router-svg" role="img" aria-label={`Practice router: ${MODE_WORDS[st.mode] ?? st.mode}`}>
        <rect x="4" y="18" width="192" height="44" rx="8" fill="#26323d" />
        <rect x="30" y="2" width="6" height="18" rx="3" fill="#9aa8b5" />
        <rect x="164" y="2" width="6" height="18" rx="3" fill="#9aa8b5" />
        <circle cx="30" cy="40" r="6" className={`practice-led led-${st.led}`} />
        <text x="44" y="45" fill="#cfd8e0" fontSize="11">
          power
        </text>
        <text x="150" y="45" fill="#cfd8e0" fontSize="9">
          Reset
        </text>
      </svg>
      <div className="practice-router-controls">
        <button type="button" className={on ? 'btn' : 'btn primary'} onClick={() => void power(api, !on)} disabled={busy || !st.ready} data-testid="practice-power">
          {on ? 'Switch off' : 'Switch on'}
        </button>
        <button type="button" className={st.mode === 'preinit' ? 'btn primary' : 'btn'} onClick={() => void button(api)} disabled={busy || !st.ready} data-testid="practice-button" aria-label="Press the practice router's Reset button">
          {holdFirst ? 'Hold Reset (then switch on)' : 'Press Reset'}
        </button>
        <span className="practice-mode" data-testid="practice-mode">
          {MODE_WORDS[st.mode] ?? st.mode}
        </span>
      </div>
    </div>
  );
}

/** Fixed at the bottom of every screen while the practice router runs: PRACTICE badge, scenario, the router. */
export function PracticeDock() {
  const ready = usePractice((s) => s.state.ready);
  const scenario = usePractice((s) => PRACTICE_SCENARIOS.find((x) => x.id === s.state.scenario));
  if (!ready) return null;
  return (
    <aside className="practice-dock" aria-label="Practice router" data-testid="practice-dock">
      <span className="practice-badge">PRACTICE</span>
      <span className="practice-dock-title">{scenario ? scenario.title : 'Practice router'}</span>
      <PracticeRouterPicture compact />
    </aside>
  );
}
