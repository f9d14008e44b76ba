import { useApp } from './app/store';
import { SECTIONS } from './app/sections';
import { StartScreen } from './app/StartScreen';
import { PracticeDock, usePractice } from './capabilities/practice';

const START = { id: 'start' as const, label: 'Start', hint: 'What do you want to do?', View: StartScreen };

export function App() {
  const section = useApp((s) => s.section);
  const setSection = useApp((s) => s.setSection);
  const connection = useApp((s) => s.connection);
  const info = useApp((s) => s.info);
  const practice = usePractice((s) => s.state.ready);
  const screens = [START, ...SECTIONS];
  const current = screens.find((s) => s.id === section) ?? START;
  const View = current.View;

  return (
    <div className={practice ? 'frame practice-on' : 'frame'} data-practice={practice ? 'on' : undefined}>
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
            <rect x="3" y="14" width="26" height="12" rx="3" fill="#0b5cad" />
            <circle cx="9" cy="20" r="2" fill="#39c46a" />
            <circle cx="15" cy="20" r="2" fill="#ffb000" />
            <rect x="7" y="5" width="2.5" height="9" rx="1.2" fill="#e8eef4" />
            <rect x="22.5" y="5" width="2.5" height="9" rx="1.2" fill="#e8eef4" />
          </svg>
          <span>Rescue Bench</span>
        </div>
        <ul>
          {screens.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === section ? 'nav-item active' : 'nav-item'}
                aria-current={s.id === section ? 'page' : undefined}
                onClick={() => setSection(s.id)}
                data-testid={`nav-${s.id}`}
              >
                <span className="nav-label">{s.label}</span>
                <span className="nav-hint">{s.hint}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="conn" data-testid="connection" data-status={connection.status}>
          {connection.status === 'open' ? (
            <>
              <span className="dot ok" aria-hidden="true" /> Connected{info ? ` · ${info.host === 'electron' ? 'this computer' : 'bench'} · v${info.version}` : ''}
            </>
          ) : connection.status === 'connecting' ? (
            <>
              <span className="dot wait" aria-hidden="true" /> Connecting to the workstation…
            </>
          ) : (
            <>
              <span className="dot bad" aria-hidden="true" /> Not connected ({connection.reason}). Trying again…
            </>
          )}
        </div>
      </nav>
      <main className="content" id="main" aria-labelledby="section-title">
        {practice && (
          <p className="practice-banner" data-testid="practice-banner">
            <span className="practice-badge">PRACTICE</span> You are practising with the practice router. Nothing here touches a real router.
          </p>
        )}
        <h1 id="section-title">{current.id === 'start' ? 'What do you want to do?' : current.label}</h1>
        <View />
        <PracticeDock />
      </main>
    </div>
  );
}
