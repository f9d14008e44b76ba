/**
 * Runs INSIDE the station namespace (the workstation side of a createRescueLan pair) and exercises the real
 * session module against the stand-in router. Prints one JSON object: what happened in each scenario.
 * Used by test/integration/session/session.test.ts (vitest itself lives in the root namespace, which has no route
 * to 192.168.x by design).
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { openSession, forgetHostKey, type Session } from '../../../src-main/session';
import { RbFault } from '../../../src-shared/errors';
import { inspectDevice } from '../../../src-main/capabilities/device/discover';

const [scenario, host, knownHosts] = process.argv.slice(2) as [string, string, string];

async function drain(s: Readable): Promise<{ sha256: string; bytes: number }> {
  const h = crypto.createHash('sha256');
  let bytes = 0;
  for await (const c of s) {
    h.update(c as Buffer);
    bytes += (c as Buffer).length;
  }
  return { sha256: h.digest('hex'), bytes };
}

function fault(err: unknown): { code: string; message: string; meaning?: string; fix?: string; details?: string } {
  if (err instanceof RbFault) return err.toShape();
  return { code: 'THROWN', message: String((err as Error)?.message ?? err) };
}

async function exercise(s: Session): Promise<Record<string, unknown>> {
  const r: Record<string, unknown> = { method: s.method, banner: s.banner, notes: s.notes, hostKey: s.hostKey };
  const mtd = await s.exec('cat /proc/mtd');
  r.procMtd = { code: mtd.code, text: mtd.stdout.toString('utf8') };
  const fail = await s.exec('echo out; echo err >&2; exit 3');
  r.failing = { code: fail.code, stdout: fail.stdout.toString('utf8'), stderr: fail.stderr };
  const binary = await s.exec("printf 'x\\ty\\r\\nz'");
  r.text = binary.stdout.toString('latin1');
  const pull = await s.pull('cat /dev/mtd3');
  const [got, done] = await Promise.all([drain(pull.stream), pull.done]);
  r.pull = { ...got, code: done.code };
  const payload = crypto.randomBytes(300_000);
  payload[10] = 0xff;
  payload[11] = 0xff;
  const pushed = await s.push('cat > /tmp/pushed.bin', Readable.from([payload]));
  const back = await s.exec('sha256sum /tmp/pushed.bin');
  r.push = { code: pushed.code, sent: crypto.createHash('sha256').update(payload).digest('hex'), router: back.stdout.toString().split(/\s/)[0] };
  try {
    await s.exec('sleep 5', { timeoutMs: 700 });
    r.timeout = 'no timeout';
  } catch (err) {
    r.timeout = fault(err).code;
  }
  const after = await s.exec('echo alive');
  r.afterTimeout = after.stdout.toString('utf8');
  // onOutput: the words as they come, before the command ends (a second apart), and all of them in the result
  const chunks: string[] = [];
  const streamed = await s.exec('echo one; echo warn >&2; sleep 1; echo two', { onOutput: (c, from) => chunks.push(`${from}:${c.toString('utf8')}`) });
  r.streamed = { chunks, stdout: streamed.stdout.toString('utf8'), code: streamed.code };
  return r;
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {};
  if (scenario === 'ssh') {
    const s = await openSession({ host, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: knownHosts });
    Object.assign(out, await exercise(s));
    await s.close();
    const again = await openSession({ host, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: knownHosts });
    out.secondStatus = again.hostKey?.status;
    await again.close();
  } else if (scenario === 'ssh-after-rekey') {
    try {
      const s = await openSession({ host, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: knownHosts });
      out.remembered = 'ACCEPTED';
      await s.close();
    } catch (err) {
      out.remembered = fault(err);
    }
    const s2 = await openSession({ host, method: 'ssh', hostKeyPolicy: 'session-only' });
    out.sessionOnly = { status: s2.hostKey?.status, notes: s2.notes };
    await s2.close();
    out.forgot = forgetHostKey(knownHosts, host, 22);
    const s3 = await openSession({ host, method: 'ssh', hostKeyPolicy: 'remember', knownHostsFile: knownHosts });
    out.afterForget = s3.hostKey?.status;
    await s3.close();
  } else if (scenario === 'telnet' || scenario === 'auto') {
    const s = await openSession({ host, method: scenario === 'auto' ? 'auto' : 'telnet', hostKeyPolicy: 'session-only', timeoutMs: 8000 });
    Object.assign(out, await exercise(s));
    await s.close();
  } else if (scenario === 'telnet-login') {
    try {
      const bad = await openSession({ host, method: 'telnet', password: 'wrong', hostKeyPolicy: 'session-only', timeoutMs: 8000 });
      out.wrong = 'ACCEPTED';
      await bad.close();
    } catch (err) {
      out.wrong = fault(err).code;
    }
    const s = await openSession({ host, method: 'telnet', password: 'rescue', hostKeyPolicy: 'session-only', timeoutMs: 8000 });
    const r = await s.exec('id -u');
    out.login = { code: r.code, stdout: r.stdout.toString() };
    await s.close();
  } else if (scenario === 'ssh-password') {
    for (const password of ['wrong', 'rescue']) {
      try {
        const s = await openSession({ host, method: 'ssh', password, hostKeyPolicy: 'session-only' });
        out[password] = 'ACCEPTED';
        await s.close();
      } catch (err) {
        out[password] = fault(err).code;
      }
    }
  } else if (scenario === 'exec') {
    // argv[4]: method, argv[5]: the command (used by the QEMU flash rig suite to look at or damage the NAND)
    const [method, cmd] = process.argv.slice(5) as ['ssh' | 'telnet', string];
    const s = await openSession({ host, method, hostKeyPolicy: 'session-only', timeoutMs: 20_000 });
    const r = await s.exec(cmd, { timeoutMs: 120_000 });
    out.exec = { code: r.code, stdout: r.stdout.toString('utf8') };
    await s.close();
  } else if (scenario === 'discover') {
    // argv[4]: method. The flash service's own discovery (partition map with danger marks) against a router.
    const method = process.argv[5] as 'ssh' | 'telnet';
    const s = await openSession({ host, method, hostKeyPolicy: 'session-only', timeoutMs: 20_000 });
    out.device = await inspectDevice(s);
    await s.close();
  } else if (scenario === 'secrets') {
    // A command that carries a secret times out: the error names the programs, never the secret (issue 12 #10).
    // Then text a terminal would act on is refused before anything is sent (issue 12 #12).
    for (const method of ['ssh', 'telnet'] as const) {
      const s = await openSession({ host, method, password: 'rescue', hostKeyPolicy: 'session-only', timeoutMs: 8000 });
      try {
        await s.exec("printf '%s\\n' 'T0p-S3cret' | sleep 5", { timeoutMs: 700 });
        out[`${method}Timeout`] = 'no timeout';
      } catch (err) {
        out[`${method}Timeout`] = fault(err);
      }
      if (method === 'telnet') {
        try {
          await s.exec('echo a\x03b; echo c');
          out.controlChar = 'SENT';
        } catch (err) {
          out.controlChar = fault(err);
        }
        out.afterRefusal = (await s.exec('echo alive')).stdout.toString('utf8');
      }
      await s.close();
    }
    for (const [key, user, password] of [['userBreak', 'root\necho INJECTED', 'rescue'], ['passwordBreak', 'root', 'rescue\rreboot']] as const) {
      try {
        const s = await openSession({ host, method: 'telnet', user, password, hostKeyPolicy: 'session-only', timeoutMs: 8000 });
        out[key] = 'ACCEPTED';
        await s.close();
      } catch (err) {
        out[key] = fault(err);
      }
    }
  } else if (scenario === 'utf8-password') {
    // Set a password with letters outside Latin-1 through telnet, the way the failsafe step does, with the
    // router's real busybox passwd; then log in with it over SSH (which sends UTF-8) and over telnet.
    const [oldPassword, newPassword] = process.argv.slice(5) as [string, string];
    const q = (x: string): string => `'${x.replace(/'/g, `'\\''`)}'`;
    const s = await openSession({ host, method: 'telnet', password: oldPassword, hostKeyPolicy: 'session-only', timeoutMs: 8000 });
    const r = await s.exec(`printf '%s\\n%s\\n' ${q(newPassword)} ${q(newPassword)} | passwd root`);
    out.passwd = { code: r.code, stdout: r.stdout.toString('utf8') };
    out.hashType = (await s.exec("sed -n 's/^root:\\$\\([^$]*\\)\\$.*/\\1/p' /etc/shadow")).stdout.toString('utf8').trim();
    await s.close();
    for (const method of ['ssh', 'telnet'] as const) {
      try {
        const t = await openSession({ host, method, password: newPassword, hostKeyPolicy: 'session-only', timeoutMs: 8000 });
        out[method] = (await t.exec('id -u')).stdout.toString('utf8');
        await t.close();
      } catch (err) {
        out[method] = fault(err).code;
      }
    }
  } else if (scenario === 'refused') {
    try {
      await openSession({ host, method: 'ssh', hostKeyPolicy: 'session-only', timeoutMs: 3000 });
      out.refused = 'ACCEPTED';
    } catch (err) {
      out.refused = fault(err);
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stdout.write(JSON.stringify({ fatal: fault(err), stack: (err as Error)?.stack }) + '\n');
    process.exit(1);
  },
);
