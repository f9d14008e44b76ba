/**
 * Limits on the shape of a request before the contract validates it. zod (and JSON.stringify) walk nested
 * values recursively: a payload nested a few thousand levels deep overflows the stack. No screen of Rescue
 * Bench sends anything deeper than a dozen levels or with more than a few hundred arrays and objects, so
 * requests past these limits are refused before any recursive code sees them.
 */

/** Deepest nesting of arrays/objects accepted in a command payload (the payload itself is level 1). */
export const MAX_REQUEST_DEPTH = 64;
/**
 * Most arrays/objects visited in one payload. A 1 MiB WebSocket frame holds at most ~350,000; over Electron
 * IPC a structured clone may share one object many times, which would make a walk (ours or zod's) exponential.
 */
export const MAX_REQUEST_CONTAINERS = 100_000;

export type ShapeProblem = { reason: 'depth'; depth: number } | { reason: 'containers'; containers: number };

/**
 * Walk `value` without recursion and report the first limit it passes, or null when it is within both.
 * Stops as soon as a limit is passed, so the work is bounded by the limits, not by the value (cycles too).
 */
export function requestShapeProblem(value: unknown, limits: { depth?: number; containers?: number } = {}): ShapeProblem | null {
  const maxDepth = limits.depth ?? MAX_REQUEST_DEPTH;
  const maxContainers = limits.containers ?? MAX_REQUEST_CONTAINERS;
  if (value === null || typeof value !== 'object') return null;
  const stack: [object, number][] = [[value, 1]];
  let containers = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > maxDepth) return { reason: 'depth', depth };
    if (++containers > maxContainers) return { reason: 'containers', containers };
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push([c, depth + 1]);
  }
  return null;
}
