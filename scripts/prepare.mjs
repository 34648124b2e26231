// Runs after `npm ci`: builds what must be built. The web app is built when its sources exist.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (existsSync(new URL('../src/web/index.html', import.meta.url))) {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: new URL('..', import.meta.url),
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
