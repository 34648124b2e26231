// bulkOperationRunQuery: runs the inner query over the whole catalogue (connections without
// first/last), writes Shopify's JSONL (one object per line, nested connection nodes as their
// own lines with __parentId) and serves it by URL. Status goes CREATED → RUNNING → COMPLETED.
import { parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { gid } from './gid.ts';
import { userError, type UserError } from './errors.ts';

export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED';

export interface BulkOperationRecord {
  id: number;
  status: BulkStatus;
  query: string;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  errorCode: string | null;
  jsonl: string | null;
}

export class BulkOperationView {
  readonly __typename = 'BulkOperation';
  readonly type = 'QUERY';
  constructor(
    private readonly record: BulkOperationRecord,
    private readonly origin: string,
  ) {}
  get id() {
    return gid('BulkOperation', this.record.id);
  }
  get status() {
    return this.record.status;
  }
  get query() {
    return this.record.query;
  }
  get createdAt() {
    return this.record.createdAt;
  }
  get completedAt() {
    return this.record.completedAt;
  }
  get objectCount() {
    return String(this.record.objectCount);
  }
  get rootObjectCount() {
    return String(this.record.rootObjectCount);
  }
  get fileSize() {
    return this.record.fileSize === null ? null : String(this.record.fileSize);
  }
  get errorCode() {
    return this.record.errorCode;
  }
  get url() {
    return this.record.status === 'COMPLETED' && this.record.objectCount > 0
      ? `${this.origin}/bulk-operations/${this.record.id}.jsonl`
      : null;
  }
  get partialDataUrl() {
    return null;
  }
}

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

function isConnection(value: Json): value is { edges?: Json[]; nodes?: Json[] } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    (Array.isArray((value as Record<string, Json>).edges) || Array.isArray((value as Record<string, Json>).nodes))
  );
}

function connectionNodes(value: { edges?: Json[]; nodes?: Json[] }): Json[] {
  if (value.nodes) return value.nodes;
  return (value.edges ?? []).map((e) => (e as { node: Json }).node);
}

/** Flattens one node into its line (connections removed) followed by its children's lines. */
function flatten(node: Json, parentId: string | null, lines: string[]): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  const own: Record<string, Json> = {};
  const children: Json[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (isConnection(value)) children.push(...connectionNodes(value));
    else own[key] = value;
  }
  if (parentId !== null) own.__parentId = parentId;
  lines.push(JSON.stringify(own));
  const id = typeof own.id === 'string' ? own.id : null;
  for (const child of children) flatten(child, id, lines);
}

export class BulkOperations {
  private records = new Map<number, BulkOperationRecord>();
  private nextId = 3_000_000_000;
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly origin: () => string,
    private readonly delayMs: () => number,
    private readonly now: () => string,
    private readonly run: (document: DocumentNode) => Promise<ExecutionResult>,
  ) {}

  view(record: BulkOperationRecord): BulkOperationView {
    return new BulkOperationView(record, this.origin());
  }

  get(id: number): BulkOperationRecord | undefined {
    return this.records.get(id);
  }

  all(): BulkOperationRecord[] {
    return [...this.records.values()];
  }

  current(): BulkOperationRecord | undefined {
    let latest: BulkOperationRecord | undefined;
    for (const record of this.records.values()) latest = record;
    return latest;
  }

  file(id: number): string | null {
    return this.records.get(id)?.jsonl ?? null;
  }

  start(query: string): { record: BulkOperationRecord | null; userErrors: UserError[] } {
    const running = [...this.records.values()].find((r) => r.status === 'CREATED' || r.status === 'RUNNING');
    if (running) {
      return {
        record: null,
        userErrors: [
          userError(
            null,
            `A bulk query operation for this app and shop is already in progress: ${gid('BulkOperation', running.id)}.`,
            'OPERATION_IN_PROGRESS',
          ),
        ],
      };
    }
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { record: null, userErrors: [userError(['query'], `Invalid bulk query: ${(error as Error).message}`, 'INVALID')] };
    }
    const errors = validate(this.schema, document);
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    if (errors.length === 0 && operation && operation.kind === 'OperationDefinition' && operation.operation !== 'query') {
      return { record: null, userErrors: [userError(['query'], 'Bulk queries must be query operations.', 'INVALID')] };
    }
    if (errors.length > 0) {
      return { record: null, userErrors: [userError(['query'], `Invalid bulk query: ${errors[0].message}`, 'INVALID')] };
    }
    const record: BulkOperationRecord = {
      id: ++this.nextId,
      status: 'CREATED',
      query,
      createdAt: this.now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      errorCode: null,
      jsonl: null,
    };
    this.records.set(record.id, record);
    this.later(0, () => {
      record.status = 'RUNNING';
      this.later(this.delayMs(), () => void this.complete(record, document));
    });
    return { record, userErrors: [] };
  }

  cancel(id: number): BulkOperationRecord | undefined {
    const record = this.records.get(id);
    if (record && (record.status === 'CREATED' || record.status === 'RUNNING')) record.status = 'CANCELED';
    return record;
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.records.clear();
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private async complete(record: BulkOperationRecord, document: DocumentNode): Promise<void> {
    if (record.status !== 'RUNNING') return;
    const result = await this.run(document);
    if (result.errors?.length || !result.data) {
      record.status = 'FAILED';
      record.errorCode = 'INTERNAL_SERVER_ERROR';
      record.completedAt = this.now();
      return;
    }
    const lines: string[] = [];
    let roots = 0;
    for (const value of Object.values(result.data as Record<string, Json>)) {
      const nodes = isConnection(value) ? connectionNodes(value) : [value];
      for (const node of nodes) {
        roots += 1;
        flatten(node, null, lines);
      }
    }
    record.jsonl = lines.length ? `${lines.join('\n')}\n` : '';
    record.objectCount = lines.length;
    record.rootObjectCount = roots;
    record.fileSize = Buffer.byteLength(record.jsonl);
    record.status = 'COMPLETED';
    record.completedAt = this.now();
  }
}
