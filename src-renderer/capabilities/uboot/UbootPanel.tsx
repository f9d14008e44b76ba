import { useState } from 'react';
import { useApi } from '../../api/context';
import { asRbError } from '../../api/types';
import { ErrorCard } from '../../components/ErrorCard';
import { clockTime } from '../../format';
import { useApp } from '../../app/store';
import { usePractice } from '../practice/store';
import { pathExample } from '../../app/host-paths';
import { STEP_ORDER, useUboot } from './store';
import type { RbError } from '../../../src-shared/contract';
import type { SerialSession } from '../../../src-shared/capabilities/serial';
import type { UbootStep } from '../../../src-shared/capabilities/uboot/contract';

const STEP_LABEL: Record<UbootStep['step'], string> = {
  'check-file': 'Read the image on this computer',
  'stop-autoboot': 'Stop the automatic start',
  'read-env': 'Read the bootloader settings',
  'read-memory': 'Read the memory layout',
  'choose-load-address': 'Choose where the file goes in memory',
  'set-network': 'Set the network addresses',
  'start-server': 'Start our file server',
  tftpboot: 'Send the file (TFTP)',
  verify: 'Check size and checksum',
  boot: 'Start the file',
  'follow-boot': 'Watch it start',
};

const DETAIL_SHOWN = new Set(['imageKind', 'kernelLoad', 'address', 'source', 'rejected', 'dram', 'reserved', 'relocaddr', 'hostCrc32', 'routerCrc32', 'size', 'bytes', 'rate', 'command', 'reached', 'prompt', 'kernel', 'count', 'loadaddr', 'kernel_addr_r', 'stopWith', 'reactionMs']);

/**
 * The U-Boot steps: load a rescue image (an "initramfs" that runs from memory) through the bootloader, with
 * every step shown as it happens. Nothing is written to the router's flash, and its settings are not saved.
 */
export function UbootPanel({ session }: { session: SerialSession }) {
  const api = useApi();
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

  return (
    <section className="card" aria-labelledby={`uboot-${session.id}-title`} data-testid="uboot-panel">
      <h2 id={`uboot-${session.id}-title`}>Load a rescue image through the bootloader</h2>
      <p className="lead">
        Rescue Bench stops the router's automatic start, sends an image from this computer into the router's memory, checks it, and starts it. Nothing
        is written to the router's flash and its settings are not saved: switching it off undoes everything.
      </p>
      <form
        className="controls console-controls"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="console-wide">
          Image file on this computer
          <input value={file} onChange={(e) => setFile(e.target.value)} placeholder={pathExample(info, 'openwrt-…-initramfs-kernel.bin', '/home/you/openwrt-…-initramfs-kernel.bin')} spellCheck={false} required disabled={running} data-testid="uboot-file" />
        </label>
        <label>
          Router address
          <input value={ip} onChange={(e) => setIp(e.target.value)} className="mono" disabled={running} />
        </label>
        <label>
          This computer's address
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
          <input type="checkbox" checked={boot} onChange={(e) => setBoot(e.target.checked)} disabled={running} /> Start it after checking
        </label>
        {running ? (
          <button type="button" className="btn danger" onClick={() => void useUboot.getState().cancel(api, run!.runId).catch(() => undefined)}>
            Stop
          </button>
        ) : (
          <button type="submit" className="btn primary" disabled={!file.trim() || session.state !== 'open'} data-testid="uboot-start">
            Start
          </button>
        )}
      </form>
      <details className="advanced">
        <summary>Expert settings (kernel command line, load address)</summary>
        <div className="controls">
          <label className="console-wide">
            Kernel command line (bootargs)
            <input value={bootargs} onChange={(e) => setBootargs(e.target.value)} placeholder="console=ttyS0,115200" className="mono" disabled={running} />
          </label>
          <label>
            Load address (leave empty: chosen for you)
            <input value={loadAddr} onChange={(e) => setLoadAddr(e.target.value)} placeholder="0x82000000" className="mono" disabled={running} />
          </label>
        </div>
      </details>
      {error && <ErrorCard error={error} />}
      {running && run.steps.find((x) => x.step === 'stop-autoboot')?.state === 'running' && (
        <p className="uboot-now" role="status" data-testid="uboot-now">
          Switch the router on now. Rescue Bench stops its automatic start as soon as the bootloader appears.
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
                <strong>{STEP_LABEL[s.step]}</strong> <span className="muted">{clockTime(s.at)}</span>
                <div>{s.message}</div>
                {s.step === 'tftpboot' && s.state === 'running' && p && (
                  <div className="uboot-progress">
                    <progress max={100} value={p.percent} aria-label="Sending the file">
                      {p.percent}%
                    </progress>
                    <span className="mono">
                      {p.percent.toFixed(0)}% · {(p.bytes / 1048576).toFixed(1)} of {(p.total / 1048576).toFixed(1)} MiB{p.timeouts ? ` · ${p.timeouts} timeouts` : ''}
                    </span>
                  </div>
                )}
                {s.detail && Object.keys(s.detail).some((k) => DETAIL_SHOWN.has(k)) && (
                  <details>
                    <summary>Details</summary>
                    <dl className="uboot-detail">
                      {Object.entries(s.detail)
                        .filter(([k, v]) => DETAIL_SHOWN.has(k) && v !== '')
                        .map(([k, v]) => (
                          <div key={k}>
                            <dt>{k}</dt>
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
          {run.steps.find((s) => s.step === 'follow-boot')?.message ?? `Done. ${tftpStep?.message ?? ''} It stays in the router's memory until the router restarts.`}
        </p>
      )}
    </section>
  );
}
