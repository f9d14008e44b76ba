import { intOf, keyValues, splitSections } from './sysfs-dump';

/** UBI devices and volumes from /sys/class/ubi (sections `ubiN` and `ubiN_M`, see sysfs-dump.ts). */
export interface UbiDevice {
  ubi: number;
  /** The MTD device UBI is attached to: on dual-firmware boards, this tells which slot is running. */
  mtdNum?: number;
  volumes: Array<{ id: number; name: string; dataBytes?: number }>;
}

export function parseUbiInfo(text: string): UbiDevice[] {
  const devs = new Map<number, UbiDevice>();
  const get = (n: number): UbiDevice => {
    let d = devs.get(n);
    if (!d) {
      d = { ubi: n, volumes: [] };
      devs.set(n, d);
    }
    return d;
  };
  for (const s of splitSections(text)) {
    const dev = /^ubi(\d{1,3})$/.exec(s.name);
    const vol = /^ubi(\d{1,3})_(\d{1,4})$/.exec(s.name);
    const kv = keyValues(s.lines);
    if (dev) {
      const d = get(Number(dev[1]));
      const mtd = intOf(kv.mtd_num);
      if (mtd !== undefined) d.mtdNum = mtd;
    } else if (vol) {
      const d = get(Number(vol[1]));
      if (d.volumes.length < 256) {
        const v: { id: number; name: string; dataBytes?: number } = { id: Number(vol[2]), name: (kv.name ?? '').slice(0, 64) };
        const db = intOf(kv.data_bytes);
        if (db !== undefined) v.dataBytes = db;
        d.volumes.push(v);
      }
    }
  }
  return [...devs.values()].sort((a, b) => a.ubi - b.ubi);
}
