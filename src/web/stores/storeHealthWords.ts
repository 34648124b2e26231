// A store's sync health in a shopkeeper's words: the drift at the last check, the platform's push
// limits (from its connector, through the API) and what the server last heard of its rate budget.
import type { GovernorObservation, LastReconcile, RateBudget, StoreLimits } from '../api/types.ts';
import { formatWhen } from '../ui/when.ts';

const count = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export interface DriftSummary {
  text: string;
  /** True while the last check left variants showing the wrong quantity on the store. */
  off: boolean;
}

/** The last reconcile, as "none", "2 variants off" or "none — 3 set right". */
export function driftSummary(run: LastReconcile | null | undefined): DriftSummary {
  if (!run) return { text: 'not checked yet', off: false };
  const remaining = run.found - run.fixed;
  if (remaining > 0) {
    return { text: `${plural(remaining, 'variant')} off${run.fixed > 0 ? ` (${count(run.fixed)} of ${count(run.found)} set right)` : ''}`, off: true };
  }
  return { text: run.found === 0 ? 'none' : `none — ${count(run.fixed)} set right`, off: false };
}

export function rateBudgetText(budget: RateBudget): string {
  switch (budget.kind) {
    case 'cost-bucket':
      return `${count(budget.maximum)}-point bucket, refilling ${count(budget.restorePerSecond)} points/s`;
    case 'request-window':
      return `${plural(budget.quota, 'request')} per ${count(budget.windowMs / 1000)} s`;
    case 'none':
      return 'no rate limit set by the platform';
  }
}

export function batchText(limits: StoreLimits): string {
  const n = limits.quantityBatchSize;
  return `${count(n)} ${n === 1 ? 'quantity' : 'quantities'} per request`;
}

/** What the server's governor last heard, or that it has not spoken to the store since it started. */
export function governorText(seen: GovernorObservation | null | undefined): string {
  if (!seen || seen.requests === 0) return 'No request to the store since the server started.';
  const parts: string[] = [];
  const budget = seen.budget;
  if (budget?.kind === 'cost-bucket') parts.push(`bucket at ${count(budget.available)} of ${count(budget.maximum)} points`);
  else if (budget?.kind === 'request-window') parts.push(`${count(budget.left)} of ${count(budget.quota)} requests left in the window`);
  else parts.push('the store reports no budget');
  parts.push(seen.throttled === 0 ? 'never throttled' : `throttled ${plural(seen.throttled, 'time')}`);
  parts.push(plural(seen.requests, 'request'));
  const sentence = parts.join(' · ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}${seen.lastAnswerAt ? ` (last answer ${formatWhen(seen.lastAnswerAt)})` : ''}.`;
}
