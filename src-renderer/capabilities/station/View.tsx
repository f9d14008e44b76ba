import { memo, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import type { RbError } from '../../../src-shared/contract';
import type { SlotStatus } from '../../../src-shared/capabilities/station/contract';
import type { MessageId } from '../../../src-shared/i18n';
import { english, intlTag, knownId } from '../../../src-shared/i18n';
import { beep, say, unlockSound } from '../failsafe';
import { bytes, decimal } from '../../format';
import { sayText, stepDoNow, stepText, useLocale, useT, type T } from '../../i18n';
import { useStation } from './store';

/**
 * The bench station: one card per slot. Each card names its slot in large letters in the slot's colour (and the
 * colour's name: colour is never the only signal), its router, the step in words, a bar with percent, rate and
 * time left, the PRESS-NOW cue for that router with a sound of its own, and its problems in three parts.
 */

/** Eight colours with white text at ≥ 4.5:1, and each slot's tone (a different pitch per slot: which router!). */
export const SLOT_COLOURS = ['#0b57d0', '#b3261e', '#146c2e', '#9a4a00', '#6f2da8', '#00677d', '#a0146a', '#45494e'] as const;
export const SLOT_TONES = [523, 659, 784, 988, 1175, 1397, 1568, 1865] as const;

const colourWord = (t: T, c: number): string => t(`station.colour.${c}` as MessageId);

/** A guide's name in the language shown (the catalogue's `playbook.<id>.title` when its English matches). */
function guideTitle(t: T, playbookId: string, given: string): string {
  const id = knownId(`playbook.${playbookId}.title`);
  return id && english(id) === given ? t(id) : given;
}

function cueOf(s: SlotStatus): { deadline: number; windowMs: number; shownAt: number } | undefined {
  const step = s.run?.state === 'running' ? s.run.steps[s.run.current] : undefined;
  const h = step?.state === 'active' ? step.hint : undefined;
  return h?.kind === 'cue' ? { deadline: h.deadline, windowMs: h.windowMs, shownAt: h.shownAt } : undefined;
}

/** Save a reply's bytes as a file this browser downloads (the report is made on the workstation). */
function download(fileName: string, mime: string, base64: string): void {
  const raw = atob(base64);
  const buf = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([buf], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function etaWords(t: T, s: number): string {
  return s < 90 ? t('common.seconds', { value: decimal(s, 0) }) : t('common.minutes', { value: decimal(Math.round(s / 60)) });
}

/** The bar: subscribes to its slot's progress only, so a progress event renders this and nothing else. */
const SlotBar = memo(function SlotBar({ slotId }: { slotId: string }) {
  const t = useT();
  const p = useStation((st) => st.slots[slotId]?.progress);
  if (!p) return null;
  if (p.total <= 0) {
    // the size is not known before the end (the settings backup): a moving bar and the bytes so far
    const label = p.bytesPerS !== undefined ? t('station.slot.progressBytes', { done: bytes(p.done), rate: bytes(p.bytesPerS) }) : t('station.slot.progressBytesNoRate', { done: bytes(p.done) });
    return (
      <div className="st-progress" data-testid="slot-progress" data-done={p.done} data-at={p.at} data-indeterminate="true">
        <progress aria-label={label} />
        <span className="st-progress-text">{label}</span>
      </div>
    );
  }
  const pct = Math.min(100, (p.done / p.total) * 100);
  const percent = decimal(pct, pct < 10 ? 1 : 0);
  const label =
    p.bytesPerS !== undefined && p.etaS !== undefined
      ? t('station.slot.progress', { percent, rate: bytes(p.bytesPerS), eta: etaWords(t, p.etaS) })
      : t('station.slot.progressNoRate', { percent });
  return (
    <div className="st-progress" data-testid="slot-progress" data-done={p.done} data-at={p.at}>
      <progress max={p.total} value={p.done} aria-label={label} />
      <span className="st-progress-text">
        {label} · {bytes(p.done)} / {bytes(p.total)}
      </span>
    </div>
  );
});

/** The PRESS-NOW cue inside the slot's card: large, in the slot's colour, its own tone, spoken with the slot's name. */
function SlotCue({ slot, cue }: { slot: SlotStatus; cue: { deadline: number; windowMs: number; shownAt: number } }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [left, setLeft] = useState(() => Math.max(0, cue.deadline - Date.now()));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const tone = SLOT_TONES[slot.colour] ?? 880;
    // the slot's tone, twice: a pattern the ear tells apart from the next slot's
    const ring = (): boolean => {
      const ok = beep(140, tone);
      setTimeout(() => beep(140, tone), 200);
      return ok;
    };
    const beeped = ring();
    const again = setInterval(ring, 1000);
    const tick = setInterval(() => setLeft(Math.max(0, cue.deadline - Date.now())), 100);
    const later = setTimeout(() => {
      const spoke = say(t('station.slot.cue', { name: slot.name }), intlTag(locale));
      if (ref.current) ref.current.dataset.sound = `${beeped ? `tone-${tone}` : 'silent'}${spoke ? '+speech' : ''}`;
    }, 0);
    return () => {
      clearInterval(again);
      clearInterval(tick);
      clearTimeout(later);
    };
  }, [cue.deadline]);
  return (
    <div ref={ref} className="st-cue" role="alert" data-testid="slot-cue" data-shown-at={cue.shownAt} style={{ background: SLOT_COLOURS[slot.colour] }}>
      <p className="st-cue-title">{t('station.slot.cue', { name: slot.name })}</p>
      <p className="st-cue-left">{t('station.slot.cueLeft', { seconds: decimal(left / 1000, 1) })}</p>
      <div className="st-cue-bar" aria-hidden="true">
        <div style={{ width: `${Math.min(100, (left / cue.windowMs) * 100)}%` }} />
      </div>
    </div>
  );
}

function who(t: T, s: SlotStatus): string {
  const r = s.router;
  const parts = [r.model, r.board && t('station.slot.board', { board: r.board }), r.mac && t('station.slot.mac', { mac: r.mac })].filter(Boolean);
  return parts.length ? t('station.slot.router', { who: parts.join(' · ') }) : t('station.slot.routerUnknown');
}

const SlotCard = memo(function SlotCard({ slotId, onError }: { slotId: string; onError(e: RbError | undefined): void }) {
  const t = useT();
  const api = useApi();
  const s = useStation((st) => st.slots[slotId]);
  const playbooks = useStation((st) => st.playbooks);
  const [pick, setPick] = useState('');
  const [saved, setSaved] = useState('');
  const [input, setInput] = useState('');
  if (!s) return null;
  const run = s.run;
  const step = run?.steps[run.current];
  const cue = cueOf(s);
  const going = s.state === 'running' || s.state === 'paused';
  const failedStep = run?.steps.find((x) => x.state === 'failed' && x.error);
  const act = (f: () => Promise<void>) => () => {
    onError(undefined);
    f().catch((e) => onError(asRbError(e, t('station.failed'))));
  };
  const colour = SLOT_COLOURS[s.colour];
  return (
    <section className={`st-card st-${s.state}`} data-testid="slot-card" data-slot={s.id} data-state={s.state} aria-labelledby={`st-${s.id}-name`} style={{ borderColor: colour }}>
      <header className="st-head" style={{ background: colour }}>
        <h3 id={`st-${s.id}-name`} className="st-name">
          {t('station.slot.label', { name: s.name })}
        </h3>
        <span className="st-colour">{colourWord(t, s.colour)}</span>
        <span className="st-state" data-testid="slot-state">
          {t(`station.state.${s.state}` as MessageId)}
        </span>
      </header>
      <p className="st-where">
        {[s.interface && t('station.slot.card', { card: s.interface }), s.serialPath && t('station.slot.serial', { port: s.serialPath }), s.sourceAddress && t('station.slot.via', { address: s.sourceAddress })].filter(Boolean).join(' · ')}
      </p>
      <p className="st-router" data-testid="slot-router">
        {who(t, s)}
      </p>
      {cue && <SlotCue slot={s} cue={cue} />}
      {run && step && (
        <div className="st-step">
          <p className="st-step-title" data-testid="slot-step">
            {t('station.slot.step', { n: run.current + 1, total: run.steps.length, title: stepText(t, run.playbookId, step.id, 'title', step.title) })}
          </p>
          {going && !cue && <p className="st-donow">{stepDoNow(t, run.playbookId, step)}</p>}
          {!going && run.summary && !failedStep && <p className="st-summary">{sayText(t, run.summary, run.summaryMsg)}</p>}
        </div>
      )}
      {!run && <p className="st-idle">{t('station.slot.idle')}</p>}
      {going && <SlotBar slotId={s.id} />}
      {s.problems.map((p) => (
        <ErrorCard key={p.code} error={p} />
      ))}
      {failedStep?.error && <ErrorCard error={failedStep.error} />}
      {run?.prompt && going && (
        <div className="st-prompt" data-testid="slot-prompt">
          <p>{sayText(t, run.prompt.text, run.prompt.msg)}</p>
          {run.prompt.input && (
            <input aria-label={sayText(t, run.prompt.input.label, run.prompt.input.labelMsg)} type={run.prompt.input.secret ? 'password' : 'text'} value={input} onChange={(e) => setInput(e.target.value)} />
          )}
          <div className="st-actions">
            {run.prompt.choices.map((c) => (
              <button
                key={c.id}
                type="button"
                className={`btn small${c.primary ? ' primary' : ''}${c.destructive ? ' danger' : ''}`}
                data-testid={`slot-choice-${c.id}`}
                onClick={act(() => useStation.getState().respond(api, s.id, run.prompt!.id, c.id, run.prompt!.input ? input : undefined))}
              >
                {sayText(t, c.label, c.labelMsg)}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="st-actions">
        {!going && (
          <>
            <label className="st-pick">
              <span className="sr-only">{t('station.slot.choose', { name: s.name })}</span>
              <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label={t('station.slot.choose', { name: s.name })}>
                {playbooks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {guideTitle(t, p.id, p.title)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn small primary"
              data-testid="slot-start"
              disabled={playbooks.length === 0}
              onClick={act(async () => {
                unlockSound();
                await useStation.getState().start(api, s.id, pick || playbooks[0]!.id);
              })}
            >
              {t('station.slot.start')}
            </button>
          </>
        )}
        {going && (
          <button type="button" className="btn small" data-testid="slot-stop" onClick={act(() => useStation.getState().stop(api, s.id))}>
            {t('station.slot.stop')}
          </button>
        )}
        {run && !run.options.practice && (
          <button
            type="button"
            className="btn small"
            data-testid="slot-report"
            onClick={act(async () => {
              const r = await api.invoke('jobs.report', { id: run.runId, format: 'html', lang: useLocale.getState().locale });
              download(r.fileName, r.mime, r.base64);
              setSaved(`${t('station.slot.saved', { file: r.fileName })}${r.running ? ` ${t('station.slot.reportRunningNote')}` : ''}`);
            })}
          >
            {going ? t('station.slot.reportRunning') : t('station.slot.report')}
          </button>
        )}
        {!going && (
          <button type="button" className="btn small" data-testid="slot-remove" onClick={act(() => useStation.getState().remove(api, s.id))}>
            {t('station.slot.remove')}
          </button>
        )}
      </div>
      {saved && (
        <p className="st-saved" role="status">
          {saved}
        </p>
      )}
    </section>
  );
});

function AddSlot({ onError }: { onError(e: RbError | undefined): void }) {
  const t = useT();
  const api = useApi();
  const [name, setName] = useState('');
  const [card, setCard] = useState('');
  const [serial, setSerial] = useState('');
  return (
    <details className="st-add">
      <summary>{t('station.add.title')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onError(undefined);
          const req: { name?: string; interface?: string; serialPath?: string } = {};
          if (name.trim()) req.name = name.trim();
          if (card.trim()) req.interface = card.trim();
          if (serial.trim()) req.serialPath = serial.trim();
          useStation
            .getState()
            .add(api, req)
            .then(() => {
              setName('');
              setCard('');
              setSerial('');
            })
            .catch((err) => onError(asRbError(err, t('station.failed'))));
        }}
      >
        <label>
          {t('station.add.card')}
          <input value={card} onChange={(e) => setCard(e.target.value)} data-testid="slot-add-card" />
        </label>
        <label>
          {t('station.add.serial')}
          <input value={serial} onChange={(e) => setSerial(e.target.value)} />
        </label>
        <label>
          {t('station.add.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="slot-add-name" />
        </label>
        <button type="submit" className="btn small primary" data-testid="slot-add">
          {t('station.add.go')}
        </button>
      </form>
    </details>
  );
}

/** Which slots want the button pressed now: a line each at the top, whatever card the technician looks at. */
function CueBanner() {
  const t = useT();
  const order = useStation((st) => st.order);
  const slots = useStation((st) => st.slots);
  const cueing = order.map((id) => slots[id]).filter((s): s is SlotStatus => !!s && !!cueOf(s));
  if (!cueing.length) return null;
  return (
    <div className="st-banner" data-testid="station-cue-banner">
      {cueing.map((s) => (
        <p key={s.id} style={{ background: SLOT_COLOURS[s.colour] }}>
          {t('station.slot.cueBanner', { name: s.name, colour: colourWord(t, s.colour) })}
        </p>
      ))}
    </div>
  );
}

export function StationView() {
  const t = useT();
  const order = useStation((st) => st.order);
  const [error, setError] = useState<RbError | undefined>();
  return (
    <div className="station" data-testid="station">
      <p className="st-intro">{t('station.intro')}</p>
      <CueBanner />
      {error && <ErrorCard error={error} />}
      {order.length === 0 && <p className="st-empty">{t('station.empty')}</p>}
      <div className="st-grid">
        {order.map((id) => (
          <SlotCard key={id} slotId={id} onError={setError} />
        ))}
      </div>
      <AddSlot onError={setError} />
    </div>
  );
}
