import { useState } from 'react';
import { DEVICE_PROFILES, type DeviceProfile } from '../../../src-shared/profiles/profiles';
import { bytes } from '../../format';

const hex = (n: number) => '0x' + n.toString(16).toUpperCase();

function Details({ p }: { p: DeviceProfile }) {
  return (
    <article className="card" aria-labelledby="dev-title" data-testid="device-details" data-id={p.id}>
      <h2 id="dev-title">
        {p.vendor} {p.model}
      </h2>
      <dl className="fw-facts">
        <dt>Board name</dt>
        <dd className="mono">{p.boardName}</dd>
        {p.aliases.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd className="mono wrap">{p.aliases.join(', ')}</dd>
          </>
        )}
        <dt>Chip and memory</dt>
        <dd>
          {p.soc}, {p.flash.sizeMiB} MiB {p.flash.type.toUpperCase()} flash (OpenWrt target {p.target})
        </dd>
        <dt>Largest image</dt>
        <dd>{bytes(p.firmwareMaxSize)}</dd>
        <dt>compat_version</dt>
        <dd>
          {p.compatVersion}
          {p.requiresMetadata ? ' · sysupgrade requires OpenWrt metadata (vendor images need -F)' : ''}
        </dd>
        <dt>Rescue mode button</dt>
        <dd>
          {p.failsafe.button}: {p.failsafe.when}
        </dd>
        <dt>Serial console</dt>
        <dd>
          {p.serial.baud} baud; to stop the bootloader type <strong>{p.serial.stopString === 'any key' ? 'any key' : p.serial.stopString}</strong> when it shows “{p.serial.autobootPrompt}”
          {p.serial.prompt ? (
            <>
              ; prompt <span className="mono">{p.serial.prompt.trim()}</span>
            </>
          ) : null}
        </dd>
        <dt>Maker's recovery</dt>
        <dd>
          {p.recovery.summary}
          {p.recovery.fileName ? (
            <>
              {' '}
              File name: <span className="mono">{p.recovery.fileName}</span>
            </>
          ) : null}
        </dd>
      </dl>
      {p.dualFirmware && (
        <>
          <h3>Two firmware slots</h3>
          {/* Said once: for Linksys the maker's recovery *is* the slot fallback, already shown above. */}
          {p.dualFirmware.fallback !== p.recovery.summary && <p>{p.dualFirmware.fallback}</p>}
          {p.dualFirmware.layouts.length > 1 && (
            <table className="events">
              <thead>
                <tr>
                  <th scope="col">Layout</th>
                  <th scope="col">Used by</th>
                  <th scope="col">rootfs size in /proc/mtd</th>
                  <th scope="col">compat_version</th>
                </tr>
              </thead>
              <tbody>
                {p.dualFirmware.layouts.map((l) => (
                  <tr key={l.id}>
                    <td>{l.label}</td>
                    <td>{l.usedBy}</td>
                    <td className="mono">{hex(l.rootfsSize)}</td>
                    <td>{l.compatVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {p.partitions.length > 0 && (
        <details className="advanced">
          <summary>Flash partitions ({p.partitions.length})</summary>
          <table className="events">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Offset</th>
                <th scope="col">Size</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {p.partitions.map((x) => (
                <tr key={x.name} className={x.dangerous ? 'flagged' : undefined}>
                  <td className="mono">{x.name}</td>
                  <td className="mono">{hex(x.offset)}</td>
                  <td>{bytes(x.size)}</td>
                  <td>
                    {x.dangerous && <span className="tag warn">never erase</span>}
                    {x.readOnly && <span className="tag">read-only</span>} {x.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <section className="fw-sources" aria-label="Sources" data-testid="device-sources">
        <h3>Sources</h3>
        {p.sources.length > 0 ? (
          <ul>
            {p.sources.map((c) => (
              <li key={c.url}>
                <a href={c.url} target="_blank" rel="noreferrer noopener">
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No public source checked yet.</p>
        )}
        {p.unverified.length > 0 && <p className="empty">Not yet checked at a source: {p.unverified.join(', ')}.</p>}
      </section>
    </article>
  );
}

/** The "Routers" section: browse the known models and their quirks. */
export function DevicesView() {
  const [q, setQ] = useState('');
  const [sel, setSel] = useState(DEVICE_PROFILES[0]!.id);
  const list = DEVICE_PROFILES.filter((p) => `${p.vendor} ${p.model} ${p.boardName} ${p.aliases.join(' ')}`.toLowerCase().includes(q.trim().toLowerCase()));
  const current = DEVICE_PROFILES.find((p) => p.id === sel)!;
  return (
    <div className="dev-layout">
      <section className="card dev-list" aria-label="Router models">
        <label>
          Find a router
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="WRT32X, Archer, venom…" data-testid="device-search" />
        </label>
        <ul>
          {list.map((p) => (
            <li key={p.id}>
              <button type="button" className={p.id === sel ? 'nav-item active' : 'nav-item'} aria-current={p.id === sel ? 'true' : undefined} onClick={() => setSel(p.id)} data-testid={`device-${p.id}`}>
                <span className="nav-label">
                  {p.vendor} {p.model}
                </span>
                <span className="nav-hint mono">{p.boardName}</span>
              </button>
            </li>
          ))}
          {list.length === 0 && <li className="empty">No router matches.</li>}
        </ul>
      </section>
      <Details p={current} />
    </div>
  );
}
