import { ErrorCard } from '../components/ErrorCard';
import { useFirmware } from '../store/firmware';
import { PickPanel } from './firmware/PickPanel';
import { ReportCard } from './firmware/ReportCard';
import { StructureTree } from './firmware/StructureTree';
import { VerdictPanel } from './firmware/VerdictPanel';

/** Firmware check: drop an image → what it is and whether it is intact → whether it suits the router → expert tree. */
export function FirmwareView() {
  const report = useFirmware((s) => s.report);
  const error = useFirmware((s) => s.error);
  return (
    <>
      <PickPanel />
      {error && <ErrorCard error={error} />}
      {report && (
        <>
          <ReportCard report={report} />
          <VerdictPanel report={report} />
          <StructureTree report={report} />
        </>
      )}
    </>
  );
}
