// Shopify bulk operations: start a query export, wait for it, read its JSONL result line by line.
// Used for the catalogue import and the whole-store quantity read (drift), which would otherwise
// cost thousands of paged requests.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { ChannelError } from '../channel.ts';
import { transportError, type GraphqlClient } from './graphql-client.ts';
import { bulkOperationPoll, bulkOperationRunQuery } from './operations/bulk.ts';
import { bulkOperationPollResult, bulkOperationRunQueryResult, type BulkOperationState } from './payloads/bulk.ts';
import { userErrorsToChannelError } from './user-error-mapping.ts';

export interface BulkExportOptions {
  client: GraphqlClient;
  timeoutMs: number;
  /** First wait between polls; it grows to maxPollIntervalMs. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Give up waiting after this long. */
  maxWaitMs?: number;
}

export async function startBulkExport(options: BulkExportOptions, query: string): Promise<string> {
  const data = await options.client.request(bulkOperationRunQuery, { query }, bulkOperationRunQueryResult);
  const payload = data.bulkOperationRunQuery;
  if (!payload) throw new ChannelError('protocol', 'Shopify returned nothing when asked to start an export.');
  if (payload.userErrors.some((error) => error.code === 'OPERATION_IN_PROGRESS' || error.code === 'LIMIT_REACHED')) {
    throw new ChannelError('unavailable', 'Shopify is still running other exports for this store; it will be retried.', true, 5000);
  }
  if (payload.userErrors.length > 0) throw userErrorsToChannelError('start an export', payload.userErrors);
  if (!payload.bulkOperation) throw new ChannelError('protocol', 'Shopify did not say which export it started.');
  return payload.bulkOperation.id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForBulkExport(options: BulkExportOptions, id: string): Promise<BulkOperationState> {
  const started = Date.now();
  let interval = options.pollIntervalMs ?? 100;
  const maxInterval = options.maxPollIntervalMs ?? 2000;
  const maxWait = options.maxWaitMs ?? 60 * 60 * 1000;
  for (;;) {
    const data = await options.client.request(bulkOperationPoll, { id }, bulkOperationPollResult);
    const operation = data.bulkOperation;
    if (!operation) throw new ChannelError('not_found', 'The Shopify export this import was reading no longer exists; start the import again.');
    if (operation.status === 'COMPLETED') return operation;
    if (operation.status === 'EXPIRED') {
      throw new ChannelError('not_found', 'The Shopify export this import was reading has expired; start the import again.');
    }
    if (operation.status === 'FAILED' || operation.status === 'CANCELED' || operation.status === 'CANCELING') {
      const reason = operation.errorCode ? ` (${operation.errorCode})` : '';
      throw new ChannelError('unavailable', `Shopify's export ended as ${operation.status.toLowerCase()}${reason}; it will be retried.`);
    }
    if (Date.now() - started > maxWait) {
      throw new ChannelError('timeout', `Shopify's export did not finish within ${Math.round(maxWait / 60_000)} minutes.`);
    }
    await sleep(interval);
    interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
  }
}

/** Each JSON object of the export's result file, in file order. No url means an empty result. */
export async function* readBulkResult(options: BulkExportOptions, operation: BulkOperationState): AsyncGenerator<unknown> {
  if (!operation.url) return;
  let response: Response;
  try {
    response = await fetch(operation.url, { signal: AbortSignal.timeout(Math.max(options.timeoutMs * 10, 120_000)) });
  } catch (error) {
    throw transportError(error, 'the export file', options.timeoutMs);
  }
  if (!response.ok || !response.body) {
    throw new ChannelError(response.status >= 500 ? 'unavailable' : 'protocol', `Shopify's export file could not be read (HTTP ${response.status}).`);
  }
  const lines = createInterface({ input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line);
      } catch {
        throw new ChannelError('protocol', "Shopify's export file holds a line that is not JSON.");
      }
    }
  } catch (error) {
    throw transportError(error, 'the export file', options.timeoutMs);
  }
}
