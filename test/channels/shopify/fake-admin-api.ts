// A scripted stand-in for the Admin API endpoint, for the failure shapes the emulator is not
// asked to produce on demand (exact captured error bodies, silence, refused connections).
// Each request gets the next scripted answer; every request is kept for assertions.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  url: string;
  headers: IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown>; operationName?: string };
}

export type ScriptedAnswer =
  | { status: number; json?: unknown; headers?: Record<string, string>; text?: string }
  | { silent: true };

export interface FakeAdminApi {
  url: string;
  requests: RecordedRequest[];
  answer(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakeAdminApi(): Promise<FakeAdminApi> {
  const queue: ScriptedAnswer[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const next = queue.shift() ?? { status: 500, text: 'no scripted answer left' };
      if ('silent' in next) return; // never answers
      response.writeHead(next.status, { 'content-type': 'application/json', ...(next.headers ?? {}) });
      response.end(next.text ?? JSON.stringify(next.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** extensions.cost as Shopify sends it (captures-2026-04). */
export function cost(requested: number, actual: number, available: number, maximum = 2000, restoreRate = 100) {
  return {
    cost: {
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate },
    },
  };
}
