import { useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { clockTime, decimal } from '../../format';
import { sayText, useT } from '../../i18n';
import type { MessageId } from '../../../src-shared/i18n';
import { useApp } from '../../app/store';
import { usePractice } from '../practice/store';
import { pathExample } from '../../app/host-paths';
import { STEP_ORDER, useUboot } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { SerialSession } from '../../../src-shared/capabilities/serial';
import type { UbootStep } from '../../../src-shared/capabilities/uboot/contract';

const STEP_LABEL: Record<UbootStep['step'], MessageId> = {
  'check-file': 'uboot.step.checkFile',
  'stop-autoboot': 'uboot.step.stopAutoboot',
  'read-env': 'uboot.step.readEnv',
  'read-memory': 'uboot.step.readMemory',
  'choose-load-address': 'uboot.step.chooseLoadAddress',
  'set-network': 'uboot.step.setNetwork',
  'start-server': 'uboot.step.startServer',
  tftpboot: 'uboot.step.tftpboot',
  verify: 'uboot.step.verify',
  boot: 'uboot.step.boot',
  'follow-boot': 'uboot.step.followBoot',
};

const DETAIL_SHOWN = new Set(['imageKind', 'kernelLoad', 'address', 'source', 'rejected', 'dram', 'reserved', 'relocaddr', 'hostCrc32', 'routerCrc32', 'size', 'bytes', 'rate', 'command', 'reached', 'prompt', 'kernel', 'count', 'loadaddr', 'kernel_addr_r', 'stopWith', 'reactionMs']);

/**
 * The U-Boot steps: load a rescue image (an "initramfs" that runs from memory) through the bootloader, with
 * every step shown as it happens. Nothing is written to the router's flash, and its settings are not saved.
 */
export function UbootPanel({ session }: { session: SerialSession }) {
  const api = useApi();
  const t = useT();
  const run = useUboot((s) => s.bySession[session.id]);
  const interfaces = useApp((s) => s.interfaces);
  const info = useApp((s) => s.info);
  // the practice router's console: its U-Boot is on loopback and fetches from our server on a free port (tftpdstp)
  const practice = usePractice((s) => (s.state.target && s.state.target.consolePath === session.path ? s.state.target : undefined));
  const [file, setFile] = useState('');
  const [ip, setIp] = useState(practice?.routerAddress ?? '192.168.1.1');
  const [serverIp, setServerIp] = useState(practice ? '127.0.0.1' : (interfaces.find((i) => i.address.startsWith('192.168.1.'))?.address ?? '192.168.1.10'));
  const [boot, setBoot] = useState(true);
  const [bootargs, setBootargs] = useState('');
  const [loadAddr, setLoadAddr] = useState('');
  const [error, setError] = useState<RbError | undefined>();
  const running = run?.state === 'running';

  const start = async (): Promise<void> => {
    setError(undefined);
    try {
      await useUboot.getState().start(api, {
        sessionId: session.id,
        ip,
        serverIp,
        file: file.trim(),
        boot,
        ...(practice ? { tftpPort: practice.tftpPort } : {}),
        ...(bootargs.trim() ? { bootargs: bootargs.trim() } : {}),
        ...(loadAddr.trim() ? { loadAddr: loadAddr.trim() } : {}),
      });
    } catch (err) {
      setError(asRbError(err));
    }
  };

  const steps = run ? STEP_ORDER.map((name) => run.steps.find((s) => s.step === name)).filter((s): s is UbootStep => !!s) : [];
  const p = run?.progress;
  const tftpStep = run?.steps.find((s) => s.step === 'tftpboot');
  const followStep = run?.steps.find((s) => s.step === 'follow-boot');

  return (
    <section className="card" aria-labelledby={`uboot-${session.id}-title`} data-testid="uboot-panel">
      <h2 id={`uboot-${session.id}-title`}>{t('uboot.title')}</h2>
      <p className="lead">{t('uboot.lead')}</p>
      <form
        className="controls console-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="console-wide">
          {t('uboot.file')}
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={pathExample(info, 'openwrt-…-initramfs-kernel.bin', '/home/you/openwrt-…-initramfs-kernel.bin')} spellCheck={false} required disabled={running} data-testid="uboot-file" />
        </label>
        <label>
          {t('uboot.routerAddress')}
          <input value={ip} onChange={(e) => setIp(e.target.value)} className="mono" disabled={running} />
        </label>
        <label>
          {t('uboot.thisAddress')}
          <input value={serverIp} onChange={(e) => setServerIp(e.target.value)} className="mono" list="uboot-server-ips" disabled={running} />
          <datalist id="uboot-server-ips">
            {interfaces
              .filter((i) => !i.internal)
              .map((i) => (
                <option key={`${i.name}-${i.address}`} value={i.address}>
                  {i.name}
                </option>
              ))}
          </datalist>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={boot} onChange={(e) => setBoot(e.target.checked)} disabled={running} /> {t('uboot.bootAfter')}
        </label>
        {running ? (
          <button type="button" className="btn danger" onClick={() => void useUboot.getState().cancel(api, run!.runId).catch(() => undefined)}>
            {t('uboot.stop')}
          </button>
        ) : (
          <button type="submit" className="btn primary" disabled={!file.trim() || session.state !== 'open'} data-testid="uboot-start">
            {t('uboot.start')}
          </button>
        )}
      </form>
      <details className="advanced">
        <summary>{t('uboot.expert')}</summary>
        <div className="controls">
          <label className="console-wide">
            {t('uboot.bootargs')}
            <input value={bootargs} onChange={(e) => setBootargs(e.target.value)} placeholder="console=ttyS0,115200" className="mono" disabled={running} />
          </label>
          <label>
            {t('uboot.loadAddr')}
            <input value={loadAddr} onChange={(e) => setLoadAddr(e.target.value)} placeholder="0x82000000" className="mono" disabled={running} />
          </label>
        </div>
      </details>
      {error && <ErrorCard error={error} />}
      {running && run.steps.find((x) => x.step === 'stop-autoboot')?.state === 'running' && (
        <p className="uboot-now" role="status" data-testid="uboot-now">
          {t('uboot.switchOn')}
        </p>
      )}
      {run && (
        <ol className="uboot-steps" data-testid="uboot-steps" data-state={run.state}>
          {steps.map((s) => (
            <li key={s.step} className={`uboot-step ${s.state}`} data-step={s.step} data-state={s.state}>
              <span className="uboot-mark" aria-hidden="true">
                {s.state === 'done' ? '✓' : s.state === 'failed' ? '✗' : s.state === 'skipped' ? '–' : '…'}
              </span>
              <div>
                <strong>{t(STEP_LABEL[s.step])}</strong> <span className="muted">{clockTime(s.at)}</span>
                <div>{sayText(t, s.message, s.msg)}</div>
                {s.step === 'tftpboot' && s.state === 'running' && p && (
                  <div className="uboot-progress">
                    <progress max={100} value={p.percent} aria-label={t('uboot.sending')}>
                      {p.percent}%
                    </progress>
                    <span className="mono">
                      {t('uboot.progress', { percent: decimal(p.percent), done: decimal(p.bytes / 1048576, 1), total: decimal(p.total / 1048576, 1) })}
                      {p.timeouts ? ` · ${t('uboot.timeouts', { count: p.timeouts })}` : ''}
                    </span>
                  </div>
                )}
                {s.detail && Object.keys(s.detail).some((k) => DETAIL_SHOWN.has(k)) && (
                  <details>
                    <summary>{t('common.details')}</summary>
                    <dl className="uboot-detail">
                      {Object.entries(s.detail)
                        .filter(([k, v]) => DETAIL_SHOWN.has(k) && v !== '')
                        .map(([k, v]) => (
                          <div key={k}>
                            <dt data-i18n-data="field name">{k}</dt>
                            <dd className="mono">{String(v)}</dd>
                          </div>
                        ))}
                    </dl>
                  </details>
                )}
                {s.state === 'failed' && s.error && <ErrorCard error={s.error} />}
              </div>
            </li>
          ))}
        </ol>
      )}
      {run?.state === 'done' && (
        <p className="status ok-text" data-testid="uboot-done">
          {followStep ? sayText(t, followStep.message, followStep.msg) : t('uboot.done', { sent: tftpStep ? sayText(t, tftpStep.message, tftpStep.msg) : '' })}
        </p>
      )}
    </section>
  );
}
