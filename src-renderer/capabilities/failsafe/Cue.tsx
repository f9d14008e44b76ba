import { useEffect, useRef, useState } from 'react';
import { beep, say } from './sound';
import { usePlaybook } from '../playbook/store';
import { findDeviceProfile } from '../../../src-shared/profiles/profiles';
import { profileText, useLocale, useT } from '../../i18n';
import { intlTag } from '../../../src-shared/i18n';
import { decimal } from '../../format';

/**
 * PRESS-RESET-NOW: full window, high contrast, a countdown of preinit's wait window, a beep and a spoken
 * "Press now". It needs no reading: the user glances from the router to the screen and back.
 */
export function Cue({ deadline, windowMs, shownAt }: { deadline: number; windowMs: number; shownAt: number }) {
  const [left, setLeft] = useState(() => Math.max(0, deadline - Date.now()));
  const [hidden, setHidden] = useState(false);
  const deviceId = usePlaybook((s) => s.run?.options.deviceId);
  const profile = typeof deviceId === 'string' ? findDeviceProfile(deviceId) : undefined;
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const button = profile ? profileText(t, profile.failsafe.button) : t('failsafe.cue.button');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const beeped = beep();
    const again = setInterval(() => beep(), 1000);
    // animation frames where the page is visible; a timer elsewhere (background tab, test DOM)
    const hasRaf = typeof requestAnimationFrame === 'function';
    let handle: number | ReturnType<typeof setTimeout> = 0;
    const schedule = (f: () => void): void => void (handle = hasRaf ? requestAnimationFrame(f) : setTimeout(f, 50));
    const tick = (): void => {
      const l = Math.max(0, deadline - Date.now());
      setLeft(l);
      if (l > 0) schedule(tick);
    };
    schedule(tick);
    // Speech and keyboard focus wait until the cue has been painted: focus() forces a layout of the whole page
    // (measured at ~10 ms in GPU-less Chromium) and would otherwise sit between the datagram and the first frame.
    let later: ReturnType<typeof setTimeout> | undefined;
    const afterPaint = (): void => {
      later = setTimeout(() => {
        const spoke = say(t('failsafe.cue.spoken'), intlTag(locale));
        if (ref.current) {
          ref.current.dataset.sound = `${beeped ? 'beep' : 'silent'}${spoke ? '+speech' : ''}`;
          ref.current.focus();
        }
      }, 0);
    };
    const first = hasRaf ? requestAnimationFrame(afterPaint) : 0;
    if (!hasRaf) afterPaint();
    return () => {
      if (hasRaf) cancelAnimationFrame(first);
      if (later) clearTimeout(later);
      clearInterval(again);
      if (hasRaf) cancelAnimationFrame(handle as number);
      else clearTimeout(handle);
    };
  }, [deadline]);

  if (hidden) return null;
  const secs = decimal(left / 1000, 1);
  return (
    <div
      ref={ref}
      className="fs-cue"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="fs-cue-title"
      aria-describedby="fs-cue-count"
      tabIndex={-1}
      data-testid="failsafe-cue"
      data-shown-at={shownAt}
      onKeyDown={(e) => e.key === 'Escape' && setHidden(true)}
    >
      <p className="fs-cue-title" id="fs-cue-title">
        {t('failsafe.cue.title', { button: button.toLocaleUpperCase(intlTag(locale)) })}
      </p>
      <p className="fs-cue-count" id="fs-cue-count" aria-live="assertive">
        {left > 0 ? t('failsafe.cue.left', { seconds: secs }) : t('failsafe.cue.keepPressing')}
      </p>
      <div className="fs-cue-bar" aria-hidden="true">
        <div style={{ width: `${Math.min(100, (left / windowMs) * 100)}%` }} />
      </div>
      <p className="fs-cue-hint">{t('failsafe.cue.hint')}</p>
      <button type="button" className="btn" onClick={() => setHidden(true)}>
        {t('failsafe.cue.hide')}
      </button>
    </div>
  );
}
