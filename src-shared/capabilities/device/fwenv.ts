/**
 * `fw_printenv` output: one `name=value` per line (values may contain '='). Lines without '=' are the
 * tool's complaints ("Warning: Bad CRC, using default environment", "Cannot parse config file") and are
 * returned as warnings.
 */
export interface FwEnv {
  vars: Record<string, string>;
  warnings: string[];
}

export function parseFwPrintenv(text: string): FwEnv {
  const vars: Record<string, string> = {};
  const warnings: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const i = line.indexOf('=');
    if (i > 0 && /^[A-Za-z0-9_.:@-]{1,128}$/.test(line.slice(0, i))) {
      if (Object.keys(vars).length < 2000) vars[line.slice(0, i)] = line.slice(i + 1, i + 1 + 4096);
    } else if (warnings.length < 20) warnings.push(line.slice(0, 300));
  }
  return { vars, warnings };
}
