/**
 * Known router models: what the firmware inspector, the serial console and the rescue-mode (failsafe) screens
 * need to know about one board. Pure data (no node:*, no DOM).
 *
 * Every value says where it comes from: `sources` cites public pages a reader can open (OpenWrt wiki pages, pull
 * requests, forum threads, vendor pages, upstream source files) — never a path in our repository or a section of
 * our research notes (test/shared/profiles/citations.test.ts). Any field filled from general knowledge rather than
 * a checked source is listed in `unverified` by its path.
 * Other capabilities may ADD optional fields; do not repurpose existing ones.
 */

export interface PartitionInfo {
  name: string;
  /** Byte offset in the flash chip. */
  offset: number;
  /** Size in bytes. */
  size: number;
  readOnly?: boolean;
  /** Never erase or write blindly (facts §6.5): bootloader, calibration, device identity. */
  dangerous?: boolean;
  note?: string;
}

/** One kernel/rootfs split of a dual-firmware slot (Linksys mvebu). */
export interface SlotLayout {
  id: string;
  /** Plain words: "3 MB kernel (Linksys firmware and OpenWrt up to 19.07)". */
  label: string;
  kernelSize: number;
  /** Size of rootfs1/rootfs2 as the running system shows it in /proc/mtd; identifies the layout. */
  rootfsSize: number;
  /** compat_version an OpenWrt build with this layout carries (fwtool metadata, uci system.compat_version). */
  compatVersion: string;
  /** Which firmware uses this layout. */
  usedBy: string;
}

export interface DualFirmware {
  /** Partition names of the two slots. */
  slots: [{ kernel: string; rootfs: string }, { kernel: string; rootfs: string }];
  /** Size of one firmware slot (kernel partition including the overlapping rootfs). */
  slotSize: number;
  layouts: SlotLayout[];
  /** U-Boot variables that select the slot (facts §4.2). */
  envVars: string[];
  /** How to fall back to the other slot without a cable. */
  fallback: string;
}

export interface SerialProfile {
  baud: number;
  /** What the bootloader prints before its countdown. */
  autobootPrompt: string;
  /** What to type to stop autoboot: "any key" means any single key; otherwise the exact string (e.g. "tpl"). */
  stopString: string;
  /** The bootloader prompt as last seen in logs (e.g. "Marvell>> "). */
  prompt?: string;
  note?: string;
}

export interface FailsafeProfile {
  /** Which button to press, in the words on the case. */
  button: string;
  /** When to press it, for a seller. */
  when: string;
  note?: string;
}

export interface RecoveryProfile {
  /** Vendor bootloader recovery, if any (facts §8). */
  method: 'tftp-client' | 'tftp-server' | 'nmrp' | 'web-ui' | 'dual-partition' | 'serial-only';
  summary: string;
  /** File name the bootloader asks for (TFTP client mode). */
  fileName?: string;
  serverIp?: string;
  deviceIp?: string;
  /** Which guided vendor recovery runs it (the recover capability's playbooks). */
  flow?: VendorFlow;
  /** The address this computer must have for it, with its prefix ("192.168.0.66/24"). */
  hostAddress?: string;
  /** Every name the bootloader is known to ask for (TFTP client mode), most likely first. */
  fileNames?: string[];
  /** Path the recovery page posts the file to (web recovery; default "/"). */
  uploadPath?: string;
  /** The physical cues: which button, how long, what the lights do (plain words for the guide). */
  cues?: RecoveryCues;
  /** How long the router writes after the transfer before it starts again (seconds, typical). */
  writeSeconds?: number;
  /** Where the router answers once it runs the new firmware (verify step). */
  after?: { address: string; tcpPort: number; note?: string };
  /** Ubiquiti: the platform prefix of the firmware version in the image header ("XM" for airMAX M on AR7240). */
  ubntPlatform?: string;
}

export type VendorFlow = 'tplink' | 'asus' | 'ubiquiti' | 'dlink';

export interface RecoveryCues {
  /** Which button, in the words on the case. */
  button: string;
  /** How long to hold it after switching on (seconds). */
  holdSeconds: number;
  /** When to let go, in plain words ("Let go when …"). */
  holdUntil: string;
  /** What the lights do once the router is in its recovery mode. */
  ledInRecovery: string;
  /** What the lights do while the router writes the new firmware. */
  ledWhileWriting?: string;
}

/** A public source: what it is, in words, and a link anyone can open. */
export interface Citation {
  /** "OpenWrt pull request #3852: mamba/venom: increase kernel partition size". */
  title: string;
  /** https:// link to the page. */
  url: string;
}

