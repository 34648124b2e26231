// Background jobs the user started (publish, import, reconcile …): followed live through the
// job's server-sent events, with polling as the fallback, for as long as the app is open —
// whichever screen the user is on. The header's indicator and the store screen read from here.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { Job } from '../api/types.ts';
import { itemsOf } from '../ui/useMasterData.ts';

interface JobsState {
  jobs: Record<string, Job>;
  follow(jobId: string): void;
  refresh(jobId: string): Promise<Job | null>;
}

const JobsContext = createContext<JobsState | null>(null);
const finished = (job: Job | undefined) => job?.state === 'done' || job?.state === 'failed';

export function JobsProvider({ children }: { children: ReactNode }) {
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const followers = useRef(new Map<string, () => void>());

  const refresh = useCallback(async (jobId: string) => {
    try {
      const job = await api.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`);
      setJobs((all) => ({ ...all, [jobId]: job }));
      return job;
    } catch {
      return null;
    }
  }, []);

  const follow = useCallback(
    (jobId: string) => {
      if (followers.current.has(jobId)) return;
      let stopped = false;
      let source: EventSource | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const stop = () => {
        stopped = true;
        source?.close();
        if (timer) clearTimeout(timer);
        followers.current.delete(jobId);
      };
      followers.current.set(jobId, stop);
      // Each event only says "something changed"; the job itself is re-read, so the app does
      // not depend on the event's exact payload.
      const check = async () => {
        const job = await refresh(jobId);
        if (finished(job ?? undefined)) stop();
      };
      try {
        source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
        source.onmessage = () => void check();
        source.addEventListener('progress', () => void check());
        source.addEventListener('end', () => void check());
        source.onerror = () => {
          source?.close();
          source = null;
        };
      } catch {
        source = null;
      }
      const poll = async () => {
        if (stopped) return;
        await check();
        if (!stopped) timer = setTimeout(poll, source ? 2000 : 700);
      };
      void poll();
    },
    [refresh],
  );

  // Jobs still running from before a reload are followed again.
  useEffect(() => {
    api
      .get<unknown>('/api/jobs', { limit: 20 })
      .then((body) => {
        for (const job of itemsOf(body) as unknown as Job[]) {
          if (finished(job)) continue;
          setJobs((all) => ({ ...all, [job.id]: { ...job, results: job.results ?? [], errors: job.errors ?? [] } }));
          follow(job.id);
        }
      })
      .catch(() => undefined);
    const current = followers.current;
    return () => current.forEach((stop) => stop());
  }, [follow]);

  return <JobsContext.Provider value={{ jobs, follow, refresh }}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobsState {
  const state = useContext(JobsContext);
  if (!state) throw new Error('useJobs outside JobsProvider');
  return state;
}

export const jobKindLabels: Record<string, string> = {
  'store-publish': 'Publishing products',
  'store-import': 'Importing the store',
  'store-reconcile': 'Repairing drift',
  publish: 'Publishing products',
  import: 'Importing the store',
  reconcile: 'Repairing drift',
  retry: 'Retrying failed items',
};
