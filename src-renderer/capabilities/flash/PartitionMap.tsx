import { useState } from 'react';
import { partitionMap } from '../../../src-shared/capabilities/flash/layout';
import type { DeviceInfo, Partition } from '../../../src-shared/capabilities/device';
import { bytes } from '../../format';
import { hex } from './errors';
import { saidMessage, useT, type T } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';

const KIND_WORDS: Record<string, MessageId> = {
  bootloader: 'flash.kind.bootloader',
  'bootloader-env': 'flash.kind.bootloaderEnv',
  calibration: 'flash.kind.calibration',
  identity: 'flash.kind.identity',
  bbt: 'flash.kind.bbt',
  'boot-counter': 'flash.kind.bootCounter',
  running: 'flash.kind.running',
};

/** Why not to write it, in the language shown (decision 0182); a reason without its id (an older workstation) as it came. */
export function dangerWhy(t: T, p: Partition): string {
  return p.danger.map((d) => saidMessage(t, d.reason, d.msg)).join(' ');
}

/** What a screen reader says for one box of the map: name, size, read-only, and why not to write it. */
function label(p: Partition, t: T): string {
  const words = p.danger.map((d) => (KIND_WORDS[d.kind] ? t(KIND_WORDS[d.kind]!) : d.kind));
  return [p.name, bytes(p.size), ...(p.readOnly ? [t('routers.readOnly')] : []), ...(words.length ? [t('flash.map.doNotWrite', { what: words.join(', ') })] : [])].join(', ');
}

/** Every partition to scale (tiny ones get a readable minimum width), dangerous ones marked in words and pattern. */
export function PartitionMap({ device }: { device: DeviceInfo }) {
  const t = useT();
  const [selected, setSelected] = useState<number | undefined>();
  const map = partitionMap(device.partitions, 11);
  const byIndex = new Map(device.partitions.map((p) => [p.index, p]));
  const total = device.partitions.reduce((s, p) => s + p.size, 0);
  const dangerous = device.partitions.filter((p) => p.danger.length);
  return (
    <section className="card" aria-labelledby="flash-map-title">
      <h2 id="flash-map-title">{t('flash.map.title')}</h2>
      <p>
        {t('flash.map.lead', { count: device.partitions.length, names: dangerous.map((p) => p.name).join(', ') || 'none' })}
        {device.running ? ` ${t('flash.map.running', { slot: device.running.slot, evidence: device.running.evidence })}` : ''}
      </p>
      <div className="flash-map" role="list" aria-label={t('flash.map.label')} data-testid="flash-map">
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
                    title={label(p, t)}
                    aria-label={label(p, t)}
                    aria-pressed={selected === p.index}
                    onClick={() => setSelected(selected === p.index ? undefined : p.index)}
                    data-testid={`flash-box-${p.index}`}
                    data-danger={p.danger.length > 0}
                  >
                    <span className="flash-box-name">{p.name}</span>
                    <span className="flash-box-size">
                      {bytes(p.size)}
                      {p.readOnly ? ` · ${t('routers.readOnly')}` : ''}
                    </span>
                  </button>
                );
              })}
          </div>
        ))}
      </div>
      <p className="fs-hint">{map.rows > 1 ? t('flash.map.totalRows', { total: bytes(total) }) : t('flash.map.total', { total: bytes(total) })}</p>
      {(device.env || device.ubi.length > 0) && (
        <details className="advanced" data-testid="flash-env">
          <summary>{t('flash.map.env')}</summary>
          {device.ubi.map((u) => (
            <p key={u.ubi}>
              {t('flash.map.ubi', { ubi: u.ubi, mtd: u.mtdNum ?? '?', volumes: u.volumes.map((v) => v.name).join(', ') || 'none' })}
            </p>
          ))}
          {device.env && <pre className="flash-commands">{Object.entries(device.env).map(([k, v]) => `${k}=${v}`).join('\n')}</pre>}
        </details>
      )}
      <div className="flash-table-wrap">
        <table className="events flash-table" data-testid="flash-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('routers.col.name')}</th>
              <th scope="col">{t('routers.col.offset')}</th>
              <th scope="col">{t('routers.col.size')}</th>
              <th scope="col">{t('flash.col.kind')}</th>
              <th scope="col">{t('flash.col.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {device.partitions.map((p) => (
              <tr key={p.index} className={selected === p.index ? 'flagged' : p.danger.length ? 'flash-danger-row' : ''} data-testid={`flash-row-${p.index}`}>
                <td className="mono" data-i18n-data="device name">mtd{p.index}</td>
                <td>
                  <strong>{p.name}</strong>
                  {p.readOnly && <span className="tag">{t('routers.readOnly')}</span>}
                  {p.slot !== undefined && <span className="tag">{t('flash.slot', { slot: p.slot })}</span>}
                </td>
                <td className="mono" data-i18n-data="offset">{hex(p.offset)}</td>
                <td className="mono">{bytes(p.size)}</td>
                <td data-i18n-data="flash type">{p.type === 'nand' ? 'NAND' : p.type === 'nor' ? 'NOR' : p.type.toUpperCase()}</td>
                <td className="msg">
                  {p.danger.length ? (
                    <>
                      <span className="tag warn">{t('flash.doNotWrite')}</span> <span data-testid={`flash-danger-why-${p.index}`}>{dangerWhy(t, p)}</span>
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
