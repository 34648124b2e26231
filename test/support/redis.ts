// Redis for tests: the server the run found (see redis-availability.ts), a bullmq key prefix of
// the test's own, and removal of every key under it afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

export function redisServerUrl(): string | null {
  return inject('redisUrl');
}

export function uniqueQueuePrefix(): string {
  return `stockroom-test-${randomBytes(5).toString('hex')}`;
}

export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const client = new Redis(redisUrl);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) deleted += await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    client.disconnect();
  }
}
