/**
 * The practice router's model: one router described as data (partitions, U-Boot environment, release, files,
 * modes) and the scenarios a learner can try. Pure data and pure functions: the in-process host
 * (src-main/capabilities/practice/) runs it; a test stand-in can be generated from the same model later.
 *
 * Sizes are scaled down (a practice flash of a few hundred KiB, not 256 MiB) so the partitions can live as files in
 * the data folder; names, order and the U-Boot variables are the real board's (src-shared/profiles/profiles.ts).
 */

export type PracticeScenarioId = 'forgot-password' | 'broken-settings' | 'factory-firmware' | 'bootloader-only' | 'tplink-recovery';

/** What the router is doing, as the practice panel shows it. */
export type PracticeMode = 'off' | 'bootloader' | 'preinit' | 'failsafe' | 'running' | 'halted' | 'vendor' | 'recovery';

export interface PracticePartition {
  name: string;
  /** Bytes (scaled down). */
  size: number;
  /** What the real board keeps there, in plain words. */
  holds: string;
  dangerous?: boolean;
  /**
   * The real board's size, shown in /proc/mtd and /sys/class/mtd where a flow reads the layout from it (the
   * Linksys slots: 0x7800000 is the 3 MB-kernel layout). The file holds only the first `size` bytes.
   */
  shownSize?: number;
}

export interface PracticeModel {
  /** The device profile this practice router imitates (src-shared/profiles). */
  profileId: string;
  hostname: string;
  /** /etc/openwrt_release DISTRIB_RELEASE. */
  release: string;
  /** /tmp/sysinfo/board_name. */
  boardName: string;
  /** /tmp/sysinfo/model. */
  modelName: string;
  partitions: PracticePartition[];
  /** U-Boot environment as fw_printenv prints it. */
  env: Record<string, string>;
  /** The read-only files of the firmware (/rom). */
  rom: Record<string, string>;
  /** U-Boot prompt. */
  ubootPrompt: string;
  /** The maker's recovery in the bootloader, started by holding the button at power on (TP-Link style). */
  vendorRecovery?: { kind: 'tftp-client'; fileName: string };
}

export interface PracticeScenario {
  id: PracticeScenarioId;
  title: string;
  /** The story, as a seller would tell it. */
  story: string;
  /** What to try, one sentence. */
  tryThis: string;
  /** The section that fixes it (a section id of the renderer). */
  section: string;
  model: 'openwrt-generic' | 'linksys-wrt32x' | 'tplink-archer-c7';
  /** Files of the saved settings (the overlay on rootfs_data) at the start. */
  overlay: Record<string, string>;
  /** Root's password in normal operation ('' = none). */
  rootPassword: string;
  /** Which firmware slot boots (dual-slot model). */
  bootPart?: '1' | '2';
  /** The firmware in flash cannot start: the bootloader stops at its prompt. */
  firmwareBroken?: boolean;
  /** Why it cannot be practised yet (the flow it needs is not in this build); absent when it can. */
  notYet?: string;
}

const KiB = 1024;

const ROM: Record<string, string> = {
  '/etc/config/network':
    "config interface 'loopback'\n\toption device 'lo'\n\toption proto 'static'\n\toption ipaddr '127.0.0.1'\n\toption netmask '255.0.0.0'\n\nconfig interface 'lan'\n\toption device 'br-lan'\n\toption proto 'static'\n\toption ipaddr '192.168.1.1'\n\toption netmask '255.255.255.0'\n",
  '/etc/config/firewall': "config defaults\n\toption input 'ACCEPT'\n\toption output 'ACCEPT'\n\toption forward 'REJECT'\n",
  '/etc/config/system': "config system\n\toption hostname 'OpenWrt'\n\toption timezone 'UTC'\n",
  '/etc/shadow': 'root:::0:99999:7:::\n',
  '/etc/banner':
    "  _______                     ________        __\n |       |.-----.-----.-----.|  |  |  |.----.|  |_\n |   -   ||  _  |  -__|     ||  |  |  ||   _||   _|\n |_______||   __|_____|__|__||________||__|  |____|\n          |__| W I R E L E S S   F R E E D O M\n -----------------------------------------------------\n PRACTICE ROUTER (Rescue Bench) — not a real device\n -----------------------------------------------------\n",
  '/etc/banner.failsafe':
    "================= FAILSAFE MODE active ================\nspecial commands:\n* firstboot\t     reset settings to factory defaults\n* mount_root\t mount root-partition with config files\n\nafter mount_root:\n* passwd\t\t\t change root's password\n* /etc/config\t\t directory with config files\n\nfor more help see:\nhttps://openwrt.org/docs/guide-user/troubleshooting/\n- failsafe_and_factory_reset\n- root_password_reset\n=======================================================\nPRACTICE ROUTER (Rescue Bench) — not a real device\n",
};

