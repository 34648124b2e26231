// The HTTP server: control routes first (never faulted), then /wp-json/wc/v3 with request
// counting, fault injection, authentication and the route's permission check.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleControlRoute } from '../common/control-routes.ts';
import { FaultInjector } from '../common/fault-injector.ts';
import { RequestCounter } from '../common/request-counter.ts';
import { readBody, sendJson, sleep } from '../common/http-io.ts';
import type { SeedSpec } from '../common/seed-spec.ts';
import { WooStore } from './woo-store.ts';
import { Router, refusal, type ApiResponse } from './router.ts';
import { registerProductRoutes } from './routes/products.ts';
import { registerVariationRoutes } from './routes/variations.ts';
import { registerAttributeRoutes } from './routes/attributes.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { controlHandlers } from './control-handlers.ts';
import { loadSeed } from './seed-loader.ts';
import { OAuthVerifier } from './oauth-verifier.ts';
import { authenticate } from './authenticate.ts';
import { WooError, noRoute } from './woo-error.ts';
import { isObject } from './input-reader.ts';

export interface ApiServerOptions {
  seed: SeedSpec;
  faults: FaultInjector;
  delayMs: number;
}

function parseBody(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WooError(400, 'rest_invalid_json', 'Invalid JSON body passed.', { json_error_code: 4, json_error_message: 'Syntax error' });
  }
  return isObject(value) ? value : {};
}

export class ApiServer {
  readonly server: Server;
  readonly requests = new RequestCounter();
  private store!: WooStore;
  private router!: Router;
  private readonly oauth = new OAuthVerifier();
  private originValue = 'http://127.0.0.1';

  constructor(private readonly options: ApiServerOptions) {
    this.build();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { code: 'internal_server_error', message: String(error), data: { status: 500 } });
      });
    });
  }

  set origin(value: string) {
    this.originValue = value;
  }

  get woo(): WooStore {
    return this.store;
  }

  /** Back to the seed: a new store, no webhooks, no used nonces. */
  build(): void {
    this.store?.sender.close();
    this.store = new WooStore(this.options.faults, this.options.delayMs, () => this.originValue);
    loadSeed(this.store.catalog, this.options.seed);
    this.router = new Router();
    registerAttributeRoutes(this.router, this.store);
    registerProductRoutes(this.router, this.store);
    registerVariationRoutes(this.router, this.store);
    registerOrderRoutes(this.router, this.store);
    registerWebhookRoutes(this.router, this.store);
    this.oauth.reset();
  }

  close(): void {
    this.store.sender.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const path = url.pathname;
    if (path === '/__emulator/webhooks' && req.method === 'GET') {
      sendJson(res, 200, [...this.store.webhooks.hooks.values()].map(({ secret: _secret, ...h }) => h));
      return;
    }
    const handled = await handleControlRoute(req, res, path, {
      handlers: controlHandlers(this.store, () => this.build()),
      faults: this.options.faults,
      requests: this.requests,
    });
    if (handled) return;

    const method = req.method ?? 'GET';
    const match = path.startsWith('/wp-json/') ? this.router.match(method, path) : null;
    this.requests.count([match ? match.operation : `${method} (no route)`]);

    const faults = this.options.faults;
    const fault = faults.nextRequestFault();
    if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs);
    if (fault === 'timeout') {
      await sleep(faults.settings.timeoutMs);
      req.socket.destroy();
      return;
    }
    if (fault === 'throttle') {
      this.requests.countThrottled();
      sendJson(res, 429, { code: 'too_many_requests', message: 'Too many requests. Try again later.', data: { status: 429 } }, { 'Retry-After': '1' });
      return;
    }
    if (fault === 'error') {
      sendJson(res, 500, { code: 'internal_server_error', message: '<p>There has been a critical error on this website.</p>', data: { status: 500 } });
      return;
    }

    let response: ApiResponse;
    try {
      const raw = await readBody(req);
      const key = authenticate(req, url, this.oauth);
      if (!match) throw noRoute();
      if (!key) throw refusal(match.route.permission);
      response = await match.route.handler({
        req,
        url,
        query: url.searchParams,
        params: match.params,
        body: parseBody(req, raw),
        key,
        origin: `http://${req.headers.host ?? '127.0.0.1'}`,
      });
    } catch (error) {
      if (!(error instanceof WooError)) throw error;
      response = { status: error.status, body: error.toJSON() };
    }
    if (fault === 'lostResponse') {
      // The write is applied; the caller never hears of it.
      req.socket.destroy();
      return;
    }
    sendJson(res, response.status, response.body, response.headers);
  }
}