export interface DeviceProfile {
  /** Stable id: the OpenWrt board_name (first DT compatible string), e.g. "linksys,wrt32x". */
  id: string;
  vendor: string;
  model: string;
  /** Code names and older board names this router has been known by (sysupgrade CONTROL BOARD=, DTS names). */
  aliases: string[];
  /** Exactly what /tmp/sysinfo/board_name reads on current OpenWrt. */
  boardName: string;
  /** /tmp/sysinfo/model on current OpenWrt. */
  dtModel?: string;
  target: string;
  soc: string;
  flash: { type: 'nand' | 'nor'; sizeMiB: number };
  /** The flash layout current OpenWrt uses (DTS), in offset order. */
  partitions: PartitionInfo[];
  /** Largest image sysupgrade can write (the firmware partition or one dual slot). */
  firmwareMaxSize: number;
  /** compat_version of current OpenWrt builds for this board. */
  compatVersion: string;
  /** sysupgrade refuses images without fwtool metadata unless forced (platform.sh REQUIRE_IMAGE_METADATA=1). */
  requiresMetadata: boolean;
  dualFirmware?: DualFirmware;
  serial: SerialProfile;
  failsafe: FailsafeProfile;
  recovery: RecoveryProfile;
  /** What the maker's own firmware image looks like, to recognise it. */
  stockImage?: {
    /** Outer format of the vendor image (a format `type` from the inspector). */
    format: string;
    /** Board name inside a sysupgrade-style vendor tar (CONTROL BOARD=). */
    controlBoard?: string;
    /** TP-Link hardware id (header offset 0x40). */
    tplinkHwId?: number;
    /** Netgear board id: the .chk header's board id, or the DNI .img header's device (format 'netgear-dni'). */
    netgearBoardId?: string;
    exampleFile?: string;
    exampleSha256?: string;
  };
  sources: Citation[];
  /** Field paths filled from general knowledge, not checked at a source. */
  unverified: string[];
}

const KiB = 1024;
const MiB = 1024 * 1024;

const LINKSYS_FAILSAFE: FailsafeProfile = {
  button: 'Reset button on the back',
  when: 'Press it briefly while the power light blinks quickly during start-up',
  note: 'Any button works: OpenWrt enters rescue mode on any button press during preinit.',
};

const MARVELL_SERIAL: SerialProfile = {
  baud: 115200,
  autobootPrompt: 'Hit any key to stop autoboot',
  stopString: 'any key',
  prompt: 'Marvell>> ',
  note: 'Marvell vendor U-Boot; the prompt comes from CONFIG_SYS_PROMPT.',
};

const LINKSYS_RECOVERY: RecoveryProfile = {
  method: 'dual-partition',
  summary:
    'Two firmware slots. Switching the power off during start-up three times in a row makes the bootloader start the other slot (user reports; exact count not verified).',
};

/** The 2015 armada-385-linksys.dtsi layout shared by WRT1200AC, WRT1900ACv2, WRT1900ACS, WRT3200ACM (facts §4.1). */
function armada385Partitions(syscfgSize: number): PartitionInfo[] {
  return [
    { name: 'u-boot', offset: 0x0, size: 0x200000, readOnly: true, dangerous: true },
    { name: 'u_env', offset: 0x200000, size: 0x40000, dangerous: true },
    { name: 's_env', offset: 0x240000, size: 0x40000, note: 'boot counter log' },
    { name: 'devinfo', offset: 0x900000, size: 0x100000, readOnly: true, dangerous: true },
    { name: 'kernel1', offset: 0xa00000, size: 0x2800000, note: 'overlaps rootfs1 by design' },
    { name: 'rootfs1', offset: 0x1000000, size: 0x2200000 },
    { name: 'kernel2', offset: 0x3200000, size: 0x2800000, note: 'overlaps rootfs2 by design' },
    { name: 'rootfs2', offset: 0x3800000, size: 0x2200000 },
    { name: 'syscfg', offset: 0x5a00000, size: syscfgSize },
  ];
}

const ARMADA385_DUAL: DualFirmware = {
  slots: [
    { kernel: 'kernel1', rootfs: 'rootfs1' },
    { kernel: 'kernel2', rootfs: 'rootfs2' },
  ],
  slotSize: 0x2800000,
  layouts: [{ id: '6m', label: '6 MB kernel', kernelSize: 6 * MiB, rootfsSize: 0x2200000, compatVersion: '1.1', usedBy: 'Linksys firmware and every OpenWrt release' }],
  envVars: ['boot_part', 'bootcmd', 'auto_recovery'],
  fallback: LINKSYS_RECOVERY.summary,
};

