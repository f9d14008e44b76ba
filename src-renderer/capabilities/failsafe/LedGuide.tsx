import { LED_PATTERNS, type LedPattern } from '../../../src-shared/capabilities/failsafe/playbook';

/**
 * The router's light as it really blinks (lib/functions/leds.sh: 100/100 preinit, 200/200 regular, 50/50
 * failsafe), animated at the real rate and said in words, so colour and motion are never the only signal.
 */
export function LedGuide({ pattern, lookFor }: { pattern: LedPattern; lookFor: string }) {
  const p = LED_PATTERNS[pattern];
  const period = p.onMs + p.offMs;
  return (
    <div className="fs-led" data-testid="fs-led" data-pattern={pattern} data-on-ms={p.onMs} data-off-ms={p.offMs}>
      <span
        className={pattern === 'off' ? 'fs-led-dot off' : 'fs-led-dot'}
        style={pattern === 'off' ? undefined : { animationDuration: `${period}ms` }}
        aria-hidden="true"
      />
      <p>
        <strong>{lookFor}</strong> The light {p.words}
      </p>
    </div>
  );
}
