// The emulated store's REST API keys. Fixed values, so a demo or a test can use them without
// reading the emulator's output; the read-only pair is for testing permission refusals.

export interface ApiKey {
  consumerKey: string;
  consumerSecret: string;
  permissions: 'read' | 'write' | 'read_write';
}

export const READ_WRITE_KEY: ApiKey = {
  consumerKey: 'ck_5f0e4a1d9b7c2e8f3a6d0b1c4e7f9a2b5c8d1e0f',
  consumerSecret: 'cs_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b',
  permissions: 'read_write',
};

export const READ_ONLY_KEY: ApiKey = {
  consumerKey: 'ck_0read0only0key0000000000000000000000000',
  consumerSecret: 'cs_0read0only0secret000000000000000000000',
  permissions: 'read',
};

export const API_KEYS: readonly ApiKey[] = [READ_WRITE_KEY, READ_ONLY_KEY];

export function findKey(consumerKey: string): ApiKey | undefined {
  return API_KEYS.find((k) => k.consumerKey === consumerKey);
}
