// The /__emulator/ control routes every emulator answers (CONTRACT.md "Emulators").
// The routes, input validation and the faults/requests/reset plumbing live here; each emulator
// supplies what an order, a cancel, the state and a direct stock edit mean on its platform.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, sendJson } from './http-io.ts';
import type { FaultInjector } from './fault-injector.ts';
import { FaultSettingsError } from './fault-settings.ts';
import type { RequestCounter } from './request-counter.ts';

export const CONTROL_PREFIX = '/__emulator/';

const orderInput = z
  .object({
    lines: z
      .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .min(1),
  })
  .strict();
const cancelInput = z.object({ restock: z.boolean().default(true) }).strict();
const inventoryInput = z
  .object({ sku: z.string().min(1), quantity: z.number().int(), location: z.string().min(1).optional() })
  .strict();

export type OrderInput = z.infer<typeof orderInput>;
export type InventoryInput = z.infer<typeof inventoryInput>;

/** A refusal the control route answers with a 4xx and `{ error: { code, message } }`. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ControlHandlers {
  placeOrder(input: OrderInput): { id: string; name: string };
  cancelOrder(id: string, restock: boolean): { id: string };
  state(): unknown;
  setInventory(input: InventoryInput): unknown;
  /** Back to the seed; counters and faults are reset by the router. */
  reset(): void;
}

export interface ControlContext {
  handlers: ControlHandlers;
  faults: FaultInjector;
  requests: RequestCounter;
}

function parseJson<T>(schema: z.ZodType<T>, raw: Buffer): T {
  let value: unknown = {};
  if (raw.length > 0) {
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ControlError(400, 'INVALID_JSON', 'the request body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'body';
    throw new ControlError(422, 'INVALID_INPUT', `${where}: ${issue.message}`);
  }
  return parsed.data;
}

/** Answers a control route; returns false when the path is not one. Never faulted. */
export async function handleControlRoute(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: ControlContext,
): Promise<boolean> {
  if (!path.startsWith(CONTROL_PREFIX)) return false;
  const route = path.slice(CONTROL_PREFIX.length);
  const method = req.method ?? 'GET';
  try {
    const raw = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    if (method === 'POST' && route === 'orders') {
      sendJson(res, 201, ctx.handlers.placeOrder(parseJson(orderInput, raw)));
    } else if (method === 'POST' && /^orders\/[^/]+\/cancel$/.test(route)) {
      const id = decodeURIComponent(route.split('/')[1]);
      sendJson(res, 200, ctx.handlers.cancelOrder(id, parseJson(cancelInput, raw).restock));
    } else if (method === 'GET' && route === 'state') {
      sendJson(res, 200, ctx.handlers.state());
    } else if (method === 'POST' && route === 'inventory') {
      sendJson(res, 200, ctx.handlers.setInventory(parseJson(inventoryInput, raw)));
    } else if (method === 'POST' && route === 'faults') {
      let value: unknown = {};
      try {
        value = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        throw new ControlError(400, 'INVALID_JSON', 'the request body is not valid JSON');
      }
      sendJson(res, 200, ctx.faults.configure(value));
    } else if (method === 'GET' && route === 'faults') {
      sendJson(res, 200, ctx.faults.settings);
    } else if (method === 'GET' && route === 'requests') {
      sendJson(res, 200, ctx.requests.toJSON());
    } else if (method === 'POST' && route === 'reset') {
      ctx.handlers.reset();
      ctx.requests.reset();
      ctx.faults.configure({});
      sendJson(res, 200, { reset: true });
    } else {
      throw new ControlError(404, 'NOT_FOUND', `no control route ${method} ${path}`);
    }
  } catch (error) {
    if (error instanceof ControlError) {
      sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    } else if (error instanceof FaultSettingsError) {
      sendJson(res, 422, { error: { code: error.code, message: error.message } });
    } else {
      throw error;
    }
  }
  return true;
}
