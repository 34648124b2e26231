// Builds the web app into dist/web when it is missing or older than any file under src/web.
// Browser test files may start at once on two workers, so the build takes a lock directory.
import { mkdirSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_ROOT = path.join(root, 'dist/web');
const sources = path.join(root, 'src/web');
const lock = path.join(root, 'dist/.web-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  const index = path.join(WEB_ROOT, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSource(sources);
}

export async function ensureWebBuilt(): Promise<void> {
  if (upToDate()) return;
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds it; a lock older than two minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another process to build the web app.');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  try {
    if (upToDate()) return;
    const result = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