export const PRACTICE_MODELS: Record<PracticeScenario['model'], PracticeModel> = {
  'openwrt-generic': {
    profileId: 'glinet,gl-mt300n-v2',
    hostname: 'OpenWrt',
    release: '23.05.5',
    boardName: 'glinet,gl-mt300n-v2',
    modelName: 'GL.iNet GL-MT300N-V2 (practice)',
    partitions: [
      { name: 'u-boot', size: 64 * KiB, holds: 'the bootloader', dangerous: true },
      { name: 'u-boot-env', size: 16 * KiB, holds: 'bootloader settings' },
      { name: 'factory', size: 16 * KiB, holds: 'MAC addresses and radio calibration', dangerous: true },
      { name: 'firmware', size: 256 * KiB, holds: 'OpenWrt (kernel and read-only files)' },
      { name: 'rootfs_data', size: 64 * KiB, holds: 'your saved settings' },
    ],
    env: { baudrate: '115200', bootcmd: 'bootm 0x9f050000', bootdelay: '2', ipaddr: '127.0.0.2', serverip: '127.0.0.1', loadaddr: '0x82000000', bootfile: 'openwrt-sysupgrade.bin' },
    rom: ROM,
    ubootPrompt: 'MT7628 # ',
  },
  'linksys-wrt32x': {
    profileId: 'linksys,wrt32x',
    hostname: 'OpenWrt',
    // 19.07 is the last release with the 3 MB-kernel layout the Linksys firmware starts from (PR #3852)
    release: '19.07.10',
    boardName: 'linksys,wrt32x',
    modelName: 'Linksys WRT32X (practice)',
    partitions: [
      { name: 'u-boot', size: 64 * KiB, holds: 'the bootloader', dangerous: true },
      { name: 'u_env', size: 16 * KiB, holds: 'bootloader settings (which slot starts)', dangerous: true },
      { name: 's_env', size: 16 * KiB, holds: 'boot counter log' },
      { name: 'devinfo', size: 16 * KiB, holds: 'device identity', dangerous: true },
      { name: 'kernel1', size: 192 * KiB, shownSize: 0x7b00000, holds: 'firmware slot 1' },
      { name: 'rootfs1', size: 160 * KiB, shownSize: 0x7800000, holds: 'firmware slot 1 files (inside kernel1)' },
      { name: 'kernel2', size: 192 * KiB, shownSize: 0x7b00000, holds: 'firmware slot 2' },
      { name: 'rootfs2', size: 160 * KiB, shownSize: 0x7800000, holds: 'firmware slot 2 files (inside kernel2)' },
      { name: 'rootfs_data', size: 64 * KiB, holds: 'your saved settings' },
    ],
    env: {
      auto_recovery: 'yes',
      boot_part: '1',
      boot_part_ready: '3',
      bootcmd: 'run nandboot',
      bootdelay: '3',
      priKernSize: '0x0600000',
      altKernSize: '0x0600000',
      ipaddr: '127.0.0.2',
      serverip: '127.0.0.1',
    },
    rom: ROM,
    ubootPrompt: 'Marvell>> ',
  },
  'tplink-archer-c7': {
    profileId: 'tplink,archer-c7-v2',
    hostname: 'OpenWrt',
    release: '23.05.5',
    boardName: 'tplink,archer-c7-v2',
    modelName: 'TP-Link Archer C7 v2 (practice)',
    partitions: [
      { name: 'u-boot', size: 64 * KiB, holds: 'the bootloader', dangerous: true },
      { name: 'u-boot-env', size: 16 * KiB, holds: 'bootloader settings' },
      { name: 'firmware', size: 256 * KiB, holds: 'OpenWrt (kernel and read-only files)' },
      { name: 'rootfs_data', size: 64 * KiB, holds: 'your saved settings' },
      { name: 'art', size: 16 * KiB, holds: 'radio calibration', dangerous: true },
    ],
    env: { baudrate: '115200', bootcmd: 'bootm 0x9f020000', bootdelay: '1', ipaddr: '127.0.0.2', serverip: '127.0.0.1', loadaddr: '0x81000000' },
    rom: ROM,
    ubootPrompt: 'db12x> ',
    vendorRecovery: { kind: 'tftp-client', fileName: 'ArcherC7v2_tp_recovery.bin' },
  },
};

