// Serves the built web app (dist/web) at `/`, with unknown non-API paths answered by index.html
// so the app's own router can handle them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export function webAppAvailable(root: string): boolean {
  return existsSync(path.join(root, 'index.html'));
}

export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'] });
}
