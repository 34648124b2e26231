// Decides once per run whether the Redis (bullmq) suite can run, and says so plainly.
// Tests read the answer with `inject('redisUrl')` (null when no server answers).
// With STOCKROOM_REQUIRE_REDIS=1 (CI), a missing server fails the run instead of skipping.
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  let reachable = false;
  let reason = '';
  try {
    await client.connect();
    reachable = (await client.ping()) === 'PONG';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
  if (!reachable) {
    const message = `Redis (bullmq) suite skipped: no server answered at ${url.replace(/:[^:@/]*@/, ':***@')} (${reason})`;
    if (process.env.STOCKROOM_REQUIRE_REDIS === '1') throw new Error(`${message}; STOCKROOM_REQUIRE_REDIS=1 makes this an error`);
    process.stdout.write(`\n*** ${message} ***\n\n`);
  }
  project.provide('redisUrl', reachable ? url : null);
}
