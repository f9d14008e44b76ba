#!/usr/bin/env node
/**
 * Doyensec's electronegativity (the Electron security audit) over a folder, offline, with its findings written
 * as JSON:   node test-support/electronegativity.cjs src-main [out.json]   (no out file: a table on stdout)
 * Used by test/main/electron/electronegativity.test.ts; needs no Electron binary.
 *
 * Two adjustments, neither touching what is checked:
 *  - electronegativity parses TypeScript with @typescript-eslint/typescript-estree, which npm hoists next to this
 *    project's TypeScript 7 (a native compiler without the JavaScript parser API it needs). Its
 *    `require('typescript')` is pointed at the TypeScript 4 that electronegativity itself depends on.
 *  - it fetches translations and Electron's release list from the internet on every run. Tests send nothing
 *    beyond loopback: `got` is replaced by a function that fails at once (the bundled English texts are used),
 *    and the release-list check (AvailableSecurityFixesGlobalCheck, "is this Electron outdated?") is left out.
 * The Electron version is the one package.json pins, so the checks judge defaults as they are for it.
 */
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json', { paths: [root] }));
const ts4 = require.resolve('typescript', { paths: [pkgDir] });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && /[\\/](@typescript-eslint|tsutils)[\\/]/.test(parent.filename)) return ts4;
  return resolve.call(this, request, parent, ...rest);
};
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network here'));
offline.default = offline;
for (const from of [pkgDir, path.join(pkgDir, 'dist/locales'), path.join(pkgDir, 'dist/finder/checks/GlobalChecks')]) {
  const got = require.resolve('got', { paths: [from] });
  require.cache[got] = { id: got, filename: got, loaded: true, exports: offline };
}

const [input = 'src-main', out] = process.argv.slice(2);
const electron = String(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron ?? '');
const electronVersion = (electron.replace(/^[^\d]*/, '') + '.0.0').split('.').slice(0, 3).join('.');
const run = require(path.join(pkgDir, 'dist/runner.js'));

run({ input: path.resolve(input), isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] }).then(
  (r) => {
    const issues = r.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location.line, column: i.location.column, sample: i.sample ?? null, description: i.description, manualReview: !!i.manualReview, ...(i.properties ? { properties: i.properties } : {}) }));
    const report = { electronVersion, input, checks: { global: r.globalChecks, atomic: r.atomicChecks }, errors: r.errors, issues };
    if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    else {
      for (const i of issues) process.stdout.write(`${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id.padEnd(28)} ${i.file}:${i.line}  ${i.description}\n`);
      for (const e of r.errors) process.stdout.write(`PARSE ${e.tolerable ? 'warning' : 'ERROR'} ${e.file}: ${e.message}\n`);
    }
  },
  (err) => {
    process.stderr.write(`electronegativity failed: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
