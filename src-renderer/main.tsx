import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext } from './api/context';
import { createApi } from './api/client';
import { benchSocketUrl, createWsBridge } from './api/ws-bridge';
import { useApp } from './app/store';
import { resync, wireEvents } from './app/wire';
import { startLocale } from './i18n';
import './styles.css';

// the language first (English at once; another one arrives as its own chunk and the screen switches)
void startLocale();

const bridge =
  window.rescueBench ??
  createWsBridge(benchSocketUrl(window.location, window.sessionStorage, window.history), (c) => {
    useApp.getState().setConnection(c);
    if (c.status === 'open') void resync(api).catch(() => undefined);
  });
const api = createApi(bridge);
wireEvents(api);
if (bridge.transport === 'electron') {
  useApp.getState().setConnection({ status: 'open' });
  void resync(api);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
