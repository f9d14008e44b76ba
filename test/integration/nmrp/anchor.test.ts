/**
 * Where the nmrpflash anchor's source is found (test-support/nmrpflash.ts): beside or above the checkout, beside the
 * main checkout of a worktree, beside the origin of a clone made into a temp folder (how .ci/run re-runs tests),
 * or only RB_NMRPFLASH_SRC when set. Real git repositories, worktrees and clones in a temp folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nmrpflashSource } from '../../../test-support/nmrpflash';

let tmp: string;
let project: string;
let anchor: string;
const saved = process.env.RB_NMRPFLASH_SRC;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

beforeAll(() => {
  delete process.env.RB_NMRPFLASH_SRC;
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-anchor-')));
  // the project's layout: /work/main (the checkout) beside /work/shared/anchors/nmrpflash
  project = path.join(tmp, 'work');
  anchor = path.join(project, 'shared', 'anchors', 'nmrpflash');
  fs.mkdirSync(anchor, { recursive: true });
  fs.writeFileSync(path.join(anchor, 'build.sh'), '#!/bin/sh\n');
  const main = path.join(project, 'main');
  fs.mkdirSync(main);
  git(main, 'init', '-q');
  fs.writeFileSync(path.join(main, 'README'), 'x\n');
  git(main, 'add', 'README');
  git(main, 'commit', '-qm', 'one');
});

afterEach(() => {
  delete process.env.RB_NMRPFLASH_SRC;
});

afterAll(() => {
  if (saved === undefined) delete process.env.RB_NMRPFLASH_SRC;
  else process.env.RB_NMRPFLASH_SRC = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the nmrpflash anchor is found where CI has it', () => {
  it('beside the checkout (../shared/anchors/nmrpflash)', () => {
    expect(nmrpflashSource(path.join(project, 'main'))).toEqual({ dir: anchor });
  });

  it('from a worktree in a temp folder, through the git common dir', () => {
    const wt = path.join(tmp, 'elsewhere', 'wt');
    git(path.join(project, 'main'), 'worktree', 'add', '-q', wt);
    expect(nmrpflashSource(wt)).toEqual({ dir: anchor });
  });

  it('from a clone in a private temp folder, through its origin', () => {
    const priv = path.join(tmp, 'private');
    fs.mkdirSync(priv, { mode: 0o700 });
    git(priv, 'clone', '-q', path.join(project, 'main'), 'rb');
    expect(nmrpflashSource(path.join(priv, 'rb'))).toEqual({ dir: anchor });
  });

  it('RB_NMRPFLASH_SRC overrides, and is the only place looked at when set', () => {
    const other = path.join(tmp, 'mine');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'build.sh'), '');
    process.env.RB_NMRPFLASH_SRC = other;
    expect(nmrpflashSource(path.join(project, 'main'))).toEqual({ dir: other });
    process.env.RB_NMRPFLASH_SRC = path.join(tmp, 'nothing-here');
    const r = nmrpflashSource(path.join(project, 'main'));
    expect('why' in r && r.why).toContain('RB_NMRPFLASH_SRC');
  });

  it('nowhere: a reason that names every place it looked', () => {
    const lone = path.join(tmp, 'lone', 'repo');
    fs.mkdirSync(lone, { recursive: true });
    git(lone, 'init', '-q');
    const r = nmrpflashSource(lone);
    expect('why' in r).toBe(true);
    if ('why' in r) {
      expect(r.why).toContain(lone);
      expect(r.why).toContain('RB_NMRPFLASH_SRC');
    }
  });
});
