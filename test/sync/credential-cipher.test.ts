import { describe, expect, it } from 'vitest';
import { createCredentialCipher, CredentialCipherError } from '../../src/security/credential-cipher.ts';

const secret = 'a'.repeat(20) + 'correct-horse-battery';
const credentials = { accessToken: 'shpat_0123456789abcdef' };

describe('credential cipher', () => {
  it('round-trips and never stores the plaintext', () => {
    const cipher = createCredentialCipher(secret);
    const stored = cipher.encryptJson(credentials);
    expect(stored).not.toContain('shpat_0123456789abcdef');
    expect(Buffer.from(stored.split('.').slice(1).join(''), 'base64url').toString('latin1')).not.toContain('shpat_');
    expect(cipher.decryptJson(stored)).toEqual(credentials);
  });

  it('uses a fresh IV for every message', () => {
    const cipher = createCredentialCipher(secret);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('decrypts across processes holding the same secret', () => {
    const stored = createCredentialCipher(secret).encrypt('hello');
    expect(createCredentialCipher(secret).decrypt(stored)).toBe('hello');
  });

  it('refuses a wrong secret with a clear error', () => {
    const stored = createCredentialCipher(secret).encrypt('hello');
    const other = createCredentialCipher('b'.repeat(40));
    expect(() => other.decrypt(stored)).toThrowError(/STOCKROOM_SECRET differs/);
  });

  it('detects tampering (authenticated encryption)', () => {
    const cipher = createCredentialCipher(secret);
    const parts = cipher.encrypt('hello world').split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrowError(CredentialCipherError);
  });

  it('refuses a missing or short secret', () => {
    expect(() => createCredentialCipher('')).toThrowError(/STOCKROOM_SECRET is not set/);
    expect(() => createCredentialCipher('short')).toThrowError(/at least 32/);
  });
});
