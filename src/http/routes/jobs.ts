// Background jobs: list, one job with per-item results and errors, live progress as server-sent
// events, and retry of the failed items only. Scoped to the caller's account.
import { z } from 'zod';
import type { ApiRouter } from '../route-registry.ts';
import { idParams } from '../api-schemas.ts';
import { getJob, listJobs, retryJob } from '../../jobs/job-store.ts';
import type { JobView } from '../../jobs/job.ts';

const jobState = z.enum(['queued', 'running', 'done', 'failed']);
const progress = z.object({ done: z.number(), total: z.number() });

const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  storeId: z.string().nullable(),
  state: jobState,
  progress,
  summary: z.unknown(),
  results: z.array(z.object({ item: z.string(), label: z.string().nullable(), state: z.string(), result: z.unknown(), reason: z.string().nullable() })),
  errors: z.array(z.object({ item: z.string(), label: z.string().nullable(), reason: z.string() })),
  itemCounts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const EVENT_POLL_MS = 500;
/** An event stream closes after this long; EventSource reconnects by itself. */
const EVENT_STREAM_MAX_MS = 5 * 60_000;

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'GET',
    url: '/api/jobs',
    summary: 'Recent jobs, newest first',
    tags: ['jobs'],
    query: z.strictObject({
      store: z.string().min(1).optional(),
      state: jobState.optional(),
      kind: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
    response: z.object({
      items: z.array(
        z.object({ id: z.string(), kind: z.string(), storeId: z.string().nullable(), state: jobState, progress, error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable() }),
      ),
    }),
    handler: async ({ caller, query }) => ({
      items: await listJobs(handle, caller.accountId, { storeId: query.store, state: query.state, kind: query.kind, limit: query.limit }),
    }),
  });

  router.add({
    method: 'GET',
    url: '/api/jobs/:id',
    summary: 'A job: state, progress, per-item results and errors, and its summary when done',
    tags: ['jobs'],
    params: idParams,
    response: jobView,
    handler: async ({ caller, params }) => getJob(handle, caller.accountId, params.id),
  });

  router.add({
    method: 'POST',
    url: '/api/jobs/:id/retry',
    summary: 'Run a finished job again for its failed items only',
    tags: ['jobs'],
    status: 202,
    params: idParams,
    response: jobView,
    handler: async ({ caller, params }) => {
      await retryJob(handle, caller.accountId, params.id);
      return getJob(handle, caller.accountId, params.id);
    },
  });

  router.add({
    method: 'GET',
    url: '/api/jobs/:id/events',
    summary: 'Live progress as server-sent events: `progress` whenever it changes, then `end` when the job has finished',
    tags: ['jobs'],
    params: idParams,
    handler: async ({ caller, params, reply, request }) => {
      let view: JobView = await getJob(handle, caller.accountId, params.id); // 404 before the stream starts
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      let closed = false;
      request.raw.on('close', () => (closed = true));
      const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const started = Date.now();
      let last = '';
      while (!closed) {
        const key = `${view.state}:${view.progress.done}/${view.progress.total}:${view.errors.length}`;
        if (key !== last) {
          send('progress', view);
          last = key;
        }
        if (view.state === 'done' || view.state === 'failed') {
          send('end', { id: view.id, state: view.state });
          break;
        }
        if (Date.now() - started > EVENT_STREAM_MAX_MS) break;
        await new Promise((resolve) => setTimeout(resolve, EVENT_POLL_MS));
        if (closed) break;
        view = await getJob(handle, caller.accountId, params.id);
      }
      raw.end();
    },
  });
}
