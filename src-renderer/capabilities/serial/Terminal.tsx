import { useEffect, useRef, useState } from 'react';
import { Terminal as Xterm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import '@xterm/xterm/css/xterm.css';
import { useApi } from '../../api/context';
import { attachSink, sessionOutput } from './store';
import { useT } from '../../i18n';

/**
 * The console itself: xterm.js with a large scrollback, search, copy, paste (Ctrl+Shift+V or the browser's
 * paste), and "Save log". What you type goes to the router as you type it (no local echo: the router echoes).
 */
export function Terminal({ sessionId, label, connected }: { sessionId: string; label: string; connected: boolean }) {
  const api = useApi();
  const t0 = useT();
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Xterm | null>(null);
  const search = useRef<SearchAddon | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<boolean | undefined>();
  const [copied, setCopied] = useState(false);

  const label0 = t0('serial.term.label', { port: label });
  useEffect(() => {
    if (!host.current) return;
    const t = new Xterm({
      scrollback: 20000,
      convertEol: false,
      cursorBlink: true,
      fontSize: 15,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Consolas, monospace",
      theme: { background: '#0f1720', foreground: '#e8eef4', selectionBackground: '#3b6ea5' },
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    const s = new SearchAddon();
    t.loadAddon(fit);
    t.loadAddon(s);
    t.open(host.current);
    const doFit = (): void => {
      try {
        fit.fit();
      } catch {
        /* not visible yet */
      }
    };
    doFit();
    const ro = new ResizeObserver(doFit);
    ro.observe(host.current);
    const detach = attachSink(sessionId, (bytes) => t.write(bytes));
    const typed = t.onData((data) => {
      void api.invoke('serial.write', { id: sessionId, data, encoding: 'utf8' }).catch(() => undefined);
    });
    // Ctrl+Shift+C copies the selection (Ctrl+C alone goes to the router: it is U-Boot's "fresh prompt" key).
    t.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
        void navigator.clipboard?.writeText(t.getSelection()).catch(() => undefined);
        return false;
      }
      return true;
    });
    term.current = t;
    search.current = s;
    return () => {
      typed.dispose();
      detach();
      ro.disconnect();
      t.dispose();
      term.current = null;
    };
  }, [api, sessionId, label]);
  useEffect(() => {
    term.current?.textarea?.setAttribute('aria-label', label0);
  }, [label0]);

  const find = (dir: 'next' | 'prev'): void => {
    if (!search.current || !query) return;
    const ok = dir === 'next' ? search.current.findNext(query) : search.current.findPrevious(query);
    setFound(ok);
  };

  const copy = async (): Promise<void> => {
    const text = term.current?.getSelection() ?? '';
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };

  const save = (): void => {
    const bytes = sessionOutput(sessionId);
    const blob = new Blob([bytes.slice().buffer], { type: 'text/plain' });
    const a = document.createElement('a');
    const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\..*$/, '');
    a.href = URL.createObjectURL(blob);
    a.download = `serial-${label.replace(/[^\w.-]+/g, '_')}-${stamp}.log`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  };

  return (
    <div className="console-term-wrap">
      <div className="console-toolbar" role="toolbar" aria-label={t0('serial.term.tools')}>
        <form
          className="console-search"
          onSubmit={(e) => {
            e.preventDefault();
            find('next');
          }}
        >
          <label>
            <span className="sr-only">{t0('serial.term.search')}</span>
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t0('serial.term.search')} data-testid="console-search" />
          </label>
          <button type="button" className="btn small" onClick={() => find('prev')} aria-label={t0('serial.term.prev')}>
            ↑
          </button>
          <button type="submit" className="btn small" aria-label={t0('serial.term.next')}>
            ↓
          </button>
          {found === false && <span className="tag warn">{t0('serial.term.notFound')}</span>}
        </form>
        <button type="button" className="btn small" onClick={() => void copy()}>
          {copied ? t0('serial.term.copied') : t0('serial.term.copy')}
        </button>
        <button type="button" className="btn small" onClick={() => term.current?.clear()}>
          {t0('serial.term.clear')}
        </button>
        <button type="button" className="btn small" onClick={save} data-testid="console-save">
          {t0('serial.term.save')}
        </button>
      </div>
      <div ref={host} className={connected ? 'console-term' : 'console-term disconnected'} data-testid="console-term" />
    </div>
  );
}
