import { ErrorCard } from '../../components/ErrorCard';
import { useFirmware } from './store';
import { PickPanel } from './PickPanel';
import { ReportCard } from './ReportCard';
import { StructureTree } from './StructureTree';
import { VerdictPanel } from './VerdictPanel';

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
