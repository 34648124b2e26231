import { randomFillSync } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;
// Random bytes are drawn 8 KiB at a time: one system call per 1,024 ids instead of one per id.
const pool = Buffer.alloc(8192);
let poolOffset = pool.length;

function randomHex8(): string {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + 8);
  poolOffset += 8;
  return hex;
}

/**
 * A new row id, 32 hex digits (UUIDv7-like): 48 bits of milliseconds, a 16-bit sequence within the
 * millisecond, 64 random bits. Ids made later in a process sort later, so inserts stay near the end
 * of the primary-key index and "order by id" is creation order (across processes, to the millisecond).
 */
export function newId(): string {
  const now = Date.now();
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else {
    sequence += 1;
    if (sequence > 0xffff) {
      lastMillis += 1;
      sequence = 0;
    }
  }
  return lastMillis.toString(16).padStart(12, '0') + sequence.toString(16).padStart(4, '0') + randomHex8();
}

export function nowIso(): string {
  return new Date().toISOString();
}
