// `npm start`: the demo. A fresh embedded database under ./data/demo, the three store emulators
// with their demo catalogues, each connected and imported, and the app at http://localhost:3000.
// Everything goes through the public `stockroom` commands (CONTRACT.md), as a user would script it.
// The emulators keep their stores in memory, so each start begins a fresh demo.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../bin/stockroom.mjs', import.meta.url));
const dataDir = process.env.STOCKROOM_DEMO_DATA ?? `${root}data/demo`;
const port = Number(process.env.PORT ?? 3000);
const login = { email: 'demo@stockroom.local', password: process.env.STOCKROOM_DEMO_PASSWORD ?? 'stockroom-demo' };
const env = {
  ...process.env,
  STOCKROOM_SECRET: process.env.STOCKROOM_SECRET ?? randomBytes(32).toString('hex'),
  STOCKROOM_PUBLIC_URL: process.env.STOCKROOM_PUBLIC_URL ?? `http://127.0.0.1:${port}`,
  // Request logs would bury the login line; LOG_LEVEL=info brings them back.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
delete env.DATABASE_URL; // the demo always runs on the embedded database

const children = new Set();
function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

/** Runs one stockroom command to completion and returns its --json answer. */
function run(args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--data', dataDir, '--json', ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.end(input ?? '');
    child.on('close', (code) => {
      if (code === 0) resolve(stdout.trim() === '' ? null : JSON.parse(stdout));
      else reject(new Error(`stockroom ${args.slice(0, 2).join(' ')} failed: ${stderr.trim().split('\n').pop()}`));
    });
  });
}

/** Starts a long-running stockroom command and resolves with the first line it prints. */
function startLongRunning(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--data', dataDir, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, firstLine: line }));
    child.once('exit', (code) => {
      children.delete(child);
      reject(new Error(`stockroom ${args[0]} ${args[1] ?? ''} exited with ${code}`));
    });
  });
}

async function main() {
  rmSync(dataDir, { recursive: true, force: true });
  console.error('Starting the store emulators…');
  const platforms = ['shopify', 'woocommerce', 'bigcommerce'];
  const emulators = await Promise.all(
    platforms.map(async (platform) => {
      const { firstLine } = await startLongRunning(['emulate', platform, '--seed', 'demo', '--port', '0']);
      return { platform, ...JSON.parse(firstLine) };
    }),
  );

  await run(['migrate']);
  await run(['user', 'add', login.email], `${login.password}\n`);

  for (const emulator of emulators) {
    const name = `Demo ${{ shopify: 'Shopify', woocommerce: 'WooCommerce', bigcommerce: 'BigCommerce' }[emulator.platform]}`;
    try {
      const store = await run(['store', 'connect', '--platform', emulator.platform, '--url', emulator.url, '--credentials', JSON.stringify(emulator.credentials), '--name', name]);
      console.error(`Connected ${name} (${emulator.url}); importing its catalogue…`);
      const summary = await run(['store', 'import', String(store.id), '--wait']);
      console.error(`  ${summary.linked} linked, ${summary.created} created, ${summary.skipped.length} skipped`);
    } catch (error) {
      console.error(`  ${name}: ${error.message}`);
    }
  }

  const { child } = await startLongRunning(['serve', '--port', String(port), '--host', '127.0.0.1']);
  console.error('');
  console.error(`Stockroom is running at http://localhost:${port}`);
  console.error(`Log in as ${login.email} with password ${login.password}`);
  for (const emulator of emulators) console.error(`  ${emulator.platform} emulator: ${emulator.url}`);
  console.error('Press Ctrl+C to stop.');
  child.once('exit', () => {
    stopAll();
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(`The demo could not start: ${error.message}`);
  stopAll();
  process.exit(1);
});
