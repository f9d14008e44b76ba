import { useApp } from './app/store';
import { SECTIONS } from './app/sections';

export function App() {
  const section = useApp((s) => s.section);
  const setSection = useApp((s) => s.setSection);
  const connection = useApp((s) => s.connection);
  const info = useApp((s) => s.info);
  const current = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  const View = current.View;

  return (
    <div className="frame">
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
          {SECTIONS.map((s) => (
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
        <h1 id="section-title">{current.label}</h1>
        <View />
      </main>
    </div>
  );
}
