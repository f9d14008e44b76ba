import { describe, expect, it } from 'vitest';
import { utils } from 'ssh2';
import { parseableEd25519 } from '../../../../src-main/capabilities/practice/router';

describe('practice router host key', () => {
  // ssh2's generateKeyPairSync('ed25519') writes a key its own parser refuses about once in 270 draws; a practice
  // router that drew one never opened SSH (a CI run timed out on it). 600 draws without the check fail ~9 runs in 10.
  it('is always a key ssh2 can read back', () => {
    for (let i = 0; i < 600; i++) expect(utils.parseKey(parseableEd25519(utils))).not.toBeInstanceOf(Error);
  });
});
