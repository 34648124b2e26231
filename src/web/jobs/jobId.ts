// Routes that start background work answer with the job (or its id); this reads either shape.
export function jobIdOf(body: unknown): string | null {
  const b = body as { id?: unknown; jobId?: unknown; job?: { id?: unknown } } | null;
  if (!b) return null;
  if (typeof b.jobId === 'string') return b.jobId;
  if (b.job && typeof b.job.id === 'string') return b.job.id;
  if (typeof b.id === 'string' && 'state' in b) return b.id;
  return null;
}
