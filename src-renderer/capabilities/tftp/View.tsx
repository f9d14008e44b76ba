import { PutPanel } from './PutPanel';
import { ServerPanel } from './ServerPanel';
import { TransferList } from './TransferList';

/** The TFTP file server: start it on a folder, then watch what the router fetches (or uploads); and sending a file to a router that is the server. */
export function TftpView() {
  return (
    <>
      <ServerPanel />
      <TransferList />
      <PutPanel />
    </>
  );
}
