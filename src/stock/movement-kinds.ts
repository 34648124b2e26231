import type { MovementKind } from '../db/schema.ts';

export const MOVEMENT_KINDS: readonly MovementKind[] = [
  'opening',
  'sale',
  'return',
  'receipt',
  'adjustment',
  'count',
  'transfer',
  'channel_order',
  'channel_refund',
];

/**
 * How a kind's quantity (as a person enters it) changes the level: "out" kinds take a positive
 * quantity away, "in" kinds add a positive quantity, an adjustment adds a signed quantity, a count
 * sets the level, a transfer moves a positive quantity between two locations.
 */
export type KindRule = 'in' | 'out' | 'signed' | 'set' | 'move';

export const KIND_RULES: Record<MovementKind, KindRule> = {
  opening: 'in',
  sale: 'out',
  return: 'in',
  receipt: 'in',
  adjustment: 'signed',
  count: 'set',
  transfer: 'move',
  channel_order: 'out',
  channel_refund: 'in',
};

export function isMovementKind(value: string): value is MovementKind {
  return (MOVEMENT_KINDS as readonly string[]).includes(value);
}
