import { GuidePanel } from './failsafe/GuidePanel';
import { MonitorPanel } from './failsafe/MonitorPanel';

/** Rescue mode (failsafe): the guided playbook with its timeline, then the raw listener for technicians. */
export function FailsafeView() {
  return (
    <>
      <GuidePanel />
      <MonitorPanel />
    </>
  );
}
