// The Shopify emulator: an in-memory shop behind the Admin GraphQL API 2026-07, plus the shared
// /__emulator/ control routes. `start()` serves it over HTTP (in-process for tests; the CLI's
// `stockroom emulate shopify` prints its url and credentials).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { execute } from 'graphql';
import type { StartEmulator, EmulatorOptions } from '../emulator.ts';
import { FaultInjector } from '../common/fault-injector.ts';
import { RequestCounter } from '../common/request-counter.ts';
import { handleControlRoute } from '../common/control-routes.ts';
import { WebhookDispatcher } from '../common/webhook-dispatcher.ts';
import { parseSeedSpec } from '../common/seed-spec.ts';
import { BodyTooLargeError, readBody, sendJson } from '../common/http-io.ts';
import { adminSchema, API_VERSION } from './schema.ts';
import { buildStore } from './seeds.ts';
import type { ShopStore } from './store.ts';
import { WebhookHub } from './webhooks.ts';
import { BulkOperations } from './bulk-operations.ts';
import { IdempotencyLedger } from './idempotency.ts';
import { ShopifyControlActions } from './control-actions.ts';
import { fieldResolver, planRequest, runRequest, throttledAnswer, type EndpointDeps, type GraphQLRequest } from './graphql-endpoint.ts';
import { ThrottleBucket } from './throttle-bucket.ts';
import { queryRoot } from './root-resolvers.ts';
import type { ShopifyContext } from './context.ts';

export const GRAPHQL_PATH = `/admin/api/${API_VERSION}/graphql.json`;
const DEFAULT_DELAY_MS = 1000;

export const start: StartEmulator = async (options: EmulatorOptions = {}) => {
  const schema = adminSchema();
  const seed = parseSeedSpec(options.seed);
  const faults = new FaultInjector(options.faults);
  const requests = new RequestCounter();
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const bucket = new ThrottleBucket(options.rateLimit?.bucketSize ?? 2000, options.rateLimit?.restoreRate ?? 100);
  const accessToken = `shpat_${randomBytes(16).toString('hex')}`;
  const webhookSecret = randomBytes(24).toString('hex');
  let origin = '';

  let store: ShopStore = buildStore(seed);
  const dispatcher = new WebhookDispatcher(faults, () => delayMs);
  let webhooks = new WebhookHub(store, dispatcher, webhookSecret);
  const idempotency = new IdempotencyLedger();
  const contextFor = (bulk: boolean): ShopifyContext => ({ store, webhooks, bulkOperations, idempotency, bulk, searchWarnings: [] });
  const bulkOperations: BulkOperations = new BulkOperations(
    schema,
    () => origin,
    () => delayMs,
    () => store.now(),
    async (document) => execute({ schema, document, rootValue: queryRoot, contextValue: contextFor(true), fieldResolver }),
  );
  const actions = new ShopifyControlActions(() => store, () => webhooks);
  const deps: EndpointDeps = { schema, bucket, context: () => contextFor(false) };

  // Fault delays (latency, held timeouts) end early when the emulator closes.
  const pauses = new Map<NodeJS.Timeout, () => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });

  const control = {
    placeOrder: actions.placeOrder.bind(actions),
    cancelOrder: actions.cancelOrder.bind(actions),
    state: actions.state.bind(actions),
    setInventory: actions.setInventory.bind(actions),
    reset: () => {
      dispatcher.close();
      bulkOperations.clear();
      idempotency.clear();
      store = buildStore(seed);
      webhooks = new WebhookHub(store, dispatcher, webhookSecret);
      bucket.reset();
    },
  };

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = req.headers['x-shopify-access-token'];
    if (token !== accessToken) {
      requests.count([]);
      sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      return;
    }
    let request: GraphQLRequest;
    try {
      const raw = (await readBody(req)).toString('utf8');
      const type = String(req.headers['content-type'] ?? '');
      request = type.includes('application/graphql') ? { query: raw } : (JSON.parse(raw) as GraphQLRequest);
      if (!request || typeof request !== 'object') throw new SyntaxError('not an object');
    } catch (error) {
      requests.count([]);
      const message = error instanceof BodyTooLargeError ? error.message : 'Bad Request: the body is not a JSON object with a "query"';
      sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { errors: message });
      return;
    }
    const plan = planRequest(deps, request);
    const operations = plan.kind === 'run' ? plan.operations : plan.answer.operations;
    requests.count(operations);

    const settings = faults.settings;
    if (settings.latencyMs > 0) await pause(settings.latencyMs);
    const fault = faults.nextRequestFault();
    if (fault === 'timeout') {
      await pause(settings.timeoutMs);
      req.socket.destroy();
      return;
    }
    if (fault === 'error') {
      sendJson(res, 503, { errors: 'Service Unavailable' });
      return;
    }
    if (fault === 'throttle') {
      requests.countThrottled();
      sendJson(res, 200, throttledAnswer(deps, plan.kind === 'run' ? plan.requested : null));
      return;
    }
    const answer = plan.kind === 'run' ? await runRequest(deps, plan) : plan.answer;
    if (answer.throttled) requests.countThrottled();
    if (fault === 'lostResponse') {
      // The change is applied; the client never hears about it.
      req.socket.destroy();
      return;
    }
    sendJson(res, answer.status, answer.body);
  }

  function serveBulkFile(path: string, res: ServerResponse): boolean {
    const match = /^\/bulk-operations\/(\d+)\.jsonl$/.exec(path);
    if (!match) return false;
    const body = bulkOperations.file(Number(match[1]));
    if (body === null) {
      sendJson(res, 404, { errors: 'Not Found' });
    } else {
      res.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }
    return true;
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    void (async () => {
      if (await handleControlRoute(req, res, path, { handlers: control, faults, requests })) return;
      if (req.method === 'GET' && serveBulkFile(path, res)) return;
      if (path === GRAPHQL_PATH && req.method === 'POST') return serveGraphQL(req, res);
      if (/^\/admin\/api\/[^/]+\/graphql\.json$/.test(path)) {
        sendJson(res, 404, { errors: `Not Found: this emulator serves API version ${API_VERSION} only (${GRAPHQL_PATH})` });
        return;
      }
      sendJson(res, 404, { errors: 'Not Found' });
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: `emulator failure: ${(error as Error).message}` });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;

  return {
    platform: 'shopify',
    url: origin,
    credentials: { accessToken, webhookSecret },
    close: async () => {
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer);
        resolve();
      }
      pauses.clear();
      dispatcher.close();
      bulkOperations.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
