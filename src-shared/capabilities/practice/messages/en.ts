/**
 * The practice capability's words in English, the source (decision 0100): keys start with `practice.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // what the router is doing (the picture's line and its screen-reader name)
  'practice.mode.off': 'Switched off',
  'practice.mode.bootloader': 'Bootloader',
  'practice.mode.halted': 'Starting…',
  'practice.mode.preinit': 'Starting — rescue window open',
  'practice.mode.failsafe': 'Rescue mode (failsafe)',
  'practice.mode.running': 'Running normally',
  'practice.mode.vendor': "Maker's firmware running",
  'practice.mode.recovery': "Maker's recovery: fetching firmware",
  'practice.picture.label': 'Practice router: {mode}',
  'practice.picture.power': 'power',
  'practice.picture.reset': 'Reset',
  'practice.switchOn': 'Switch on',
  'practice.switchOff': 'Switch off',
  'practice.pressReset': 'Press Reset',
  'practice.holdReset': 'Hold Reset (then switch on)',
  'practice.dock.label': 'Practice router',

  // the practice section
  'practice.title': 'Try Rescue Bench on a practice router',
  'practice.lead':
    'The practice router runs inside Rescue Bench on this computer. It starts, blinks and answers like an OpenWrt router, so you can try every step without a real router, a cable or an administrator password. Nothing you do here reaches your network or your real history.',
  'practice.start': 'Start this practice',
  'practice.startAgain': 'Start this practice again',
  'practice.now': 'Now: {task}',
  'practice.go': 'Open the screen that fixes it',
  'practice.reset': 'Put the scenario back as it was',
  'practice.stop': 'Stop the practice router',
  'practice.log.title': 'What the practice router did',
  'practice.target': '{address} · SSH {ssh} · messages to 127.0.0.1:{netmsg} · console {console}',
  'practice.readyIn': ' · ready in {ms} ms',

  // the scenarios (src-shared/capabilities/practice/model.ts holds the same English; the screen shows these)
  'practice.scenario.forgot-password.title': 'Forgot the password',
  'practice.scenario.forgot-password.story': 'The router works, but nobody knows its administrator password any more.',
  'practice.scenario.forgot-password.tryThis': 'Start it in rescue mode and set a new password.',
  'practice.scenario.broken-settings.title': 'Broken settings',
  'practice.scenario.broken-settings.story': 'After a change of settings the router cannot be reached any more.',
  'practice.scenario.broken-settings.tryThis': 'Start it in rescue mode and reset the network settings or erase all settings.',
  'practice.scenario.factory-firmware.title': 'Return to factory firmware',
  'practice.scenario.factory-firmware.story':
    'A Linksys router with two firmware slots runs OpenWrt and must go back to the Linksys firmware before it is sold.',
  'practice.scenario.factory-firmware.tryThis':
    'Open "New firmware" and put the factory firmware back with the practice Linksys file (your settings are saved first).',
  'practice.scenario.bootloader-only.title': 'Bricked: only the bootloader starts',
  'practice.scenario.bootloader-only.story':
    'The firmware was damaged while it was written: the router only shows its bootloader on the serial console.',
  'practice.scenario.bootloader-only.tryThis': 'Open the serial console, stop the bootloader and load firmware from this computer.',
  'practice.scenario.tplink-recovery.title': "Bricked TP-Link: use the maker's recovery",
  'practice.scenario.tplink-recovery.story':
    'A TP-Link router stopped starting after a failed update. Its bootloader can still fetch firmware from this computer while the Reset button is held.',
  'practice.scenario.tplink-recovery.tryThis':
    'Open "Vendor recovery", choose the practice TP-Link file, then hold the Reset button and switch the router on.',

  // faults
  'error.NO_SUCH_SCENARIO.message': 'There is no practice scenario called "{scenario}".',
  'error.NO_SUCH_SCENARIO.fix': 'Choose one from the list.',
  'error.PRACTICE_NO_LOOPBACK.message': 'The practice router could not start.',
  'error.PRACTICE_NO_LOOPBACK.meaning': "It needs a few free ports on this computer's loopback address (127.0.0.1); nothing was changed.",
  'error.PRACTICE_NO_LOOPBACK.fix': 'Close other programs that use many local ports, then try again.',
  'error.PRACTICE_NOT_STARTED.message': 'The practice router is not running.',
  'error.PRACTICE_NOT_STARTED.meaning': 'There is nothing to switch on or press yet.',
  'error.PRACTICE_NOT_STARTED.fix': 'Choose a practice scenario first.',

  // what the practice router did (its log), sent as ids + values beside the English (decision 0137)
  'practice.said.scenarioLoaded': 'Scenario "{title}" loaded: flash written to {dir}.',
  'practice.said.mountRoot': 'mount_root: the saved settings are now open.',
  'practice.said.firstboot': 'firstboot: every saved setting erased.',
  'practice.said.passwd': '{kept, select, yes {passwd: new root password saved.} other {passwd: new password set in memory only (run mount_root first to keep it).}}',
  'practice.said.mtdErase': 'mtd erase rootfs_data: settings storage erased.',
  'practice.said.consoleF': '"f" + Enter on the console: rescue mode chosen.',
  'practice.said.bootm': 'bootm: the firmware loaded over TFTP starts (from memory; the flash is unchanged).',
  'practice.said.powerOn': 'Power on.',
  'practice.said.powerOff': 'Power off.',
  'practice.said.holdReset': "Holding the Reset button (for 10 s): switch the router on now to start the maker's recovery.",
  'practice.said.resetRescue': 'Reset button pressed during start-up: rescue mode chosen.',
  'practice.said.resetNothing': 'Reset button pressed ({off, select, yes {the router is off} other {not during the rescue window}}): nothing happens.',
  'practice.said.restarting': 'Restarting ({why, select, mtd {mtd -r} reboot {reboot} reset {reset} recovery {the recovery finished writing} sysupgrade {sysupgrade finished writing} other {?}}).',
  'practice.said.autobootStopped': 'Autoboot stopped by a key: the bootloader waits at its prompt.',
  'practice.said.slotDamaged': 'The firmware in {slot} is damaged: the bootloader stops at its prompt ({prompt}).',
  'practice.said.vendorRuns': "The maker's firmware runs ({name}{slot, select, none {} other {, slot {slot}}}): no SSH; its web page answers at {url}.",
  'practice.said.recoveryStarted': "The maker's recovery started: the router asks this computer's file server for {file}.",
  'practice.said.recoveryNoFile': 'The recovery got no file from this computer: the router starts from its flash as it is.',
  'practice.said.recoveryRefused': 'The recovery refused the file (it is not firmware for this model): nothing was written.',
  'practice.said.recoveryWrites': 'The recovery writes {bytes} bytes ({version}) to the firmware partition.',
  'practice.said.backupGiven': 'sysupgrade -b: a copy of the settings was handed over.',
  'practice.said.sysupgradeStart': '{command}: the router closes every session and writes the new firmware.',
  'practice.said.wroteSlot': 'sysupgrade wrote slot {slot} (kernel{slot}) and set boot_part={slot}: the router starts it next.',
  'practice.said.wroteFirmware': 'sysupgrade wrote the firmware partition.',
  'practice.said.notKept': 'Settings not kept (-n): the router starts with fresh settings and makes a new SSH key.',
  'practice.said.tftpboot': 'tftpboot: {file} ({bytes} bytes) loaded from our file server into memory.',
  'practice.said.window': 'Start-up: the rescue window is open for {seconds} s (press the button, or f + Enter on the console).',
  'practice.said.rescueMode': 'Rescue mode (failsafe): SSH as root without a password at {address} port {port}.',
  'practice.said.startedNormally': "Started normally: SSH at {address} port {port} asks for root's password.",
  'practice.said.sshRefused': 'SSH login refused: wrong password for root.',
} as const satisfies Record<string, string>;
