// Cursors for pages served from a finished bulk export: which export, and how far we got.
// They survive a restart: a later call with the cursor re-reads the export's file.
import { z } from 'zod';
import { ChannelError } from '../channel.ts';

const cursorSchema = z.object({ kind: z.enum(['catalog', 'quantities']), operationId: z.string().min(1), offset: z.number().int().min(0) });

export type ExportCursor = z.infer<typeof cursorSchema>;

export function encodeExportCursor(cursor: ExportCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeExportCursor(text: string, kind: ExportCursor['kind']): ExportCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.kind !== kind) {
    throw new ChannelError('invalid', `That ${kind} cursor was not written by the Shopify connector; start again from the beginning.`, false);
  }
  return result.data;
}
