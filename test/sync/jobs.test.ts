import { expect, it } from 'vitest';
import { forEachDialect } from '../support/databases.ts';
import { ensureDefaultAccount } from '../../src/accounts/accounts.ts';
import { enqueueJob, getJob, listJobs, retryJob } from '../../src/jobs/job-store.ts';
import { claimJob } from '../../src/jobs/job-claim.ts';
import { runDueJobs } from '../../src/jobs/job-runner.ts';
import { runJobUntilFinished } from '../../src/jobs/wait-for-job.ts';
import type { JobHandler, JobHandlers } from '../../src/jobs/job.ts';

forEachDialect('jobs', (getHandle) => {
  const run = (handlers: JobHandlers, owner = 'worker-1', leaseMs = 5_000) => runDueJobs(getHandle(), handlers, { owner, leaseMs });

  it('runs a queued job, records progress, per-item results and the summary', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const handler: JobHandler = async (ctx) => {
      const items = (ctx.payload as { items: string[] }).items;
      let done = 0;
      for (const item of items) {
        if (item.startsWith('bad')) await ctx.recordItem(item, { state: 'failed', reason: `${item} is broken` });
        else await ctx.recordItem(item, { state: 'done', label: item.toUpperCase(), result: { length: item.length } });
        await ctx.setProgress(++done, items.length);
      }
      return { handled: items.length };
    };
    const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'count', payload: { items: ['a', 'bad1', 'ccc'] } });
    expect((await getJob(getHandle(), account.id, id)).state).toBe('queued');
    expect(await run({ count: handler })).toBe(1);
    const view = await getJob(getHandle(), account.id, id);
    expect(view.state).toBe('done');
    expect(view.progress).toEqual({ done: 3, total: 3 });
    expect(view.summary).toEqual({ handled: 3 });
    expect(view.results.map((r) => [r.item, r.label, r.result])).toEqual(
      expect.arrayContaining([
        ['a', 'A', { length: 1 }],
        ['ccc', 'CCC', { length: 3 }],
      ]),
    );
    expect(view.errors).toEqual([{ item: 'bad1', label: null, reason: 'bad1 is broken' }]);
    expect((await listJobs(getHandle(), account.id)).map((job) => job.id)).toContain(id);
  });

  it('retries only the failed items', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const attempted: string[] = [];
    let healed = false;
    const handler: JobHandler = async (ctx) => {
      for (const item of ['x', 'y', 'z']) {
        const state = await ctx.itemState(item);
        if (state === 'done') continue;
        attempted.push(item);
        if (item === 'y' && !healed) await ctx.recordItem(item, { state: 'failed', reason: 'store unavailable' });
        else await ctx.recordItem(item, { state: 'done' });
      }
      return null;
    };
    const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'retryable' });
    await run({ retryable: handler });
    expect((await getJob(getHandle(), account.id, id)).errors).toHaveLength(1);
    await expect(retryJob(getHandle(), account.id, 'no-such-job')).rejects.toThrow(/No job/);
    healed = true;
    await retryJob(getHandle(), account.id, id);
    await run({ retryable: handler });
    expect(attempted).toEqual(['x', 'y', 'z', 'y']);
    const view = await getJob(getHandle(), account.id, id);
    expect(view.state).toBe('done');
    expect(view.errors).toEqual([]);
  });

  it('resumes a job whose worker died, from its checkpoint, once the lease expires', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'resumable' });
    // A worker claims it, saves a checkpoint and "dies" (never renews, never finishes).
    const claimed = await claimJob(getHandle(), { owner: 'dead-worker', leaseMs: 300, jobId: id });
    expect(claimed?.id).toBe(id);
    await getHandle().db.updateTable('job').set({ checkpoint: JSON.stringify({ page: 7 }) }).where('id', '=', id).execute();
    const seen: unknown[] = [];
    const handlers = { resumable: async (ctx: Parameters<JobHandler>[0]) => (seen.push(ctx.checkpoint), 'ok') };
    // While the lease holds, nobody else takes it.
    expect(await claimJob(getHandle(), { owner: 'other', leaseMs: 300, jobId: id })).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await run(handlers, 'worker-2')).toBeGreaterThanOrEqual(1);
    expect(seen).toEqual([{ page: 7 }]);
    const view = await getJob(getHandle(), account.id, id);
    expect(view.state).toBe('done');
    expect(view.attempts).toBe(2);
  });

  it('never hands one job to two concurrent claimers', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const ids = await Promise.all([0, 1, 2, 3].map(() => enqueueJob(getHandle(), { accountId: account.id, kind: 'race' })));
    const claims = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) => claimJob(getHandle(), { owner: `w${n}`, leaseMs: 5_000, kinds: ['race'] })),
    );
    const got = claims.filter((claim) => claim !== null).map((claim) => claim!.id);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([...ids].sort());
  });

  it('runs one job of a kind per store at a time', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const first = await enqueueJob(getHandle(), { accountId: account.id, kind: 'serial', storeId: 'store-a' });
    const second = await enqueueJob(getHandle(), { accountId: account.id, kind: 'serial', storeId: 'store-a' });
    const elsewhere = await enqueueJob(getHandle(), { accountId: account.id, kind: 'serial', storeId: 'store-b' });
    const claim = (owner: string) => claimJob(getHandle(), { owner, leaseMs: 300, kinds: ['serial'] });
    expect((await claim('w1'))?.id).toBe(first);
    expect((await claim('w2'))?.id).toBe(elsewhere); // store-a is busy; store-b is not
    expect(await claim('w3')).toBeNull();
    expect(await claimJob(getHandle(), { owner: 'w3', leaseMs: 300, jobId: second })).toBeNull();
    // Once the first job's lease has expired (its worker died), the queue moves on.
    await new Promise((resolve) => setTimeout(resolve, 350));
    const next = await claim('w4');
    expect([first, elsewhere]).toContain(next?.id);
  });

  it('fails a job whose handler throws, with the sentence, and --wait returns it', async () => {
    const account = await ensureDefaultAccount(getHandle());
    const id = await enqueueJob(getHandle(), { accountId: account.id, kind: 'boom' });
    const view = await runJobUntilFinished(getHandle(), account.id, id, {
      handlers: {
        boom: async () => {
          throw new Error('The store refused the credentials.');
        },
      },
    });
    expect(view.state).toBe('failed');
    expect(view.error).toBe('The store refused the credentials.');
  });
});
