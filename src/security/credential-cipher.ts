// Encrypts store credentials (and webhook secrets) at rest: AES-256-GCM with a random 96-bit IV
// and a key derived by scrypt from STOCKROOM_SECRET. The stored text is
// `v1.<salt>.<iv>.<tag>.<ciphertext>` (base64url), so the key derivation can change later.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

export const MIN_SECRET_LENGTH = 32;

export class CredentialCipherError extends Error {
  constructor(
    readonly code: 'secret_missing' | 'secret_too_short' | 'decrypt_failed' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'CredentialCipherError';
  }
}

export interface CredentialCipher {
  encrypt(plaintext: string): string;
  decrypt(envelope: string): string;
  encryptJson(value: unknown): string;
  decryptJson<T = unknown>(envelope: string): T;
}

const VERSION = 'v1';
const keyCache = new Map<string, Buffer>();

function deriveKey(secret: string, salt: Buffer): Buffer {
  const cacheKey = `${salt.toString('base64url')}:${secret}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = scryptSync(secret, salt, 32, { N: 16384, r: 8, p: 1 });
    keyCache.set(cacheKey, key);
  }
  return key;
}

export function checkSecret(secret: string | undefined): string {
  if (secret === undefined || secret === '') {
    throw new CredentialCipherError(
      'secret_missing',
      `STOCKROOM_SECRET is not set: set it to a string of at least ${MIN_SECRET_LENGTH} characters to store credentials.`,
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new CredentialCipherError(
      'secret_too_short',
      `STOCKROOM_SECRET is too short (${secret.length} characters): it must have at least ${MIN_SECRET_LENGTH}.`,
    );
  }
  return secret;
}

export function createCredentialCipher(secret: string | undefined = process.env.STOCKROOM_SECRET): CredentialCipher {
  const checked = checkSecret(secret);
  // One salt per process is enough: each envelope carries its salt, and the IV is random per message.
  const salt = randomBytes(16);
  const encrypt = (plaintext: string): string => {
    const key = deriveKey(checked, salt);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, salt, iv, tag, body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  };
  const decrypt = (envelope: string): string => {
    const parts = envelope.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new CredentialCipherError('malformed', 'The stored credentials are not in a format this version can read.');
    }
    const [, saltText, ivText, tagText, bodyText] = parts;
    const key = deriveKey(checked, Buffer.from(saltText, 'base64url'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAuthTag(Buffer.from(tagText, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialCipherError(
        'decrypt_failed',
        'The stored credentials cannot be decrypted: STOCKROOM_SECRET differs from the one they were saved with.',
      );
    }
  };
  return {
    encrypt,
    decrypt,
    encryptJson: (value) => encrypt(JSON.stringify(value)),
    decryptJson: <T>(envelope: string) => JSON.parse(decrypt(envelope)) as T,
  };
}
