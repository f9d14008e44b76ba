/**
 * The failsafe capability's words in English, the source (decision 0100): keys start with `failsafe.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  'error.NO_BROADCAST.message': 'The router did not send its "press button now" message.',
  'error.NO_BROADCAST.meaning': 'Either the message cannot reach this computer, or this router does not send it. The light pattern still works without it.',
  'error.NO_BROADCAST.fix':
    'Check that the cable is in a LAN port (not WAN), that this computer has an address in 192.168.1.x, and that no firewall blocks UDP port 4919. Some routers take 30–40 seconds to send it. Without the message: switch the router off, then on, and press the button as soon as a light starts blinking at a moderate speed — or press it repeatedly for the first 60 seconds. Some Linksys routers first light everything up, then blink the connected LAN/WAN lights: do not press there. Wait until all lights go off a second time; press the moment the first light starts blinking again.',
  'error.MISSED_WINDOW.message':
    '{cause, select, regularBoot {The router said it is continuing its normal start.} other {The moment for the button passed and the rescue login did not answer.}}',
  'error.MISSED_WINDOW.meaning': 'The press came too late, did not register, or went to a button that is not read at that moment.',
  'error.MISSED_WINDOW.fix':
    'Switch the router off and try again. Press as soon as the cue appears (or the light starts blinking at a moderate speed), and keep pressing every half second until it blinks very fast. Any button except the power switch works; if one does not, try another. Some Linksys routers first light everything up, then blink the connected LAN/WAN lights: do not press there. Wait until all lights go off a second time; press the moment the first light starts blinking again.',
  'error.NOT_IN_FAILSAFE.message': 'The router asked for a password.',
  'error.NOT_IN_FAILSAFE.meaning': 'It started normally instead of in rescue mode (in rescue mode root has no password).',
  'error.NOT_IN_FAILSAFE.fix': 'Go back: switch it off and try the button again.',
  'error.ADDRESS_IN_USE.message': 'Something still answered at {router}.',
  'error.ADDRESS_IN_USE.meaning': "Another device may be using the router's rescue address.",
  'error.ADDRESS_IN_USE.fix': 'Switch the router off and unplug other devices from this cable, then check again.',
  'error.SET_ADDRESS_FAILED.message': 'The address was not added.',
  'error.SET_ADDRESS_FAILED.meaning': 'The password prompt was cancelled, or the system refused.',
  'error.SET_ADDRESS_FAILED.fix': 'Set it yourself with the steps shown.',
  'error.NO_LAN_IP.message': 'The router has no LAN address saved.',
  'error.NO_LAN_IP.meaning': 'After a normal start it uses its standard address, usually 192.168.1.1.',
  'error.NO_LAN_IP.fix': 'Try 192.168.1.1 after restarting.',
  'error.PASSWD_FAILED.message': 'The router did not accept the new password.',
  'error.PASSWD_FAILED.meaning': 'The old password still applies.',
  'error.PASSWD_FAILED.fix': 'Try a different password, or look at the transcript.',
  'error.RESET_CONFIG_FAILED.message': 'The network settings could not be reset.',
  'error.RESET_CONFIG_FAILED.meaning': 'Your settings are unchanged or partly renamed: see the transcript.',
  'error.RESET_CONFIG_FAILED.fix': 'Try again, or use a factory reset.',
  'error.MOUNT_ROOT_FAILED.message': 'The saved settings could not be opened (mount_root failed).',
  'error.MOUNT_ROOT_FAILED.meaning': 'The fixes that change settings cannot run.',
  'error.MOUNT_ROOT_FAILED.fix': 'Look at the transcript. If the storage is damaged, a factory reset may still work.',
  'error.FACTORY_RESET_FAILED.message': 'The settings could not be erased.',
  'error.FACTORY_RESET_FAILED.meaning': 'The router keeps its current settings.',
  'error.FACTORY_RESET_FAILED.fix': 'Restart the router in rescue mode and try again.',
} as const satisfies Record<string, string>;
