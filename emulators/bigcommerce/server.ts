// The HTTP front of the BigCommerce emulator: auth by X-Auth-Token on /stores/{hash}/v2|v3/…,
// the per-store request quota, fault injection, request counters, and the /__emulator/ control routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BcError } from './bc-error.ts';
import { CatalogState, type InventoryChange, type Product } from './catalog-state.ts';
import { FaultInjector } from '../common/fault-injector.ts';
import { FaultSettingsError } from '../common/fault-settings.ts';
import { OrderState, type Order } from './order-state.ts';
import { RequestWindow, type RateLimitSettings } from './rate-limit.ts';
import { Router, type ApiReply, type ApiRequest } from './router.ts';
import { catalogRoutes } from './routes/catalog-routes.ts';
import { hookRoutes } from './routes/hook-routes.ts';
import { inventoryRoutes } from './routes/inventory-routes.ts';
import { orderRoutes } from './routes/order-routes.ts';
import { storeRoutes } from './routes/store-routes.ts';
import { applySeed } from './seed.ts';
import { WebhookDispatcher } from './webhook-dispatcher.ts';

export interface BigCommerceEmulatorSettings {
  seed: string;
  delayMs: number;
  rateLimit: RateLimitSettings;
  faults: string | Record<string, unknown> | undefined;
  storeHash: string;
  accessToken: string;
}

interface Counters {
  total: number;
  throttled: number;
  byOperation: Record<string, number>;
}

export class BigCommerceEmulator {
  readonly catalog = new CatalogState();
  readonly orders = new OrderState(this.catalog);
  readonly faults: FaultInjector;
  readonly window: RequestWindow;
  readonly webhooks: WebhookDispatcher;
  private counters: Counters = { total: 0, throttled: 0, byOperation: {} };
  private readonly v3 = new Router();
  private readonly v2 = new Router();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  origin = '';

