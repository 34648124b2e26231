// The one way routes join the API: each is declared with zod schemas for its params, query and
// body, is authenticated unless marked public, and is recorded so the OpenAPI document lists it.
// Route modules (src/http/routes/*.ts) export `register(router: ApiRouter)`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/handle.ts';
import type { Caller } from '../auth/sessions.ts';
import { authenticateRequest } from './request-auth.ts';
import { ApiError } from './api-error.ts';
import { describeZodError, issueDetails } from './zod-issues.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AppContext {
  handle: DatabaseHandle;
  /** STOCKROOM_SECRET, when the server has one (store credentials are encrypted with a key from it). */
  secret?: string;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Who is calling; every query must be scoped to `caller.accountId`. Throws on a public route. */
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  method: HttpMethod;
  /** Fastify path syntax: `/api/products/:id`. */
  url: string;
  summary: string;
  /** Longer text for the OpenAPI document (rules, what to do instead). */
  description?: string;
  /** Error statuses this route answers besides 400/401/404, each with when (OpenAPI). */
  errors?: Record<number, string>;
  tags?: string[];
  /** No login needed (login itself, webhooks). Everything else is authenticated. */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented response body (not checked at run time). */
  response?: Schema;
  /** Success status; default 200, or 204 when the handler returns undefined. */
  status?: number;
  handler(input: RouteInput<Out<P>, Out<Q>, Out<B>>): unknown;
}

export interface RegisteredRoute {
  method: HttpMethod;
  url: string;
  summary: string;
  description?: string;
  errors: Record<number, string>;
  tags: string[];
  public: boolean;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response?: Schema;
  status: number;
}

function parsePart<S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), { reportInput: true });
  if (!result.success) throw new ApiError(400, 'invalid_input', describeZodError(result.error, where), issueDetails(result.error));
  return result.data as Out<S>;
}

export class ApiRouter {
  readonly routes: RegisteredRoute[] = [];

  constructor(
    readonly fastify: FastifyInstance,
    readonly context: AppContext,
  ) {}

  add<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    this.routes.push({
      method: spec.method,
      url: spec.url,
      summary: spec.summary,
      description: spec.description,
      errors: spec.errors ?? {},
      tags: spec.tags ?? [],
      public: spec.public ?? false,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      response: spec.response,
      status: spec.status ?? (spec.method === 'DELETE' && !spec.response ? 204 : 200),
    });
    const { db } = this.context.handle;
    this.fastify.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const caller = spec.public ? undefined : await authenticateRequest(db, request);
        const params = parsePart(spec.params, request.params, 'path') as Out<P>;
        const query = parsePart(spec.query, request.query, 'query string') as Out<Q>;
        const body = parsePart(spec.body, request.body, 'body') as Out<B>;
        const input: RouteInput<Out<P>, Out<Q>, Out<B>> = {
          params,
          query,
          body,
          get caller(): Caller {
            if (!caller) throw new Error(`${spec.method} ${spec.url} is public and has no caller`);
            return caller;
          },
          request,
          reply,
        };
        const result = await spec.handler(input);
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(spec.status ?? 204).send();
        return reply.code(spec.status ?? 200).send(result);
      },
    });
  }
}

export interface RouteModule {
  register(router: ApiRouter): void | Promise<void>;
}
