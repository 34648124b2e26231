import { describe, expect, it } from 'vitest';
import { fitLabel, fitProduct, type FitInput } from '../../src/sync/publish/fit.ts';

const shopify = { maxOptions: 3, maxVariants: 2048 };

function product(attributeNames: string[], rows: string[][]): FitInput {
  return {
    attributes: attributeNames.map((name, index) => ({ name, values: [...new Set(rows.map((row) => row[index]))] })),
    variants: rows.map((row, index) => ({ id: `v${index}`, sku: `SKU-${index}`, optionValues: row })),
  };
}

describe('fit policy', () => {
  it('fits a product within the limits as it is', () => {
    const fit = fitProduct(product(['Color', 'Size'], [['Red', 'S'], ['Red', 'M']]), shopify, 'merge');
    expect(fitLabel(fit)).toBe('yes');
    if (fit.kind === 'blocked') throw new Error('blocked');
    expect(fit.options).toEqual([
      { name: 'Color', values: ['Red'] },
      { name: 'Size', values: ['S', 'M'] },
    ]);
    expect(fit.variantValues.get('v1')).toEqual(['Red', 'M']);
  });

  it('merges surplus attributes into the last allowed option', () => {
    const rows = [
      ['Red', 'S', 'Slim', '30', '32'],
      ['Red', 'S', 'Slim', '30', '34'],
      ['Blue', 'M', 'Slim', '32', '32'],
    ];
    const fit = fitProduct(product(['Color', 'Size', 'Cut', 'Length', 'Width'], rows), shopify, 'merge');
    expect(fit.kind).toBe('merged');
    if (fit.kind !== 'merged') throw new Error('not merged');
    expect(fit.options.map((o) => o.name)).toEqual(['Color', 'Size', 'Cut / Length / Width']);
    expect(fit.options[2].values).toEqual(['Slim / 30 / 32', 'Slim / 30 / 34', 'Slim / 32 / 32']);
    expect(fit.variantValues.get('v1')).toEqual(['Red', 'S', 'Slim / 30 / 34']);
    expect(fitLabel(fit)).toBe('merged: Cut, Length, Width folded into one option "Cut / Length / Width"');
  });

  it('merges two surplus of four into `Length / Width`', () => {
    const fit = fitProduct(product(['Color', 'Size', 'Length', 'Width'], [['Red', 'S', '30', '32']]), shopify, 'merge');
    if (fit.kind !== 'merged') throw new Error('not merged');
    expect(fit.options[2]).toEqual({ name: 'Length / Width', values: ['30 / 32'] });
  });

  it('blocks surplus attributes under the skip policy, with the reason', () => {
    const fit = fitProduct(product(['A', 'B', 'C', 'D', 'E'], [['1', '2', '3', '4', '5']]), shopify, 'skip');
    expect(fitLabel(fit)).toBe("blocked: it has 5 attributes and the store takes at most 3 (the store's policy is to skip such products)");
  });

  it('blocks more variants than the store takes, whatever the policy', () => {
    const rows = Array.from({ length: 2049 }, (_, index) => [String(index)]);
    expect(fitLabel(fitProduct(product(['Size'], rows), shopify, 'merge'))).toBe('blocked: it has 2,049 variants and the store takes at most 2,048');
  });

  it('blocks variants without a SKU', () => {
    const input = product(['Size'], [['S'], ['M']]);
    input.variants[1].sku = '  ';
    expect(fitLabel(fitProduct(input, shopify, 'merge'))).toMatch(/^blocked: 1 variant has no SKU/);
  });
});
