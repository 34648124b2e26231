// The one way the connector talks to the Admin API: asks the governor, sends one document with a
// timeout, tells the governor what Shopify said of the bucket, turns every failure into a
// ChannelError with a sentence, and parses `data` with the caller's zod schema (never a cast).
import { z } from 'zod';
import { ChannelError, type RequestGovernor } from '../channel.ts';
import { API_VERSION } from './operations/index.ts';
import type { ShopifyOperation } from './operations/operation.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface GraphqlClientOptions {
  /** The store's origin, e.g. https://my-shop.myshopify.com */
  url: string;
  accessToken: string;
  governor: RequestGovernor;
  timeoutMs: number;
}

const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

const costSchema = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: throttleStatusSchema,
});

const graphqlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(graphqlErrorSchema).optional(),
  extensions: z.object({ cost: costSchema.optional() }).loose().optional(),
});

type Cost = z.infer<typeof costSchema>;

export interface GraphqlClient {
  request<Variables, Result>(op: ShopifyOperation<Variables>, variables: Variables, schema: z.ZodType<Result>): Promise<Result>;
}

export function graphqlEndpoint(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/admin/api/${API_VERSION}/graphql.json`;
}

export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const endpoint = graphqlEndpoint(options.url);

  async function send(name: string, body: string): Promise<{ status: number; headers: Headers; text: string }> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-shopify-access-token': options.accessToken,
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      throw transportError(error, name, options.timeoutMs);
    }
  }

  return {
    async request(op, variables, schema) {
      const estimate = op.estimateCost(variables);
      await options.governor.acquire(estimate);
      const { status, headers, text } = await send(op.name, JSON.stringify({ query: op.document, variables, operationName: op.name }));
      throwForStatus(status, headers, options, op.name);

      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ChannelError('protocol', `Shopify answered ${op.name} with something that is not JSON.`);
      }
      const envelope = envelopeSchema.safeParse(json);
      if (!envelope.success) throw new ChannelError('protocol', `Shopify answered ${op.name} in a shape we cannot read.`);
      const cost = envelope.data.extensions?.cost;
      const errors = envelope.data.errors ?? [];
      if (cost) reportCost(options.governor, cost, errors.some((error) => error.extensions?.code === 'THROTTLED'));

      if (errors.length > 0) throw graphqlError(errors, cost, estimate, op.name);

      const parsed = schema.safeParse(envelope.data.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown';
        throw new ChannelError('protocol', `Shopify answered ${op.name} in a shape we cannot read (${where}).`);
      }
      return parsed.data;
    },
  };
}

function reportCost(governor: RequestGovernor, cost: Cost, throttled: boolean): void {
  governor.report({
    kind: 'cost-bucket',
    available: cost.throttleStatus.currentlyAvailable,
    maximum: cost.throttleStatus.maximumAvailable,
    restorePerSecond: cost.throttleStatus.restoreRate,
    actualCost: cost.actualQueryCost ?? 0,
    ...(throttled ? { throttled } : {}),
  });
}

/** How long until the bucket holds what the refused query asked for. */
export function throttleWaitMs(requested: number, available: number, restorePerSecond: number): number {
  if (restorePerSecond <= 0) return 1000;
  const deficit = Math.max(0, requested - available);
  return Math.max(1, Math.ceil((deficit / restorePerSecond) * 1000));
}

function graphqlError(errors: z.infer<typeof graphqlErrorSchema>[], cost: Cost | undefined, estimate: number, name: string): ChannelError {
  const codes = errors.map((error) => error.extensions?.code ?? '');
  if (codes.includes('THROTTLED')) {
    const requested = cost?.requestedQueryCost ?? estimate;
    const wait = cost ? throttleWaitMs(requested, cost.throttleStatus.currentlyAvailable, cost.throttleStatus.restoreRate) : 1000;
    return new ChannelError('throttled', 'Shopify asked us to slow down (query cost budget used up); it will be retried.', true, wait);
  }
  if (codes.includes('ACCESS_DENIED')) {
    return new ChannelError('auth', `The Shopify access token is not allowed to do this (${name}); give the app the missing access scopes.`);
  }
  if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('SERVICE_UNAVAILABLE')) {
    return new ChannelError('unavailable', `Shopify had an internal error during ${name}; it will be retried.`);
  }
  return new ChannelError('protocol', `Shopify refused ${name}: ${errors[0]?.message ?? 'no reason given'}`);
}

function throwForStatus(status: number, headers: Headers, options: GraphqlClientOptions, name: string): void {
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) {
    throw new ChannelError('auth', 'Shopify refused the access token: check the Admin API access token of the store connection.');
  }
  if (status === 402 || status === 423) {
    throw new ChannelError('auth', 'Shopify says this store is frozen or locked; the shop owner must reactivate it in Shopify.');
  }
  if (status === 404) {
    throw new ChannelError('not_found', `No Shopify store answers at ${options.url}; check the store address.`);
  }
  if (status === 429) {
    const seconds = Number(headers.get('retry-after'));
    const wait = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * 1000) : 1000;
    options.governor.report({ kind: 'retry-after', ms: wait });
    throw new ChannelError('throttled', 'Shopify asked us to slow down (too many requests); it will be retried.', true, wait);
  }
  if (status >= 500) {
    throw new ChannelError('unavailable', `Shopify is not answering properly right now (HTTP ${status} on ${name}); it will be retried.`);
  }
  throw new ChannelError('protocol', `Shopify answered ${name} with HTTP ${status}.`);
}

export function transportError(error: unknown, what: string, timeoutMs: number): ChannelError {
  if (error instanceof ChannelError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ChannelError('timeout', `Shopify did not answer ${what} within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}; it will be retried.`);
  }
  return new ChannelError('unavailable', `Could not reach Shopify for ${what} (network error); it will be retried.`);
}
