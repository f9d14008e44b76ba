import { expect, it } from 'vitest';
import fs from 'node:fs';
import { APP_VERSION } from '../../src-main/version';

it('the app version matches package.json', () => {
  expect(APP_VERSION).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
});