function armada385(id: string, model: string, codename: string, syscfgSize: number, sizeMiB: number): DeviceProfile {
  return {
    id,
    vendor: 'Linksys',
    model,
    aliases: [codename, `armada-385-linksys-${codename}`],
    boardName: id,
    target: 'mvebu/cortexa9',
    soc: 'Marvell Armada 385',
    flash: { type: 'nand', sizeMiB },
    partitions: armada385Partitions(syscfgSize),
    firmwareMaxSize: 0x2800000,
    compatVersion: '1.1',
    requiresMetadata: true,
    dualFirmware: ARMADA385_DUAL,
    serial: MARVELL_SERIAL,
    failsafe: LINKSYS_FAILSAFE,
    recovery: LINKSYS_RECOVERY,
    stockImage: { format: 'sysupgrade-tar', controlBoard: `armada-385-linksys-${codename}` },
    sources: [{ title: 'OpenWrt wiki: Linksys WRT AC series', url: 'https://openwrt.org/toh/linksys/wrt_ac_series' }, { title: 'Linux device tree armada-385-linksys.dtsi (partition layout)', url: 'https://github.com/torvalds/linux/blob/master/arch/arm/boot/dts/marvell/armada-385-linksys.dtsi' }, { title: 'OpenWrt linksys.sh (how sysupgrade picks the other slot)', url: 'https://github.com/openwrt/openwrt/blob/HEAD/target/linux/mvebu/cortexa9/base-files/lib/upgrade/linksys.sh' }, { title: 'OpenWrt 05_compat-version (compat_version 1.1)', url: 'https://github.com/openwrt/openwrt/blob/HEAD/target/linux/mvebu/cortexa9/base-files/etc/board.d/05_compat-version' }, { title: 'OpenWrt forum: power-cycling switches the Linksys boot slot (thread 124911)', url: 'https://forum.openwrt.org/t/124911' }],
    unverified: ['partitions.u_env', 'partitions.s_env', 'partitions.devinfo', 'partitions.syscfg.size', 'flash.sizeMiB', 'stockImage.format', 'dtModel'],
  };
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  {
    id: 'linksys,wrt32x',
    vendor: 'Linksys',
    model: 'WRT32X',
    aliases: ['venom', 'armada-385-linksys-venom', 'linksys-wrt32x', 'linksys,venom'],
    boardName: 'linksys,wrt32x',
    dtModel: 'Linksys WRT32X',
    target: 'mvebu/cortexa9',
    soc: 'Marvell Armada 385',
    flash: { type: 'nand', sizeMiB: 256 },
    partitions: [
      { name: 'u-boot', offset: 0x0, size: 0x200000, readOnly: true, dangerous: true },
      { name: 'u_env', offset: 0x200000, size: 0x20000, dangerous: true },
      { name: 's_env', offset: 0x220000, size: 0x40000, note: 'boot counter log' },
      { name: 'unused_area', offset: 0x260000, size: 0x5c0000, note: 'overlaps devinfo in the published DTS; never write it' },
      { name: 'devinfo', offset: 0x7e0000, size: 0x40000, readOnly: true, dangerous: true },
      { name: 'kernel1', offset: 0x900000, size: 0x7b00000, note: 'overlaps rootfs1 by design' },
      { name: 'rootfs1', offset: 0xf00000, size: 0x7500000 },
      { name: 'kernel2', offset: 0x8400000, size: 0x7b00000, note: 'overlaps rootfs2 by design' },
      { name: 'rootfs2', offset: 0x8a00000, size: 0x7500000 },
      { name: 'BBT', offset: 0xff00000, size: 0x100000, dangerous: true },
    ],
    firmwareMaxSize: 0x7b00000,
    compatVersion: '2.0',
    requiresMetadata: true,
    dualFirmware: {
      slots: [
        { kernel: 'kernel1', rootfs: 'rootfs1' },
        { kernel: 'kernel2', rootfs: 'rootfs2' },
      ],
      slotSize: 0x7b00000,
      layouts: [
        { id: '3m', label: '3 MB kernel', kernelSize: 3 * MiB, rootfsSize: 0x7800000, compatVersion: '1.0', usedBy: 'Linksys firmware and OpenWrt up to 19.07' },
        { id: '6m', label: '6 MB kernel', kernelSize: 6 * MiB, rootfsSize: 0x7500000, compatVersion: '2.0', usedBy: 'OpenWrt 21.02 and later' },
      ],
      envVars: ['boot_part', 'boot_part_ready', 'bootcmd', 'auto_recovery', 'priKernSize', 'altKernSize'],
      fallback: LINKSYS_RECOVERY.summary,
    },
    serial: MARVELL_SERIAL,
    failsafe: LINKSYS_FAILSAFE,
    recovery: LINKSYS_RECOVERY,
    stockImage: {
      format: 'sysupgrade-tar',
      controlBoard: 'armada-385-linksys-venom',
      exampleFile: 'FW_WRT32X_1.0.180404.58.img',
      exampleSha256: '8a5dcaf95e418b86fdb09e5cef264b944bc21863db9728026d70027ee39c19a3',
    },
    sources: [
      { title: 'OpenWrt wiki: Linksys WRT32X, return to stock firmware', url: 'https://openwrt.org/toh/linksys/wrt32x#return_to_stock_firmware' },
      { title: 'OpenWrt armada-385-linksys-venom.dts (partition layout)', url: 'https://github.com/openwrt/openwrt/blob/HEAD/target/linux/mvebu/files/arch/arm/boot/dts/marvell/armada-385-linksys-venom.dts' },
      { title: 'OpenWrt pull request #3852: mamba/venom: increase kernel partition size (compat_version 2.0)', url: 'https://github.com/openwrt/openwrt/pull/3852' },
      { title: 'OpenWrt forum: WRT32x return to factory image (the Linksys image: tar, CONTROL BOARD=armada-385-linksys-venom, sha256)', url: 'https://forum.openwrt.org/t/wrt32x-return-to-factory-image/242849' },
      { title: 'OpenWrt forum: WRT32X unable to upgrade/install firmware (fw_printenv of the slot variables)', url: 'https://forum.openwrt.org/t/wrt32x-unable-to-upgrade-install-firmware/144545' },
    ],
    unverified: [],
  },
  {
    id: 'linksys,wrt1900ac-v1',
    vendor: 'Linksys',
    model: 'WRT1900AC v1',
    aliases: ['mamba', 'armada-xp-linksys-mamba'],
    boardName: 'linksys,wrt1900ac-v1',
    target: 'mvebu/cortexa9',
    soc: 'Marvell Armada XP',
    flash: { type: 'nand', sizeMiB: 128 },
    partitions: [],
    firmwareMaxSize: 0x2800000,
    compatVersion: '2.0',
    requiresMetadata: true,
    dualFirmware: {
      slots: [
        { kernel: 'kernel1', rootfs: 'rootfs1' },
        { kernel: 'kernel2', rootfs: 'rootfs2' },
      ],
      slotSize: 0x2800000,
      layouts: [
        { id: '3m', label: '3 MB kernel', kernelSize: 3 * MiB, rootfsSize: 0x2500000, compatVersion: '1.0', usedBy: 'Linksys firmware and OpenWrt up to 19.07' },
        { id: '4m', label: '4 MB kernel', kernelSize: 4 * MiB, rootfsSize: 0x2400000, compatVersion: '2.0', usedBy: 'OpenWrt 21.02 and later' },
      ],
      envVars: ['boot_part', 'bootcmd', 'auto_recovery', 'pri_kern_size'],
      fallback: LINKSYS_RECOVERY.summary,
    },
    serial: MARVELL_SERIAL,
    failsafe: LINKSYS_FAILSAFE,
    recovery: LINKSYS_RECOVERY,
    stockImage: { format: 'sysupgrade-tar', controlBoard: 'armada-xp-linksys-mamba' },
    sources: [{ title: 'OpenWrt wiki: Linksys WRT AC series', url: 'https://openwrt.org/toh/linksys/wrt_ac_series' }, { title: 'OpenWrt pull request #3852: mamba/venom: increase kernel partition size (compat_version 2.0)', url: 'https://github.com/openwrt/openwrt/pull/3852' }],
    unverified: ['partitions', 'dualFirmware.slotSize', 'dualFirmware.layouts.rootfsSize', 'firmwareMaxSize', 'stockImage.format', 'flash.sizeMiB'],
  },
  armada385('linksys,wrt3200acm', 'WRT3200ACM', 'rango', 0xa600000, 256),
  armada385('linksys,wrt1900acs', 'WRT1900ACS', 'shelby', 0x2600000, 128),
  armada385('linksys,wrt1900ac-v2', 'WRT1900AC v2', 'cobra', 0x2600000, 128),
  armada385('linksys,wrt1200ac', 'WRT1200AC', 'caiman', 0x2600000, 128),
  {
    id: 'tplink,archer-c7-v2',
    vendor: 'TP-Link',
    model: 'Archer C7 v2',
    aliases: ['archer-c7-v2', 'tplink_archer-c7-v2'],
    boardName: 'tplink,archer-c7-v2',
    target: 'ath79/generic',
    soc: 'Qualcomm Atheros QCA9558',
    flash: { type: 'nor', sizeMiB: 16 },
    partitions: [
      { name: 'u-boot', offset: 0x0, size: 0x20000, readOnly: true, dangerous: true },
      { name: 'firmware', offset: 0x20000, size: 0xfd0000 },
      { name: 'art', offset: 0xff0000, size: 0x10000, readOnly: true, dangerous: true, note: 'radio calibration: unique to this unit' },
    ],
    firmwareMaxSize: 0xfd0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: {
      baud: 115200,
      autobootPrompt: 'Autobooting in 1 seconds',
      stopString: 'tpl',
      prompt: 'db12x> ',
      note: "TP-Link's Atheros U-Boot only stops when you type tpl quickly.",
    },
    failsafe: { button: 'WPS/Reset button', when: 'Press it briefly when the system light starts blinking fast during start-up' },
    recovery: {
      method: 'tftp-client',
      summary: 'Hold Reset while switching on: the bootloader fetches a fixed file from a TFTP server on this computer.',
      fileName: 'ArcherC7v2_tp_recovery.bin',
      serverIp: '192.168.0.66',
      deviceIp: '192.168.0.86',
      flow: 'tplink',
      hostAddress: '192.168.0.66/24',
      fileNames: ['ArcherC7v2_tp_recovery.bin', 'tp_recovery.bin'],
      cues: {
        button: 'WPS/Reset button on the back',
        holdSeconds: 10,
        holdUntil: 'Let go when the lock (WPS) light comes on, or when Rescue Bench says the router asked for the file.',
        ledInRecovery: 'The lock (WPS) light is on; the LAN port light flickers while the file is copied.',
        ledWhileWriting: 'The lights go off and on while the router writes; then it starts by itself.',
      },
      writeSeconds: 150,
      after: { address: '192.168.0.1', tcpPort: 80, note: 'TP-Link firmware answers at 192.168.0.1; OpenWrt at 192.168.1.1.' },
    },
    stockImage: { format: 'tplink-v1', tplinkHwId: 0xc7000002 },
    sources: [
      { title: 'serial log: TFTP from server 192.168.0.66; our IP address is 192.168.0.86; Filename ArcherC7v2_tp_recovery.bin; product id c7000002', url: 'https://lists.openwrt.org/pipermail/lede-dev/2016-October/003652.html' },
      { title: 'TFTP recovery, cutting stock images', url: 'https://openwrt.org/toh/tp-link/archer_c7' },
      { title: 'cutting up_boot images: dd bs=512 skip=257', url: 'https://forum.openwrt.org/t/33670' },
      { title: 'TP-Link v1 header', url: 'https://github.com/openwrt/firmware-utils/blob/master/src/mktplinkfw.c' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial.autobootPrompt', 'serial.prompt', 'failsafe.button', 'soc', 'recovery.cues', 'recovery.writeSeconds', 'recovery.fileNames.tp_recovery.bin'],
  },
  {
    id: 'tplink,tl-wr841n-v9',
    vendor: 'TP-Link',
    model: 'TL-WR841N v9',
    aliases: ['tl-wr841n-v9', 'tl-wr841-v9', 'wr841nv9'],
    boardName: 'tplink,tl-wr841-v9',
    target: 'ath79/tiny',
    soc: 'Qualcomm Atheros QCA9533',
    flash: { type: 'nor', sizeMiB: 4 },
    partitions: [
      { name: 'u-boot', offset: 0x0, size: 0x20000, readOnly: true, dangerous: true },
      { name: 'firmware', offset: 0x20000, size: 0x3d0000 },
      { name: 'art', offset: 0x3f0000, size: 0x10000, readOnly: true, dangerous: true, note: 'radio calibration: unique to this unit' },
    ],
    firmwareMaxSize: 0x3d0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Autobooting in 1 seconds', stopString: 'tpl' },
    failsafe: { button: 'WPS/Reset button', when: 'Press it briefly when the system light starts blinking fast during start-up' },
    recovery: {
      method: 'tftp-client',
      summary: 'Hold WPS/Reset while switching on: the bootloader fetches wr841nv9_tp_recovery.bin from a TFTP server at 192.168.0.66.',
      fileName: 'wr841nv9_tp_recovery.bin',
      serverIp: '192.168.0.66',
      deviceIp: '192.168.0.86',
      flow: 'tplink',
      hostAddress: '192.168.0.66/24',
      fileNames: ['wr841nv9_tp_recovery.bin', 'tp_recovery.bin'],
      cues: {
        button: 'WPS/Reset button on the back',
        holdSeconds: 8,
        holdUntil: 'Let go when the lock (WPS) light comes on, or when Rescue Bench says the router asked for the file.',
        ledInRecovery: 'The lock (WPS) light is on; the LAN port light flickers while the file is copied.',
        ledWhileWriting: 'All lights go off for a while; then the router starts by itself.',
      },
      writeSeconds: 120,
      after: { address: '192.168.0.1', tcpPort: 80, note: 'TP-Link firmware answers at 192.168.0.1; OpenWrt at 192.168.1.1.' },
    },
    stockImage: { format: 'tplink-v1', tplinkHwId: 0x08410009 },
    sources: [
      { title: '192.168.0.66, file name wr841nv9_tp_recovery.bin, the router asks only for it', url: 'https://rgbiernat.blogspot.com/2016/03/tp-link-wr841-router-entbricken.html' },
      { title: 'TFTP recovery per hardware version', url: 'https://openwrt.org/toh/tp-link/tl-wr841nd' },
      { title: 'hardware id 0x08410009', url: 'https://github.com/openwrt/firmware-utils/blob/master/src/mktplinkfw.c' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'soc', 'boardName', 'recovery.deviceIp', 'recovery.cues', 'recovery.writeSeconds', 'recovery.fileNames.tp_recovery.bin', 'stockImage.tplinkHwId'],
  },
  {
    id: 'glinet,gl-mt300n-v2',
    vendor: 'GL.iNet',
    model: 'GL-MT300N-V2 (Mango)',
    aliases: ['gl-mt300n-v2', 'mango'],
    boardName: 'glinet,gl-mt300n-v2',
    target: 'ramips/mt76x8',
    soc: 'MediaTek MT7628NN',
    flash: { type: 'nor', sizeMiB: 16 },
    partitions: [
      { name: 'u-boot', offset: 0x0, size: 0x30000, readOnly: true, dangerous: true },
      { name: 'u-boot-env', offset: 0x30000, size: 0x10000 },
      { name: 'factory', offset: 0x40000, size: 0x10000, readOnly: true, dangerous: true, note: 'MAC addresses and radio calibration' },
      { name: 'firmware', offset: 0x50000, size: 0xfb0000 },
    ],
    firmwareMaxSize: 0xfb0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key' },
    failsafe: { button: 'Reset button on the side', when: 'Press it briefly when the light starts blinking fast during start-up' },
    recovery: {
      method: 'web-ui',
      summary: 'Hold Reset while plugging in power until the light blinks 5 times: the bootloader serves an upload page at 192.168.1.1.',
      deviceIp: '192.168.1.1',
    },
    stockImage: { format: 'sysupgrade-tar' },
    sources: [],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'recovery', 'stockImage', 'soc'],
  },
  {
    id: 'netgear,r7800',
    vendor: 'Netgear',
    model: 'Nighthawk X4S R7800',
    aliases: ['r7800'],
    boardName: 'netgear,r7800',
    target: 'ipq806x/generic',
    soc: 'Qualcomm IPQ8065',
    flash: { type: 'nand', sizeMiB: 128 },
    partitions: [],
    firmwareMaxSize: 0x2000000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key' },
    failsafe: { button: 'Reset button on the back', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'nmrp',
      summary:
        "Netgear's NMRP: start the recovery on this computer first, then switch the router on; its bootloader asks for the file itself. The router takes 10.164.183.253 from our CONF_ACK, this computer uses 10.164.183.252 (nmrpflash v0.9.25 defaults).",
      // The router's address during NMRP is whatever CONF_ACK gives it; these are nmrpflash's defaults (nmrpd.h), which we use too.
      deviceIp: '10.164.183.253',
      serverIp: '10.164.183.252',
    },
    // R7800 factory images are DNI .img files (128-byte text header "device:R7800", one checksum byte at the end),
    // not .chk; U12H270T00_NETGEAR is the R7000's .chk board id.
    stockImage: { format: 'netgear-dni', netgearBoardId: 'R7800' },
    sources: [
      { title: 'nmrpflash v0.9.25 (Netgear NMRP recovery; nmrpd.h: router 10.164.183.253, computer .252, /24)', url: 'https://github.com/jclehner/nmrpflash' },
      { title: 'OpenWrt ipq806x generic.mk: Device/netgear_r7800 uses DniImage, NETGEAR_BOARD_ID := R7800', url: 'https://github.com/openwrt/openwrt/blob/HEAD/target/linux/ipq806x/image/generic.mk' },
      { title: 'OpenWrt firmware-utils mkdniimg.c (DNI header and checksum byte)', url: 'https://github.com/openwrt/firmware-utils/blob/HEAD/src/mkdniimg.c' },
      { title: 'OpenWrt wiki: Netgear R7800', url: 'https://openwrt.org/toh/netgear/r7800' },
    ],
    unverified: ['firmwareMaxSize', 'serial', 'failsafe', 'flash.sizeMiB', 'soc'],
  },
  {
    // Here so a .chk for board U12H270T00_NETGEAR is named as the R7000's (issue 16): that board id was once
    // wrongly given to the R7800 above. Only the board id is checked at a source; the rest is marked unverified.
    id: 'netgear,r7000',
    vendor: 'Netgear',
    model: 'Nighthawk R7000',
    aliases: ['r7000'],
    boardName: 'netgear,r7000',
    target: 'bcm53xx/generic',
    soc: 'Broadcom BCM4709A0',
    flash: { type: 'nand', sizeMiB: 128 },
    partitions: [],
    firmwareMaxSize: 0x2000000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key' },
    failsafe: { button: 'Reset button on the back', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'tftp-server',
      summary: 'Its bootloader (CFE) runs a TFTP server in recovery: hold Reset while switching on until the power light blinks, then upload the .chk to 192.168.1.1 (tftp put, binary).',
      deviceIp: '192.168.1.1',
    },
    stockImage: { format: 'netgear-chk', netgearBoardId: 'U12H270T00_NETGEAR' },
    sources: [
      { title: 'OpenWrt bcm53xx platform.sh: "netgear,r7000") echo "chk U12H270T00_NETGEAR"', url: 'https://github.com/openwrt/openwrt/blob/HEAD/target/linux/bcm53xx/base-files/lib/upgrade/platform.sh' },
      { title: 'nmrpflash (Netgear NMRP recovery)', url: 'https://github.com/jclehner/nmrpflash' },
    ],
    unverified: ['firmwareMaxSize', 'serial', 'failsafe', 'recovery', 'flash.sizeMiB', 'soc', 'compatVersion'],
  },
  {
    id: 'ubnt,nanostation-m',
    vendor: 'Ubiquiti',
    model: 'NanoStation M (airMAX)',
    aliases: ['nanostation-m', 'ubnt_nanostation-m'],
    boardName: 'ubnt,nanostation-m',
    target: 'ath79/generic',
    soc: 'Atheros AR7241',
    flash: { type: 'nor', sizeMiB: 8 },
    partitions: [
      { name: 'u-boot', offset: 0x0, size: 0x40000, readOnly: true, dangerous: true },
      { name: 'u-boot-env', offset: 0x40000, size: 0x10000, readOnly: true },
      { name: 'firmware', offset: 0x50000, size: 0x760000 },
      { name: 'cfg', offset: 0x7b0000, size: 0x40000, readOnly: true },
      { name: 'EEPROM', offset: 0x7f0000, size: 0x10000, readOnly: true, dangerous: true, note: 'radio calibration' },
    ],
    firmwareMaxSize: 0x760000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key', prompt: 'ar7240> ' },
    failsafe: { button: 'Reset button (under the cover)', when: 'Press it briefly when the lights blink during start-up' },
    recovery: {
      method: 'tftp-server',
      summary: 'Hold Reset while switching on (or type urescue at the bootloader prompt): the router waits for a TFTP upload to 192.168.1.20.',
      deviceIp: '192.168.1.20',
      flow: 'ubiquiti',
      hostAddress: '192.168.1.25/24',
      cues: {
        button: 'Reset button (under the cover, or on the PoE adapter for some units)',
        holdSeconds: 10,
        holdUntil: 'Let go when the signal lights blink one after the other.',
        ledInRecovery: 'The signal-strength lights blink in turn (one after the other), over and over.',
        ledWhileWriting: 'The lights run up and down while it writes; do not switch it off.',
      },
      writeSeconds: 180,
      after: { address: '192.168.1.20', tcpPort: 80, note: 'airOS answers at 192.168.1.20 (https on 443 on newer releases).' },
      ubntPlatform: 'XM',
    },
    stockImage: { format: 'ubnt' },
    sources: [
      { title: 'Picostation: upload to 192.168.1.20 in TFTP recovery', url: 'https://forum.archive.openwrt.org/viewtopic.php?id=65994' },
      { title: 'urescue, ar7240> prompt, 192.168.1.20', url: 'https://openwrt.org/toh/ubiquiti/nanostationm' },
      { title: 'UBNT header: magic and version string', url: 'https://github.com/openwrt/firmware-utils/blob/master/src/mkfwimage.c' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'failsafe', 'stockImage', 'soc', 'recovery.cues', 'recovery.writeSeconds', 'recovery.after', 'recovery.hostAddress'],
  },
  {
    id: 'asus,rt-n56u',
    vendor: 'ASUS',
    model: 'RT-N56U',
    aliases: ['rt-n56u'],
    boardName: 'asus,rt-n56u',
    target: 'ramips/rt3883',
    soc: 'Ralink RT3662',
    flash: { type: 'nor', sizeMiB: 8 },
    partitions: [],
    firmwareMaxSize: 0x7b0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 57600, autobootPrompt: 'Please choose the operation', stopString: 'any key' },
    failsafe: { button: 'Reset button on the back', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'tftp-server',
      summary: 'Hold Reset while plugging in power until the power light blinks slowly: the router takes a TFTP upload at 192.168.1.1 (rescue mode).',
      deviceIp: '192.168.1.1',
      flow: 'asus',
      hostAddress: '192.168.1.2/24',
      cues: {
        button: 'Reset button on the back',
        holdSeconds: 10,
        holdUntil: 'Let go when the power light blinks slowly.',
        ledInRecovery: 'The power light blinks slowly, about once a second.',
        ledWhileWriting: 'The power light stays on without blinking while it writes; it restarts by itself after a few minutes.',
      },
      writeSeconds: 240,
      after: { address: '192.168.1.1', tcpPort: 80 },
    },
    stockImage: { format: 'trx' },
    sources: [
      { title: 'RT-N56U: hold Reset, plug in power, wait until the power LED blinks, then let go', url: 'https://www.waterstorm.de/?p=1016' },
      { title: 'ASUS firmware restore: 192.168.1.2/24, LAN port 1, wait while it writes', url: 'http://wiki.entuura.org/site/index.php?title=ASUS_Firmware_Restore' },
      { title: 'tftp put to 192.168.1.1 in binary mode; the rescue light goes steady, then it restarts', url: 'https://blog.1407.org/2023/09/03/restoring-original-firmware-on-asus-rt-ax1800u-wifi-router/' },
      { title: 'DD-WRT wiki: Asus TFTP Flash', url: 'https://wiki.dd-wrt.com/wiki/index.php/Asus_TFTP_Flash' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'soc', 'target', 'stockImage', 'recovery.cues.ledWhileWriting', 'recovery.writeSeconds'],
  },
  {
    id: 'asus,rt-ac68u',
    vendor: 'ASUS',
    model: 'RT-AC68U',
    aliases: ['rt-ac68u'],
    boardName: 'asus,rt-ac68u',
    target: 'bcm53xx/generic',
    soc: 'Broadcom BCM4708',
    flash: { type: 'nand', sizeMiB: 128 },
    partitions: [],
    firmwareMaxSize: 0x4000000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key' },
    failsafe: { button: 'Reset button on the back', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'tftp-server',
      summary: 'Hold Reset while switching on until the power light blinks slowly: the router takes a TFTP upload at 192.168.1.1 (rescue mode).',
      deviceIp: '192.168.1.1',
      flow: 'asus',
      hostAddress: '192.168.1.2/24',
      cues: {
        button: 'Reset button on the back',
        holdSeconds: 10,
        holdUntil: 'Let go when the power light blinks slowly.',
        ledInRecovery: 'The power light blinks slowly, about once a second.',
        ledWhileWriting: 'The power light stays on while it writes; it restarts by itself after a few minutes.',
      },
      writeSeconds: 300,
      after: { address: '192.168.1.1', tcpPort: 80 },
    },
    stockImage: { format: 'trx' },
    sources: [
      { title: 'rescue mode: hold Reset at power-on, 192.168.1.1, TFTP put in binary mode', url: 'https://wiki.dd-wrt.com/wiki/index.php/Asus_TFTP_Flash' },
      { title: 'CFE rescue mode at 192.168.1.1', url: 'https://www.snbforums.com/threads/hello-enter-rescue-mode-by-force.60281/' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'flash', 'stockImage', 'recovery.cues', 'recovery.writeSeconds'],
  },
  {
    id: 'dlink,dir-860l-b1',
    vendor: 'D-Link',
    model: 'DIR-860L B1',
    aliases: ['dir-860l-b1'],
    boardName: 'dlink,dir-860l-b1',
    target: 'ramips/mt7621',
    soc: 'MediaTek MT7621A',
    flash: { type: 'nor', sizeMiB: 16 },
    partitions: [],
    firmwareMaxSize: 0xfa0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 57600, autobootPrompt: 'Please choose the operation', stopString: 'any key' },
    failsafe: { button: 'Reset button on the bottom', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'web-ui',
      summary: 'Hold Reset while plugging in power: the bootloader serves a small upload page at 192.168.0.1 (no ping, no DHCP).',
      deviceIp: '192.168.0.1',
      flow: 'dlink',
      hostAddress: '192.168.0.2/24',
      uploadPath: '/',
      cues: {
        button: 'Reset button on the bottom (a small hole: use a paper clip)',
        holdSeconds: 10,
        holdUntil: 'Let go when the power light blinks orange.',
        ledInRecovery: 'The power light blinks orange.',
        ledWhileWriting: 'The power light keeps blinking while it writes; it restarts by itself.',
      },
      writeSeconds: 150,
      after: { address: '192.168.0.1', tcpPort: 80, note: 'D-Link firmware answers at 192.168.0.1; OpenWrt at 192.168.1.1.' },
    },
    stockImage: { format: 'seama-seal' },
    sources: [
      { title: 'recovery page at 192.168.0.1 with Reset held at power-on', url: 'https://openwrt.org/toh/d-link/dir-860l_b1' },
      { title: 'recovery page fails in modern browsers; curl -F firmware=@file works', url: 'https://forum.openwrt.org/t/217633' },
      { title: 'D-Link recovery web server, upload field firmware', url: 'https://forum.openwrt.org/t/58248' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'soc', 'recovery.cues', 'recovery.uploadPath', 'recovery.writeSeconds', 'stockImage'],
  },
  {
    id: 'dlink,dir-825-b1',
    vendor: 'D-Link',
    model: 'DIR-825 B1',
    aliases: ['dir-825-b1'],
    boardName: 'dlink,dir-825-b1',
    target: 'ath79/generic',
    soc: 'Atheros AR7161',
    flash: { type: 'nor', sizeMiB: 8 },
    partitions: [],
    firmwareMaxSize: 0x7a0000,
    compatVersion: '1.0',
    requiresMetadata: false,
    serial: { baud: 115200, autobootPrompt: 'Hit any key to stop autoboot', stopString: 'any key' },
    failsafe: { button: 'Reset button on the back', when: 'Press it briefly when the power light blinks during start-up' },
    recovery: {
      method: 'web-ui',
      summary: 'Hold Reset while plugging in power: the bootloader serves a small upload page at 192.168.0.1 (no ping, no DHCP).',
      deviceIp: '192.168.0.1',
      flow: 'dlink',
      hostAddress: '192.168.0.2/24',
      uploadPath: '/',
      cues: {
        button: 'Reset button on the back',
        holdSeconds: 10,
        holdUntil: 'Let go when the power light blinks orange.',
        ledInRecovery: 'The power light blinks orange.',
      },
      writeSeconds: 120,
      after: { address: '192.168.0.1', tcpPort: 80, note: 'D-Link firmware answers at 192.168.0.1; OpenWrt at 192.168.1.1.' },
    },
    sources: [
      { title: 'recovery web page at 192.168.0.1', url: 'https://openwrt.org/toh/d-link/dir-825' },
      { title: 'recovery page fails in modern browsers; curl -F firmware=@file works', url: 'https://forum.openwrt.org/t/217633' },
    ],
    unverified: ['partitions', 'firmwareMaxSize', 'serial', 'failsafe', 'soc', 'recovery.cues', 'recovery.uploadPath', 'recovery.writeSeconds'],
  },
];

/** Find a profile by board name, code name or model ("linksys,wrt32x", "venom", "WRT32X"). */
export function findDeviceProfile(name: string): DeviceProfile | undefined {
  const q = name.trim().toLowerCase();
  if (!q) return undefined;
  return (
    DEVICE_PROFILES.find((p) => p.id === q || p.boardName === q) ??
    DEVICE_PROFILES.find((p) => p.aliases.some((a) => a.toLowerCase() === q)) ??
    DEVICE_PROFILES.find((p) => p.model.toLowerCase() === q || p.model.toLowerCase().replace(/\s+/g, '') === q.replace(/\s+/g, ''))
  );
}

/** Every name a board is known by (board_name first), for matching image metadata and CONTROL BOARD=. */
export function boardNamesOf(p: DeviceProfile): string[] {
  return [p.boardName, ...p.aliases.filter((a) => a !== p.boardName)];
}

/** Byte counts used above, exported for tests and views that format sizes. */
export const SIZE_UNITS = { KiB, MiB } as const;
