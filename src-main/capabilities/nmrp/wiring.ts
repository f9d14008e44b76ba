/**
 * Where Netgear recovery gets the network assistant (capabilities/net) and the TFTP client (capabilities/tftp's
 * tftpPut). Until those capabilities are merged into this branch, a run stops with a fault that says so; the
 * service and its tests take both as dependencies (deps.ts) and do not change when they arrive.
 */
import { RbFault } from '../../../src-shared/errors';
import type { MainContext } from '../../core/capability';
import type { NmrpNet, NmrpTftpPut } from './deps';

function missing(what: string): RbFault {
  return new RbFault({
    code: 'NMRP_NOT_WIRED',
    message: `This build has no ${what} yet.`,
    meaning: 'Netgear recovery needs it and cannot run without it.',
    fix: 'Use a build that includes the network assistant and the TFTP client.',
  });
}

export function netFor(_ctx: MainContext): () => NmrpNet {
  return () => {
    throw missing('network assistant');
  };
}

export const tftpPutFor = (_ctx: MainContext): NmrpTftpPut => async () => {
  throw missing('TFTP client');
};
