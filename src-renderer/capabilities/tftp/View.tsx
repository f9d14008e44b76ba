import { ServerPanel } from './ServerPanel';
import { TransferList } from './TransferList';

/** The TFTP file server: start it on a folder, then watch what the router fetches (or uploads). */
export function TftpView() {
  return (
    <>
      <ServerPanel />
      <TransferList />
    </>
  );
}
