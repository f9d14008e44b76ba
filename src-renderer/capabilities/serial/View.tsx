import { useSerial } from './store';
import { ConnectPanel } from './ConnectPanel';
import { SessionPanel } from './SessionPanel';
import { UbootPanel } from '../uboot';
import { useT } from '../../i18n';

/** Serial console: open one or more ports (a tab each), watch and type, and run the U-Boot steps on one. */
export function ConsoleView() {
  const t = useT();
  const sessions = useSerial((s) => s.sessions);
  const active = useSerial((s) => s.active);
  const list = Object.values(sessions);
  const current = active ? sessions[active] : undefined;
  return (
    <>
      <ConnectPanel />
      {list.length > 1 && (
        <div className="console-tabs" role="tablist" aria-label={t('serial.tabs')}>
          {list.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={s.id === active}
              className={s.id === active ? 'console-tab active' : 'console-tab'}
              onClick={() => useSerial.getState().setActive(s.id)}
            >
              {s.state !== 'open' ? t('serial.tab.state', { path: s.path, state: s.state }) : s.path}
            </button>
          ))}
        </div>
      )}
      {current && (
        <div role={list.length > 1 ? 'tabpanel' : undefined}>
          <SessionPanel key={current.id} session={current} />
          <UbootPanel key={`u-${current.id}`} session={current} />
        </div>
      )}
    </>
  );
}
