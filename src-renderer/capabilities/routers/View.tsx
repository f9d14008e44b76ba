import { useState } from 'react';
import { DEVICE_PROFILES, type DeviceProfile } from '../../../src-shared/profiles/profiles';
import { bytes } from '../../format';
import { profileText, useT } from '../../i18n';

const hex = (n: number) => '0x' + n.toString(16).toUpperCase();

/**
 * Profile texts (recovery summaries, notes, layouts) are data from src-shared/profiles, shown as written (English)
 * and marked data-i18n-data: the pseudo-locale scan skips them. The labels around them are the catalogue's.
 */
function Details({ p }: { p: DeviceProfile }) {
  const t = useT();
  return (
    <article className="card" aria-labelledby="dev-title" data-testid="device-details" data-id={p.id}>
      <h2 id="dev-title">
        {p.vendor} {p.model}
      </h2>
      <dl className="fw-facts">
        <dt>{t('routers.board')}</dt>
        <dd className="mono" data-i18n-data="board name">{p.boardName}</dd>
        {p.aliases.length > 0 && (
          <>
            <dt>{t('routers.aliases')}</dt>
            <dd className="mono wrap" data-i18n-data="board names">{p.aliases.join(', ')}</dd>
          </>
        )}
        <dt>{t('routers.chip')}</dt>
        <dd>{t('routers.chipValue', { soc: p.soc, size: p.flash.sizeMiB, type: p.flash.type.toUpperCase(), target: p.target })}</dd>
        <dt>{t('routers.largest')}</dt>
        <dd>{bytes(p.firmwareMaxSize)}</dd>
        <dt data-i18n-data="technical name">compat_version</dt>
        <dd>
          {p.compatVersion}
          {p.requiresMetadata ? ` · ${t('routers.metadata')}` : ''}
        </dd>
        <dt>{t('routers.button')}</dt>
        <dd>
          {profileText(t, p.failsafe.button)}: {profileText(t, p.failsafe.when)}
        </dd>
        <dt>{t('routers.serial')}</dt>
        <dd>
          {t('routers.serialValue', { baud: p.serial.baud, key: p.serial.stopString === 'any key' ? t('routers.anyKey') : p.serial.stopString, prompt: p.serial.autobootPrompt })}
          {p.serial.prompt ? (
            <>
              ; {t('routers.prompt')} <span className="mono" data-i18n-data="console prompt">{p.serial.prompt.trim()}</span>
            </>
          ) : null}
        </dd>
        <dt>{t('routers.recovery')}</dt>
        <dd>
          <span data-i18n-data="profile">{p.recovery.summary}</span>
          {p.recovery.fileName ? (
            <>
              {' '}
              {t('routers.fileName')} <span className="mono">{p.recovery.fileName}</span>
            </>
          ) : null}
        </dd>
      </dl>
      {p.dualFirmware && (
        <>
          <h3>{t('routers.dual')}</h3>
          {/* Said once: for Linksys the maker's recovery *is* the slot fallback, already shown above. */}
          {p.dualFirmware.fallback !== p.recovery.summary && <p data-i18n-data="profile">{p.dualFirmware.fallback}</p>}
          {p.dualFirmware.layouts.length > 1 && (
            <table className="events">
              <thead>
                <tr>
                  <th scope="col">{t('routers.layout')}</th>
                  <th scope="col">{t('routers.usedBy')}</th>
                  <th scope="col">{t('routers.rootfsSize')}</th>
                  <th scope="col" data-i18n-data="technical name">compat_version</th>
                </tr>
              </thead>
              <tbody>
                {p.dualFirmware.layouts.map((l) => (
                  <tr key={l.id} data-i18n-data="profile">
                    <td>{l.label}</td>
                    <td>{l.usedBy}</td>
                    <td className="mono" data-i18n-data="hex">{hex(l.rootfsSize)}</td>
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
          <summary>{t('routers.partitions', { count: p.partitions.length })}</summary>
          <table className="events">
            <thead>
              <tr>
                <th scope="col">{t('routers.col.name')}</th>
                <th scope="col">{t('routers.col.offset')}</th>
                <th scope="col">{t('routers.col.size')}</th>
                <th scope="col">{t('routers.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {p.partitions.map((x) => (
                <tr key={x.name} className={x.dangerous ? 'flagged' : undefined}>
                  <td className="mono" data-i18n-data="partition name">{x.name}</td>
                  <td className="mono" data-i18n-data="hex">{hex(x.offset)}</td>
                  <td>{bytes(x.size)}</td>
                  <td>
                    {x.dangerous && <span className="tag warn">{t('routers.neverErase')}</span>}
                    {x.readOnly && <span className="tag">{t('routers.readOnly')}</span>} <span data-i18n-data="profile">{x.note}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <section className="fw-sources" aria-labelledby="dev-sources" data-testid="device-sources">
        <h3 id="dev-sources">{t('routers.sources')}</h3>
        {p.sources.length > 0 ? (
          <ul>
            {p.sources.map((c) => (
              <li key={c.url}>
                <a href={c.url} target="_blank" rel="noreferrer noopener" data-i18n-data="source title">
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('routers.noSource')}</p>
        )}
        {p.unverified.length > 0 && (
          <p className="empty">
            {t('routers.unverified')} <span data-i18n-data="profile">{p.unverified.join(', ')}</span>
          </p>
        )}
      </section>
    </article>
  );
}

/** The "Routers" section: browse the known models and their quirks. */
export function DevicesView() {
  const t = useT();
  const [q, setQ] = useState('');
  const [sel, setSel] = useState(DEVICE_PROFILES[0]!.id);
  const list = DEVICE_PROFILES.filter((p) => `${p.vendor} ${p.model} ${p.boardName} ${p.aliases.join(' ')}`.toLowerCase().includes(q.trim().toLowerCase()));
  const current = DEVICE_PROFILES.find((p) => p.id === sel)!;
  return (
    <div className="dev-layout">
      <section className="card dev-list" aria-label={t('routers.models')}>
        <label>
          {t('routers.find')}
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('routers.findExample')} data-testid="device-search" />
        </label>
        <ul>
          {list.map((p) => (
            <li key={p.id}>
              <button type="button" className={p.id === sel ? 'nav-item active' : 'nav-item'} aria-current={p.id === sel ? 'true' : undefined} onClick={() => setSel(p.id)} data-testid={`device-${p.id}`}>
                <span className="nav-label">
                  {p.vendor} {p.model}
                </span>
                <span className="nav-hint mono" data-i18n-data="board name">{p.boardName}</span>
              </button>
            </li>
          ))}
          {list.length === 0 && <li className="empty">{t('routers.noMatch')}</li>}
        </ul>
      </section>
      <Details p={current} />
    </div>
  );
}
