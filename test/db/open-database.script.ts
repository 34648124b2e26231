// Run as a separate OS process by handle.test.ts: opens (and so migrates) the database named on the
// command line once "go" arrives on stdin, then prints the migrations it finds.
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/handle.ts';

const options = JSON.parse(process.argv[2]) as { dataDir?: string; url?: string };
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const handle = await openDatabase(options);
const rows = await handle.db.selectFrom('kysely_migration' as never).select(sql<string>`name`.as('name')).execute();
await handle.close();
process.stdout.write(`${JSON.stringify(rows.map((row) => row.name))}\n`);
process.stdin.destroy();
