import { useDeferredValue } from 'react';
import { usePlaybook, currentStep } from '../playbook/store';
import { StartCard } from './StartCard';
import { Timeline } from './Timeline';
import { StepPanel } from './StepPanel';
import { Cue } from './Cue';
import { Transcript } from './Transcript';
import { InterruptedCard } from './InterruptedCard';
import { FAILSAFE_PLAYBOOK_ID } from '../../../src-shared/capabilities/failsafe/playbook';
import { useT } from '../../i18n';

/** The guided failsafe playbook: start, the one thing to do now, the timeline, the cue, the transcript. */
export function GuidePanel() {
  const t = useT();
  const run = usePlaybook((s) => (s.run?.playbookId === FAILSAFE_PLAYBOOK_ID ? s.run : undefined));
  const interrupted = usePlaybook((s) => s.interrupted);
  // The step panel and the timeline follow a moment after (a render of their own, decision 0176): a run change
  // that brings the cue shows the cue first, the rest of the guide once it is on screen.
  const shown = useDeferredValue(run);
  const step = currentStep(run);
  const cue = run?.state === 'running' && step?.hint?.kind === 'cue' ? step.hint : undefined;
  return (
    <>
      {interrupted && !run && <InterruptedCard it={interrupted} />}
      {!run || run.state !== 'running' ? <StartCard finished={run} /> : null}
      {run?.options.practice === true && (
        <p className="note practice-note" data-testid="fs-run-practice">
          <span className="practice-badge">{t('app.practice.badge')}</span> {t('failsafe.practiceRun')}
        </p>
      )}
      {shown && (
        <div className="fs-guide">
          <StepPanel run={shown} />
          <Timeline run={shown} />
        </div>
      )}
      {run && <Transcript />}
      {cue && <Cue deadline={cue.deadline} windowMs={cue.windowMs} shownAt={cue.shownAt} />}
    </>
  );
}
