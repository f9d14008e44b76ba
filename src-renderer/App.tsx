import { useApp } from './store/app';
import { SECTIONS } from './sections';
import { FailsafeView } from './views/FailsafeView';
import { NotBuiltView } from './views/NotBuiltView';

export function App() {
  const section = useApp((s) => s.section);
  const setSection = useApp((s) => s.setSection);
  const connection = useApp((s) => s.connection);
  const info = useApp((s) => s.info);
  const current = SECTIONS.find((s) => s.id === section)!;

  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⛑
          </span>
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
        {section === 'failsafe' ? <FailsafeView /> : <NotBuiltView section={current} />}
      </main>
    </div>
  );
}
