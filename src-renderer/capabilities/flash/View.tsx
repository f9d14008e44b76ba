import { useFlash } from './store';
import { BackupPanel } from './BackupPanel';
import { ConnectPanel } from '../device';
import { PartitionMap } from './PartitionMap';
import { RestorePanel } from './RestorePanel';

/** Flash backup and restore: connect, see the partition map, back up everything, restore one partition safely. */
export function FlashView() {
  const device = useFlash((s) => s.device);
  return (
    <>
      <ConnectPanel />
      {device && (
        <>
          <PartitionMap device={device} />
          <BackupPanel device={device} />
          <RestorePanel device={device} />
        </>
      )}
    </>
  );
}
