// The Stockroom HTTP application, assembled but not listening (server.ts listens), so tests build
// exactly what runs.
//
// Adding routes: write `src/http/routes/<name>.ts` exporting `register(router: ApiRouter)` that
// calls `router.add({ method, url, summary, params?, query?, body?, handler })`, then add ONE line
// to `routeModules` below. The OpenAPI document then lists the routes too.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../db/handle.ts';
import { ApiRouter, type RouteModule } from './route-registry.ts';
import { handleError } from './error-response.ts';
import { installFormBodyParser, installJsonBodyParser } from './json-body.ts';
import { DEFAULT_WEB_ROOT, serveWebApp, webAppAvailable } from './web-app.ts';

const routeModules: RouteModule[] = [
  await import('./routes/auth.ts'),
  await import('./routes/users.ts'),
  await import('./routes/api-tokens.ts'),
  await import('./routes/master-data.ts'),
  await import('./routes/products.ts'),
  await import('./routes/variants.ts'),
  await import('./routes/stock.ts'),
  await import('./routes/till.ts'),
  await import('./routes/webhooks.ts'),
  await import('./routes/store-stock.ts'),
  await import('./routes/stores.ts'),
  await import('./routes/jobs.ts'),
  await import('./routes/sync-log.ts'),
  await import('./routes/openapi.ts'),
];

export interface BuildAppOptions {
  handle: DatabaseHandle;
  /** STOCKROOM_SECRET (store credentials are encrypted with a key derived from it). */
  secret?: string;
  /** A pino logger (see createLogger in logger.ts); none by default. */
  logger?: Logger;
  /** Where the built web app is; default dist/web. Pass null to serve no web app. */
  webRoot?: string | null;
  /** Behind a TLS-terminating proxy: believe X-Forwarded-Proto (the session cookie is Secure over https). */
  trustProxy?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route added through the ApiRouter, with its schemas (the OpenAPI document's source). */
    apiRouter: ApiRouter;
    /** Every route Fastify knows, however it was added (tests check each is documented). */
    allRoutes: Array<{ method: string; url: string }>;
  }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }) as unknown as FastifyInstance;
  const allRoutes: Array<{ method: string; url: string }> = [];
  app.decorate('allRoutes', allRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) allRoutes.push({ method, url: route.url });
  });

  installJsonBodyParser(app);
  installFormBodyParser(app);
  await app.register(fastifyCookie);
  app.setErrorHandler(handleError);

  const router = new ApiRouter(app, { handle: options.handle, secret: options.secret });
  app.decorate('apiRouter', router);
  for (const module of routeModules) await module.register(router);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const withWeb = webRoot !== null && webAppAvailable(webRoot);
  if (withWeb) await serveWebApp(app, webRoot);

  app.setNotFoundHandler((request, reply) => {
    const apiPath = request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/webhooks/');
    if (withWeb && !apiPath && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'not_found', message: `There is no route ${request.method} ${request.url.split('?')[0]}.`, details: null },
    });
  });
  return app;
}
