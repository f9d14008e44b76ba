import { useFlash } from '../store/flash';
import { BackupPanel } from './flash/BackupPanel';
import { ConnectPanel } from './flash/ConnectPanel';
import { PartitionMap } from './flash/PartitionMap';
import { RestorePanel } from './flash/RestorePanel';

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