export const PRACTICE_SCENARIOS: readonly PracticeScenario[] = [
  {
    id: 'forgot-password',
    title: 'Forgot the password',
    story: 'The router works, but nobody knows its administrator password any more.',
    tryThis: 'Start it in rescue mode and set a new password.',
    section: 'failsafe',
    model: 'openwrt-generic',
    overlay: { '/etc/shadow': 'root:$practice$K9sZ$unknown-password:19700:0:99999:7:::\n', '/etc/config/network': "config interface 'lan'\n\toption proto 'static'\n\toption ipaddr '192.168.7.1'\n\toption netmask '255.255.255.0'\n" },
    rootPassword: 'nobody-remembers-this',
  },
  {
    id: 'broken-settings',
    title: 'Broken settings',
    story: 'After a change of settings the router cannot be reached any more.',
    tryThis: 'Start it in rescue mode and reset the network settings or erase all settings.',
    section: 'failsafe',
    model: 'openwrt-generic',
    overlay: { '/etc/config/network': "config interface 'lan'\n\toption proto 'static'\n\toption ipaddr '10.99.0.1'\n\toption netmask '255.255.255.252'\n\toption device 'eth9'\n", '/etc/config/firewall': "config defaults\n\toption input 'DROP'\n\toption output 'DROP'\n" },
    rootPassword: '',
  },
  {
    id: 'factory-firmware',
    title: 'Return to factory firmware',
    story: 'A Linksys router with two firmware slots runs OpenWrt and must go back to the Linksys firmware before it is sold.',
    tryThis: 'Open "New firmware" and put the factory firmware back with the practice Linksys file (your settings are saved first).',
    section: 'upgrade',
    model: 'linksys-wrt32x',
    overlay: {},
    rootPassword: '',
    bootPart: '1',
  },
  {
    id: 'bootloader-only',
    title: 'Bricked: only the bootloader starts',
    story: 'The firmware was damaged while it was written: the router only shows its bootloader on the serial console.',
    tryThis: 'Open the serial console, stop the bootloader and load firmware from this computer.',
    section: 'console',
    model: 'openwrt-generic',
    overlay: {},
    rootPassword: '',
    firmwareBroken: true,
  },
  {
    id: 'tplink-recovery',
    title: 'Bricked TP-Link: use the maker\'s recovery',
    story: 'A TP-Link router stopped starting after a failed update. Its bootloader can still fetch firmware from this computer while the Reset button is held.',
    tryThis: 'Open "Vendor recovery", choose the practice TP-Link file, then hold the Reset button and switch the router on.',
    section: 'recover',
    model: 'tplink-archer-c7',
    overlay: {},
    rootPassword: '',
    firmwareBroken: true,
  },
];

export function practiceScenario(id: string): PracticeScenario | undefined {
  return PRACTICE_SCENARIOS.find((s) => s.id === id);
}

/** /proc/mtd as OpenWrt prints it for a model's partitions (erase size 64 KiB, as on NOR). */
export function procMtd(model: PracticeModel): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return ['dev:    size   erasesize  name', ...model.partitions.map((p, i) => `mtd${i}: ${hex(p.shownSize ?? p.size)} 00010000 "${p.name}"`)].join('\n') + '\n';
}

/** The practice router lives on loopback: its address, its login ports and the console's name. */
export const PRACTICE_CONSOLE_PATH = 'practice:router-console';
/** The router's own loopback address (the workstation sends from 127.0.0.1). */
export const PRACTICE_ROUTER_ADDRESS = '127.0.0.2';

/**
 * The firmware files the practice router comes with (made by src-main/capabilities/practice/images.ts, the same
 * bytes every time). Their SHA-256 values are listed here so Rescue Bench's known-images check can name them as
 * what they are: practice files, never a maker's published file (decision 0099).
 */
export const PRACTICE_IMAGES: readonly { role: 'vendor' | 'openwrt' | 'tplink'; file: string; sha256: string; what: string }[] = [
  { role: 'vendor', file: 'FW_WRT32X_1.0.0.0_PRACTICE.img', sha256: 'f1a3142d8495d0340073a42a43d52f1e498d291a1bb7747cfc7d1fc937a5631d', what: 'practice "Linksys firmware" for the practice WRT32X (not Linksys firmware)' },
  { role: 'openwrt', file: 'openwrt-19.07.10-practice-wrt32x-sysupgrade.bin', sha256: 'c3d6803dad1c3046cd64ac635b49aecdd5096309c738b4fab9da8bbda248c34b', what: 'practice OpenWrt 19.07.10 upgrade image for the practice WRT32X (not an OpenWrt release)' },
  { role: 'tplink', file: 'openwrt-23.05.5-practice-archer-c7-v2-squashfs-factory.bin', sha256: '0cc71f867f2f2f8ec10e9117859bb142cd00481f5a8ad0446f5231f43edc484c', what: 'practice OpenWrt factory image for the practice TP-Link Archer C7 v2 (not an OpenWrt release)' },
];
