import { useApp } from './app/store';
import { SECTIONS } from './app/sections';
import { StartScreen } from './app/StartScreen';
import { PracticeDock, usePractice } from './capabilities/practice';
import { SECTION_WORDS } from './app/sections';
import { LanguageSwitcher } from './app/LanguageSwitcher';
import { useT } from './i18n';
import { SectionBoundary } from './components/SectionBoundary';
import type { MessageId } from '../src-shared/i18n';

const START = { id: 'start' as const, View: StartScreen };
const START_WORDS: { label: MessageId; hint: MessageId } = { label: 'app.start.label', hint: 'app.start.hint' };

export function App() {
  const section = useApp((s) => s.section);
  const setSection = useApp((s) => s.setSection);
  const connection = useApp((s) => s.connection);
  const info = useApp((s) => s.info);
  const practice = usePractice((s) => s.state.ready);
  const t = useT();
  const screens = [START, ...SECTIONS];
  const current = screens.find((s) => s.id === section) ?? START;
  const View = current.View;
  const words = (id: string) => (id === 'start' ? START_WORDS : SECTION_WORDS[id as keyof typeof SECTION_WORDS]);

  return (
    <div className={practice ? 'frame practice-on' : 'frame'} data-practice={practice ? 'on' : undefined}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <nav className="sidebar" aria-label={t('app.nav.label')}>
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
                <span className="nav-label">{t(words(s.id).label)}</span>
                <span className="nav-hint">{t(words(s.id).hint)}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="conn" data-testid="connection" data-status={connection.status}>
          {connection.status === 'open' ? (
            <>
              <span className="dot ok" aria-hidden="true" /> {info ? t('app.conn.openWhere', { where: info.host, version: info.version }) : t('app.conn.open')}
            </>
          ) : connection.status === 'connecting' ? (
            <>
              <span className="dot wait" aria-hidden="true" /> {t('app.conn.connecting')}
            </>
          ) : (
            <>
              <span className="dot bad" aria-hidden="true" /> <span title={connection.reason}>{t('app.conn.closed', { why: connection.why ?? 'lost' })}</span>
            </>
          )}
        </div>
        <LanguageSwitcher />
      </nav>
      <main className="content" id="main" aria-labelledby="section-title" tabIndex={-1}>
        {practice && (
          <p className="practice-banner" data-testid="practice-banner">
            <span className="practice-badge">{t('app.practice.badge')}</span> {t('app.practice.banner')}
          </p>
        )}
        <h1 id="section-title">{current.id === 'start' ? t('start.title') : t(words(current.id).label)}</h1>
        <SectionBoundary key={current.id}>
          <View />
        </SectionBoundary>
        <PracticeDock />
      </main>
    </div>
  );
}