  constructor(readonly settings: BigCommerceEmulatorSettings) {
    this.faults = new FaultInjector(settings.faults);
    this.window = new RequestWindow(settings.rateLimit);
    this.webhooks = new WebhookDispatcher(settings.storeHash, this.faults, () => this.settings.delayMs);
    applySeed(this.catalog, settings.seed);
    this.buildRoutes();
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.origin = `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await this.webhooks.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private buildRoutes(): void {
    for (const route of catalogRoutes(this.catalog, (product, created) => this.productChanged(product, created))) this.v3.add(route);
    for (const route of inventoryRoutes(this.catalog, () => this.settings.delayMs, (changes) => this.inventoryChanged(changes, false), (fn, ms) => this.later(fn, ms))) {
      this.v3.add(route);
    }
    for (const route of hookRoutes(this.webhooks, this.settings.storeHash)) this.v3.add(route);
    for (const route of orderRoutes(this.orders, () => `${this.origin}/stores/${this.settings.storeHash}`, (order, event, previous, changes) => this.orderChanged(order, event, previous, changes))) {
      this.v2.add(route);
    }
    for (const route of storeRoutes(this.settings.storeHash, () => this.origin)) this.v2.add(route);
  }

  private productChanged(product: Product, created: boolean): void {
    this.webhooks.emit(created ? 'store/product/created' : 'store/product/updated', { type: 'product', id: product.id });
  }

  private inventoryChanged(changes: InventoryChange[], byOrder: boolean): void {
    for (const change of changes) {
      const inventory = { product_id: change.product.id, method: change.method, value: change.value };
      if (change.product.inventory_tracking === 'variant') {
        this.webhooks.emit(byOrder ? 'store/sku/inventory/order/updated' : 'store/sku/inventory/updated', {
          type: 'sku',
          id: change.variant.sku_id ?? change.variant.id,
          inventory: { ...inventory, variant_id: change.variant.id },
        });
      } else {
        this.webhooks.emit(byOrder ? 'store/product/inventory/order/updated' : 'store/product/inventory/updated', { type: 'product', id: change.product.id, inventory });
      }
    }
  }

  private orderChanged(order: Order, event: 'created' | 'statusUpdated', previousStatus: number, changes: InventoryChange[]): void {
    if (event === 'created') this.webhooks.emit('store/order/created', { type: 'order', id: order.id });
    else this.webhooks.emit('store/order/updated', { type: 'order', id: order.id });
    this.webhooks.emit('store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: previousStatus, new_status_id: order.status_id } });
    this.inventoryChanged(changes, true);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    try {
      const raw = await readBody(req);
      if (url.pathname.startsWith('/__emulator/')) {
        send(res, await this.control(req.method ?? 'GET', url.pathname, parseJson(raw, true)));
        return;
      }
      await this.api(req, res, url, raw);
    } catch (error) {
      if (error instanceof BcError) send(res, { status: error.status, body: error.toBody() });
      else send(res, { status: 500, body: { status: 500, title: `Emulator failure: ${(error as Error).message}`, type: '', errors: {} } });
    }
  }

  private async api(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
    const method = req.method ?? 'GET';
    const found = /^\/stores\/([^/]+)\/(v2|v3)(\/.*)$/.exec(url.pathname);
    if (!found) {
      send(res, { status: 404, body: { status: 404, title: 'Not found: the path is not part of the emulated API.', type: '', errors: {} } });
      return;
    }
    const [, hash, version, path] = found;
    const router = version === 'v3' ? this.v3 : this.v2;
    const match = router.match(method, path);
    const operation = match && 'route' in match ? `${method} /${version}${match.route.pattern}` : `${method} /${version}${path}`;
    this.counters.total += 1;
    this.counters.byOperation[operation] = (this.counters.byOperation[operation] ?? 0) + 1;
    const v2Error = (status: number, message: string): ApiReply => ({ status, body: [{ status, message }] });

    if (req.headers['x-auth-token'] !== this.settings.accessToken || hash !== this.settings.storeHash) {
      send(res, version === 'v2' ? v2Error(401, 'You are not authorized.') : { status: 401, body: new BcError(401, 'You are not authorized: the X-Auth-Token is missing or not valid for this store.').toBody() });
      return;
    }
    const verdict = this.window.take();
    const fate = this.faults.nextRequestFault();
    if (!verdict.allowed || fate === 'throttle') {
      this.counters.throttled += 1;
      const headers = { ...verdict.headers };
      if (verdict.allowed) headers['x-rate-limit-requests-left'] = '0';
      send(res, { status: 429, headers, body: version === 'v2' ? [{ status: 429, message: 'Too many requests.' }] : new BcError(429, 'Too many requests: the rate limit for this store is spent until the window resets.').toBody() });
      return;
    }
    if (this.faults.settings.latencyMs > 0) await sleep(this.faults.settings.latencyMs);
    if (fate === 'error') {
      send(res, { status: 503, headers: verdict.headers, body: new BcError(503, 'Service unavailable (injected fault).').toBody() });
      return;
    }
    if (fate === 'timeout') {
      await sleep(this.faults.settings.timeoutMs);
      req.socket.destroy();
      return;
    }
    if (!match) {
      send(res, { status: 404, headers: verdict.headers, body: version === 'v2' ? [{ status: 404, message: 'The requested resource was not found.' }] : new BcError(404, `No route ${method} ${path}.`).toBody() });
      return;
    }
    if (!('route' in match)) {
      send(res, { status: 405, headers: { ...verdict.headers, allow: match.allowed.join(', ') }, body: new BcError(405, `Method ${method} is not allowed here.`).toBody() });
      return;
    }
    let reply: ApiReply;
    try {
      const request: ApiRequest = { method, params: match.params, query: url.searchParams, body: parseJson(raw, false), headers: req.headers };
      reply = await match.route.handler(request);
    } catch (error) {
      if (!(error instanceof BcError)) throw error;
      reply = version === 'v2' ? v2Error(error.status, error.title) : { status: error.status, body: error.toBody() };
    }
    if (fate === 'lostResponse' && match.route.writes) {
      // The write happened; the answer never arrives.
      req.socket.destroy();
      return;
    }
    send(res, { ...reply, headers: { ...verdict.headers, ...(reply.headers ?? {}) } });
  }

  private async control(method: string, path: string, body: unknown): Promise<ApiReply> {
    const input = (body ?? {}) as Record<string, unknown>;
    const cancel = /^\/__emulator\/orders\/([^/]+)\/cancel$/.exec(path);
    if (method === 'POST' && path === '/__emulator/orders') {
      const lines = input.lines;
      if (!Array.isArray(lines) || lines.some((l) => typeof l?.sku !== 'string' || typeof l?.quantity !== 'number')) {
        throw new BcError(400, 'lines must be an array of { sku, quantity }.');
      }
      const { order, changes } = this.orders.place(lines as Array<{ sku: string; quantity: number }>);
      this.orderChanged(order, 'created', 0, changes);
      return { status: 201, body: { id: String(order.id), name: `#${order.id}` } };
    }
    if (method === 'POST' && cancel) {
      const previous = this.orders.get(Number(cancel[1])).status_id;
      const { order, changes } = this.orders.cancel(Number(cancel[1]), input.restock !== false);
      if (previous !== order.status_id) this.orderChanged(order, 'statusUpdated', previous, changes);
      return { status: 200, body: { id: String(order.id) } };
    }
    if (method === 'GET' && path === '/__emulator/state') return { status: 200, body: this.state() };
    if (method === 'POST' && path === '/__emulator/inventory') {
      if (typeof input.sku !== 'string' || !Number.isInteger(input.quantity)) throw new BcError(400, 'Give { sku, quantity } with a whole quantity.');
      const variant = this.catalog.variantBySku(input.sku);
      if (!variant) throw new BcError(404, `No variant has SKU "${input.sku}".`);
      const locationId = input.location === undefined ? this.catalog.defaultLocationId : Number(input.location);
      if (!this.catalog.location(locationId)) throw new BcError(404, `No location ${String(input.location)}.`);
      this.catalog.setInventory(variant, locationId, input.quantity as number);
      this.inventoryChanged([{ product: this.catalog.product(variant.product_id), variant, locationId, value: input.quantity as number, method: 'absolute' }], false);
      return { status: 200, body: { sku: variant.sku, location: String(locationId), quantity: input.quantity } };
    }
    if (method === 'POST' && path === '/__emulator/faults') {
      try {
        return { status: 200, body: this.faults.configure(input) };
      } catch (error) {
        if (error instanceof FaultSettingsError) throw new BcError(400, error.message);
        throw error;
      }
    }
    if (method === 'GET' && path === '/__emulator/requests') return { status: 200, body: this.counters };
    if (method === 'GET' && path === '/__emulator/deliveries') return { status: 200, body: this.webhooks.deliveries };
    if (method === 'POST' && path === '/__emulator/reset') {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      this.catalog.clear();
      this.orders.clear();
      applySeed(this.catalog, this.settings.seed);
      this.webhooks.reset();
      this.faults.configure({});
      this.window.reset();
      this.counters = { total: 0, throttled: 0, byOperation: {} };
      return { status: 200, body: { reset: true } };
    }
    throw new BcError(404, `No control route ${method} ${path}.`);
  }

  private state() {
    const catalog = this.catalog;
    return {
      locations: catalog.locations.map((l) => ({ id: String(l.id), name: l.label })),
      products: [...catalog.products.values()].map((product) => ({
        id: String(product.id),
        title: product.name,
        handle: null,
        status: product.is_visible ? 'visible' : 'hidden',
        description: product.description,
        inventoryTracking: product.inventory_tracking,
        variants: product.variants.map((variant) => ({
          id: String(variant.id),
          sku: variant.sku,
          barcode: variant.upc || null,
          price: (variant.price ?? product.price).toFixed(2),
          options: variant.option_value_ids.map((valueId, i) => product.options[i].option_values.find((v) => v.id === valueId)!.label),
          quantities: Object.fromEntries(catalog.locations.map((l) => [String(l.id), variant.inventory.get(l.id) ?? 0])),
        })),
      })),
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string, control: boolean): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BcError(400, control ? 'The body is not valid JSON.' : 'The request body is not valid JSON.');
  }
}

function send(res: ServerResponse, reply: ApiReply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const isProblem = reply.status >= 400 && !Array.isArray(reply.body);
  headers['content-type'] = isProblem ? 'application/problem+json' : 'application/json';
  res.writeHead(reply.status, headers);
  res.end(JSON.stringify(reply.body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
