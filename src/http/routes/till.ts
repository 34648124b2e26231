// The till: a sale or return of several lines, scanned by SKU or barcode (decimal quantities for
// per-unit products), in one transaction — all lines are recorded or none. A line may be an
// unallocated item (a description and a price): it becomes a product in Unallocated. A scanned code
// of an archived product still sells (the ledger records what happened at the counter), and the
// answer warns that the product is archived (decision 40).
import { z } from 'zod';
import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../../db/ids.ts';
import { createProductIn } from '../../catalog/products.ts';
import { recordMovementIn } from '../../stock/record-movement.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { ApiRouter } from '../route-registry.ts';
import { actorOf } from '../caller-actor.ts';
import { money, quantity } from '../api-schemas.ts';

const tillLine = z
  .strictObject({
    code: z.string().trim().min(1).optional().describe('SKU or barcode'),
    unallocated: z
      .strictObject({ description: z.string().trim().min(1), price: money, taxGroupId: z.string().optional() })
      .optional()
      .describe('an item not in the catalogue: it is created in Unallocated'),
    quantity,
  })
  .refine((line) => (line.code === undefined) !== (line.unallocated === undefined), 'A line needs either a code or an unallocated item (one of them).');

const saleLineView = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string().nullable(),
  quantity: z.number(),
  onHand: z.number(),
  created: z.boolean(),
  archived: z.boolean().describe('the product is archived: the line is recorded all the same, and `warnings` says so'),
});

export function register(router: ApiRouter): void {
  const { handle } = router.context;

  router.add({
    method: 'POST',
    url: '/api/till/sales',
    summary: 'Ring up a sale or a return at a location (default Main); all lines or none',
    tags: ['till'],
    status: 201,
    body: z.strictObject({
      kind: z.enum(['sale', 'return']).default('sale'),
      location: z.string().optional(),
      lines: z.array(tillLine).min(1),
    }),
    response: z.object({
      reference: z.string(),
      kind: z.enum(['sale', 'return']),
      lines: z.array(saleLineView),
      warnings: z.array(z.string()).describe('one sentence per line that sold or took back an archived product; the sale is recorded all the same'),
    }),
    handler: async ({ caller, body }) => {
      const reference = `till:${newId()}`;
      const actor = actorOf(caller);
      const warnings: string[] = [];
      const lines = await inTransaction(handle, async (trx) => {
        const recorded: Array<z.infer<typeof saleLineView>> = [];
        for (const [index, line] of body.lines.entries()) {
          let variantId: string | undefined;
          let created = false;
          if (line.unallocated) {
            const product = await createProductIn(trx, caller.accountId, {
              name: line.unallocated.description,
              taxGroupId: line.unallocated.taxGroupId ?? null,
              variants: [{ price: line.unallocated.price }],
            });
            variantId = product.variants[0].id;
            created = true;
          }
          const result = await withLineNumber(index, () =>
            recordMovementIn(trx, caller.accountId, {
              ...(variantId ? { variantId } : { code: line.code }),
              kind: body.kind,
              quantity: line.quantity,
              location: body.location,
              actor,
              reference,
            }),
          );
          const variant = await trx
            .selectFrom('variant')
            .innerJoin('product', 'product.id', 'variant.product_id')
            .select(['variant.id', 'variant.product_id', 'variant.sku', 'product.name', 'product.status'])
            .where('variant.account_id', '=', caller.accountId)
            .where('variant.id', '=', result.movement.variantId)
            .executeTakeFirstOrThrow();
          const archived = variant.status === 'archived';
          if (archived) warnings.push(archivedWarning(index, variant.name, variant.sku ?? line.code ?? '', body.kind));
          recorded.push({ variantId: variant.id, productId: variant.product_id, sku: variant.sku, quantity: line.quantity, onHand: result.onHand, created, archived });
        }
        return recorded;
      });
      return { reference, kind: body.kind, lines, warnings };
    },
  });
}

function archivedWarning(index: number, productName: string, code: string, kind: 'sale' | 'return'): string {
  return `Line ${index + 1}: "${productName}" (${code}) is archived; the ${kind} is recorded all the same. Restore the product in its editor if it is back on sale.`;
}

async function withLineNumber<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) error.message = `Line ${index + 1}: ${error.message}`;
    throw error;
  }
}
