import { GuidePanel } from './GuidePanel';
import { MonitorPanel } from './MonitorPanel';

/** Rescue mode (failsafe): the guided playbook with its timeline, then the raw listener for technicians. */
export function FailsafeView() {
  return (
    <>
      <GuidePanel />
      <MonitorPanel />
    </>
  );
}
