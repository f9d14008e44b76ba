import { LED_PATTERNS, type LedPattern } from '../../../src-shared/capabilities/failsafe/playbook';
import type { MessageId } from '../../../src-shared/i18n';
import { useT } from '../../i18n';

/** The blink rate in words, per pattern (the rates come from LED_PATTERNS, the words from the catalogue). */
const LED_WORDS: Record<LedPattern, MessageId> = {
  preinit: 'failsafe.led.preinit',
  regular: 'failsafe.led.regular',
  failsafe: 'failsafe.led.failsafe',
  off: 'failsafe.led.off',
};

/**
 * The router's light as it really blinks (lib/functions/leds.sh: 100/100 preinit, 200/200 regular, 50/50
 * failsafe), animated at the real rate and said in words, so colour and motion are never the only signal.
 */
export function LedGuide({ pattern, lookFor }: { pattern: LedPattern; lookFor: string }) {
  const t = useT();
  const p = LED_PATTERNS[pattern];
  const words = t(LED_WORDS[pattern], { on: p.onMs / 1000, off: p.offMs / 1000 });
  const period = p.onMs + p.offMs;
  return (
    <div className="fs-led" data-testid="fs-led" data-pattern={pattern} data-on-ms={p.onMs} data-off-ms={p.offMs}>
      <span
        className={pattern === 'off' ? 'fs-led-dot off' : 'fs-led-dot'}
        style={pattern === 'off' ? undefined : { animationDuration: `${period}ms` }}
        aria-hidden="true"
      />
      <p>
        <strong>{lookFor}</strong> {t('failsafe.led.description', { words })}
      </p>
    </div>
  );
}
