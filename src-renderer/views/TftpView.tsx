import { ServerPanel } from './tftp/ServerPanel';
import { TransferList } from './tftp/TransferList';

/** The TFTP file server: start it on a folder, then watch what the router fetches (or uploads). */
export function TftpView() {
  return (
    <>
      <ServerPanel />
      <TransferList />
    </>
  );
}
