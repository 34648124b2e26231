// Slows password guessing: after `maxFailures` failed logins for one email within `windowMs`,
// further attempts for it are refused until the oldest counted failure leaves the window. The
// failures live in the database (table login_failure, migration 0011), so every process serving
// the same database counts them together; rows older than the window are swept as new ones arrive.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/ids.ts';

export interface LoginThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export class LoginThrottle {
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    options: LoginThrottleOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `email` may try again; 0 when it may try now. */
  async retryAfterMs(email: string): Promise<number> {
    const now = this.now();
    const recent = await this.db
      .selectFrom('login_failure')
      .select('failed_at')
      .where('email_hash', '=', emailHash(email))
      .where('failed_at', '>', isoAt(now - this.windowMs))
      .orderBy('failed_at', 'desc')
      .limit(this.maxFailures)
      .execute();
    if (recent.length < this.maxFailures) return 0;
    const oldestCounted = Date.parse(recent[recent.length - 1].failed_at);
    return Math.max(0, oldestCounted + this.windowMs - now);
  }

  async recordFailure(email: string): Promise<void> {
    const now = this.now();
    await this.db.insertInto('login_failure').values({ id: newId(), email_hash: emailHash(email), failed_at: isoAt(now) }).execute();
    await this.db.deleteFrom('login_failure').where('failed_at', '<=', isoAt(now - this.windowMs)).execute();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.db.deleteFrom('login_failure').where('email_hash', '=', emailHash(email)).execute();
  }
}

/** ISO-8601 text sorts like time (always 24 characters, UTC), so the window is a text range. */
function isoAt(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function emailHash(email: string): string {
  return createHash('sha256').update(email, 'utf8').digest('hex');
}
