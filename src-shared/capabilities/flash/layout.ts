import type { Partition } from '../device';

/**
 * Where each partition goes in the map: partitions laid out to scale by offset, with overlapping ones
 * (a "firmware" container over kernel+rootfs, Linksys kernel1 over rootfs1) moved to extra rows, and a
 * minimum width so a 64 KiB partition next to a 120 MiB one is still readable and clickable.
 */
export interface MapBox {
  index: number;
  row: number;
  start: number;
  end: number;
  /** Percent of the row. */
  left: number;
  width: number;
}

export function partitionMap(parts: Pick<Partition, 'index' | 'offset' | 'size'>[], minWidthPct = 4): { rows: number; boxes: MapBox[]; total: number } {
  let cursor = 0;
  const placed = parts.map((p) => {
    const start = p.offset ?? cursor;
    cursor = Math.max(cursor, start + p.size);
    return { index: p.index, start, end: start + p.size };
  });
  const total = Math.max(1, ...placed.map((p) => p.end));
  // Bigger spans first so containers go on the top row and their contents below them.
  const order = [...placed].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const rowEnds: number[] = [];
  const rowOf = new Map<number, number>();
  for (const p of order) {
    let row = rowEnds.findIndex((end) => end <= p.start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = p.end;
    rowOf.set(p.index, row);
  }
  const boxes: MapBox[] = [];
  for (let row = 0; row < rowEnds.length; row++) {
    const inRow = placed.filter((p) => rowOf.get(p.index) === row).sort((a, b) => a.start - b.start);
    // Scale, widen tiny boxes to the minimum, then squeeze the others so the row still fits in 100%.
    const raw = inRow.map((p) => ({ p, left: (p.start / total) * 100, width: ((p.end - p.start) / total) * 100 }));
    const small = raw.filter((r) => r.width < minWidthPct);
    const extra = small.reduce((s, r) => s + (minWidthPct - r.width), 0);
    const bigTotal = raw.filter((r) => r.width >= minWidthPct).reduce((s, r) => s + r.width, 0);
    const squeeze = bigTotal > 0 && extra > 0 ? Math.max(0, (bigTotal - extra) / bigTotal) : 1;
    let x = raw.length ? raw[0]!.left : 0;
    for (const r of raw) {
      const width = r.width < minWidthPct ? minWidthPct : r.width * squeeze;
      const left = Math.max(x, r.left * (extra > 0 ? squeeze : 1));
      boxes.push({ index: r.p.index, row, start: r.p.start, end: r.p.end, left: Math.min(left, 100 - width), width: Math.min(width, 100) });
      x = Math.min(left, 100 - width) + width;
    }
  }
  return { rows: rowEnds.length, boxes: boxes.sort((a, b) => a.index - b.index), total };
}
