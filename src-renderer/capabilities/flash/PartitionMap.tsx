import { useState } from 'react';
import { partitionMap } from '../../../src-shared/capabilities/flash/layout';
import type { DeviceInfo, Partition } from '../../../src-shared/capabilities/device';
import { bytes } from '../../format';
import { hex } from './errors';

const KIND_WORDS: Record<string, string> = {
  bootloader: 'bootloader',
  'bootloader-env': 'bootloader settings',
  calibration: 'calibration',
  identity: 'identity',
  bbt: 'bad-block table',
  'boot-counter': 'boot counter',
  running: 'running now',
};

function label(p: Partition): string {
  const words = p.danger.map((d) => KIND_WORDS[d.kind] ?? d.kind);
  return `${p.name}, ${bytes(p.size)}${p.readOnly ? ', read-only' : ''}${words.length ? `, do not write: ${words.join(', ')}` : ''}`;
}

/** Every partition to scale (tiny ones get a readable minimum width), dangerous ones marked in words and pattern. */
export function PartitionMap({ device }: { device: DeviceInfo }) {
  const [selected, setSelected] = useState<number | undefined>();
  const map = partitionMap(device.partitions, 11);
  const byIndex = new Map(device.partitions.map((p) => [p.index, p]));
  const total = device.partitions.reduce((s, p) => s + p.size, 0);
  const dangerous = device.partitions.filter((p) => p.danger.length);
  return (
    <section className="card" aria-labelledby="flash-map-title">
      <h2 id="flash-map-title">How the router's memory is divided</h2>
      <p>
        {device.partitions.length} partitions. Red striped parts are ones that can brick the router if written
        {dangerous.length ? ` (${dangerous.map((p) => p.name).join(', ')})` : ''}: Rescue Bench backs them up but refuses to write them unless you type their name.
        {device.running ? ` The router runs from firmware slot ${device.running.slot} now (${device.running.evidence}).` : ''}
      </p>
      <div className="flash-map" role="list" aria-label="Partitions to scale" data-testid="flash-map">
        {Array.from({ length: map.rows }, (_, row) => (
          <div className="flash-map-row" key={row}>
            {map.boxes
              .filter((b) => b.row === row)
              .map((b) => {
                const p = byIndex.get(b.index)!;
                const running = p.danger.some((d) => d.kind === 'running');
                const cls = ['flash-box', p.danger.length ? 'danger' : '', running ? 'running' : '', p.readOnly ? 'ro' : '', selected === p.index ? 'selected' : ''].filter(Boolean).join(' ');
                return (
                  <button
                    type="button"
                    role="listitem"
                    key={b.index}
                    className={cls}
                    style={{ left: `${b.left}%`, width: `${b.width}%` }}
                    title={label(p)}
                    aria-label={label(p)}
                    aria-pressed={selected === p.index}
                    onClick={() => setSelected(selected === p.index ? undefined : p.index)}
                    data-testid={`flash-box-${p.index}`}
                    data-danger={p.danger.length > 0}
                  >
                    <span className="flash-box-name">{p.name}</span>
                    <span className="flash-box-size">
                      {bytes(p.size)}
                      {p.readOnly ? " · read-only" : ""}
                    </span>
                  </button>
                );
              })}
          </div>
        ))}
      </div>
      <p className="fs-hint">Total {bytes(total)}{map.rows > 1 ? '; partitions that lie inside others (like "firmware" around kernel and rootfs) are on their own row' : ''}.</p>
      {(device.env || device.ubi.length > 0) && (
        <details className="advanced" data-testid="flash-env">
          <summary>Bootloader settings and UBI (for technicians)</summary>
          {device.ubi.map((u) => (
            <p key={u.ubi}>
              UBI device {u.ubi} is attached to mtd{u.mtdNum ?? '?'}
              {u.volumes.length ? `; volumes: ${u.volumes.map((v) => v.name).join(', ')}` : ''}.
            </p>
          ))}
          {device.env && <pre className="flash-commands">{Object.entries(device.env).map(([k, v]) => `${k}=${v}`).join('\n')}</pre>}
        </details>
      )}
      <div className="flash-table-wrap">
        <table className="events flash-table" data-testid="flash-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Name</th>
              <th>Offset</th>
              <th>Size</th>
              <th>Kind</th>
              <th>Notes</th>
            </tr>
          </thead>
          <tbody>
            {device.partitions.map((p) => (
              <tr key={p.index} className={selected === p.index ? 'flagged' : p.danger.length ? 'flash-danger-row' : ''} data-testid={`flash-row-${p.index}`}>
                <td className="mono">mtd{p.index}</td>
                <td>
                  <strong>{p.name}</strong>
                  {p.readOnly && <span className="tag">read-only</span>}
                  {p.slot !== undefined && <span className="tag">slot {p.slot}</span>}
                </td>
                <td className="mono">{hex(p.offset)}</td>
                <td className="mono">{bytes(p.size)}</td>
                <td>{p.type === 'nand' ? 'NAND' : p.type === 'nor' ? 'NOR' : p.type.toUpperCase()}</td>
                <td className="msg">
                  {p.danger.length ? (
                    <>
                      <span className="tag warn">do not write</span> {p.danger.map((d) => d.reason).join(' ')}
                    </>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
