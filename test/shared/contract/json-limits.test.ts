import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_CONTAINERS, MAX_REQUEST_DEPTH, requestShapeProblem } from '../../../src-shared/contract/json-limits';

const nest = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('request shape limits', () => {
  it('scalars and ordinary payloads pass', () => {
    for (const v of [undefined, null, 1, 'x', true, {}, [], { a: [1, { b: 'c' }] }]) expect(requestShapeProblem(v)).toBeNull();
    expect(requestShapeProblem(nest(MAX_REQUEST_DEPTH))).toBeNull();
  });

  it('one level more than the limit is refused, and 100,000 levels are counted without recursion', () => {
    expect(requestShapeProblem(nest(MAX_REQUEST_DEPTH + 1))).toEqual({ reason: 'depth', depth: MAX_REQUEST_DEPTH + 1 });
    // deeper than any call stack: a recursive walk would throw RangeError here
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(requestShapeProblem(deep)).toMatchObject({ reason: 'depth' });
  });

  it('stops at the container limit: shared objects (structured clone) and cycles cannot make the walk explode', () => {
    let shared: object = {};
    for (let i = 0; i < 40; i++) shared = { l: shared, r: shared }; // 2^40 paths, 41 objects
    const t = performance.now();
    expect(requestShapeProblem(shared)).toEqual({ reason: 'containers', containers: MAX_REQUEST_CONTAINERS + 1 });
    expect(performance.now() - t).toBeLessThan(2000);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(requestShapeProblem(cyclic)).toMatchObject({ reason: 'depth' });
    expect(requestShapeProblem(Array.from({ length: 1000 }, () => ({})))).toBeNull();
  });
});
