/** Netgear recovery's faults, each in three parts (ux-voice.md §3). */
import type { RbErrorShape } from '../../../src-shared/errors';

export function noRouterFault(seconds: number, everSawCarrier: boolean, sendFailures: number): RbErrorShape {
  return {
    code: 'NMRP_NO_ROUTER',
    message: `The router did not answer in ${seconds} seconds.`,
    meaning: 'A Netgear router listens for this computer only for a moment right after it is switched on. It did not hear us, or it is not in a recovery-capable start.',
    fix: [
      'Check, in this order:',
      `1. The cable goes from this computer straight into one of the router's LAN ports (1–4, usually yellow), not the Internet port${everSawCarrier ? '' : ' — this computer never saw the cable connected'}.`,
      '2. The router was switched on only after you pressed Start. Switch it off, press Start, wait for "Switch the router on now", then switch it on.',
      '3. Nothing sits between the router and this computer (no switch or dock): a switch delays the link and the router stops listening before it sees us.',
      '4. Some models only listen while their Reset button is held during power-on: hold it with a pin, switch on, keep holding for 10 seconds.',
      '5. Some Netgear models do not use this recovery at all but accept a plain TFTP upload instead: check the router\'s page in the guide.',
    ].join('\n'),
    details: `advertised every 60 ms for ${seconds} s; ${sendFailures} sends failed (link down)`,
  };
}

export function twoRoutersFault(first: string, second: string): RbErrorShape {
  return {
    code: 'NMRP_TWO_ROUTERS',
    message: 'Two routers answered on the same cable.',
    meaning: `Rescue Bench cannot tell which one should get the firmware (${first} and ${second}), and will not guess.`,
    fix: 'Connect only the router you want to recover to this computer (no switch with other Netgear routers on it), then start again.',
  };
}

export function otherServerFault(mac: string): RbErrorShape {
  return {
    code: 'NMRP_OTHER_SERVER',
    message: 'Another computer on this cable is also trying to recover a router.',
    meaning: `Its recovery messages (from ${mac}) would confuse the router about where to get its firmware.`,
    fix: 'Close nmrpflash or the other recovery program (or unplug that computer), then start again.',
  };
}

export function silentFault(waitingFor: string, seconds: number, after: 'configured' | 'writing' | 'other'): RbErrorShape {
  if (after === 'writing')
    return {
      code: 'NMRP_ROUTER_SILENT',
      message: `The router stopped talking while it was writing the firmware (nothing for ${seconds} seconds).`,
      meaning: 'It may have restarted, lost power, or its bootloader gave up. The firmware may or may not be complete.',
      fix: 'Look at the power light. If it blinks, wait; if the router restarted, let it start and check whether it works. If it does not start, run the recovery again.',
    };
  return {
    code: 'NMRP_ROUTER_SILENT',
    message: `The router went quiet while we waited for ${waitingFor} (${seconds} seconds).`,
    meaning: after === 'configured' ? 'It took its address but never asked for the file. This happens when it restarts, or when it needs longer (Orbi and RAX models).' : 'It stopped answering in the middle of the recovery.',
    fix: 'Switch the router off, start again and switch it on when asked. For Orbi and RAX models set the reply timeout to 60 seconds.',
  };
}

export function imageRejectedFault(times: number): RbErrorShape {
  return {
    code: 'NMRP_IMAGE_REJECTED',
    message: `The router asked for the file ${times} times: it does not accept this firmware.`,
    meaning: 'Its bootloader checked the file and refused it, most often because the file is for another model or region.',
    fix: 'Compare the board name on the router\'s label with the one this file is for, get the factory firmware for exactly that model from Netgear, and start again.',
  };
}

export function tftpFault(bytes: number, total: number, routerIp: string, cause: RbErrorShape): RbErrorShape {
  if (bytes === 0)
    return {
      code: 'NMRP_TFTP_NO_ANSWER',
      message: 'The router asked for the firmware but did not take the first piece.',
      meaning: `Usually this computer could not reach ${routerIp} (its address lookup, ARP, got no answer) or a firewall on this computer blocks the transfer (TFTP).`,
      fix: 'Allow Rescue Bench in the computer\'s firewall, keep the cable straight between router and computer, and start again. Rescue Bench already adds a fixed ARP entry for the router.',
      details: [cause.message, cause.details].filter(Boolean).join(' — '),
    };
  return {
    code: 'NMRP_UPLOAD_INTERRUPTED',
    message: `The upload stopped at ${Math.round((100 * bytes) / Math.max(1, total))} %: the router stopped taking the file.`,
    meaning: 'The router most likely restarted (power, or its bootloader gave up). Nothing was written yet: routers write only after the whole file arrived.',
    fix: 'Keep the router switched off for 10 seconds, start again and switch it on when asked.',
    details: [cause.message, cause.details].filter(Boolean).join(' — '),
  };
}

export function tooBigFault(size: number, maxBytes: number): RbErrorShape {
  return {
    code: 'NMRP_IMAGE_TOO_BIG',
    message: `The file is too big for this recovery (${(size / 1048576).toFixed(1)} MiB).`,
    meaning: `A bootloader's file transfer counts pieces up to 65535; with the largest pieces routers take (1456 bytes) that is ${(maxBytes / 1048576).toFixed(1)} MiB.`,
    fix: 'Check that this is the factory firmware for this router (they are far smaller); a file this big is not one.',
  };
}

export function cancelledFault(): RbErrorShape {
  return {
    code: 'NMRP_CANCELLED',
    message: 'Recovery was stopped.',
    meaning: 'Nothing more is sent to the router; the network set-up on this computer is undone.',
    fix: 'Switch the router off. Start again when you are ready.',
  };
}
