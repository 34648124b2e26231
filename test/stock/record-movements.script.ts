// Run as a separate OS process by concurrency.test.ts: opens the database, says "ready", waits for
// "go" on stdin, then records movements on one SKU as fast as it can and prints a JSON summary.
import { openDatabase } from '../../src/db/handle.ts';
import { recordMovement } from '../../src/stock/record-movement.ts';

const { options, accountId, sku, count } = JSON.parse(process.argv[2]) as { options: { url?: string; dataDir?: string }; accountId: string; sku: string; count: number };
const handle = await openDatabase(options);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
let expectedMilli = 0;
for (let i = 0; i < count; i += 1) {
  const step = i % 3;
  if (step === 0) {
    await recordMovement(handle, accountId, { sku, kind: 'receipt', quantity: 3, actor: `pid ${process.pid}` });
    expectedMilli += 3000;
  } else if (step === 1) {
    await recordMovement(handle, accountId, { sku, kind: 'sale', quantity: 1, actor: `pid ${process.pid}` });
    expectedMilli -= 1000;
  } else {
    await recordMovement(handle, accountId, { sku, kind: 'adjustment', quantity: -1, actor: `pid ${process.pid}` });
    expectedMilli -= 1000;
  }
}
await handle.close();
process.stdout.write(`${JSON.stringify({ expectedMilli })}\n`);
process.stdin.destroy();
