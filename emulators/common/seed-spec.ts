// The --seed argument: 'empty' | 'demo' | 'gen:N' | a JSON file path.
import { readFileSync } from 'node:fs';

export type SeedSpec =
  | { kind: 'empty' }
  | { kind: 'demo' }
  | { kind: 'generated'; variants: number }
  | { kind: 'file'; path: string; data: unknown };

export class SeedError extends Error {
  readonly code = 'INVALID_SEED';
}

export function parseSeedSpec(seed: string | undefined): SeedSpec {
  const value = (seed ?? 'empty').trim();
  if (value === '' || value === 'empty') return { kind: 'empty' };
  if (value === 'demo') return { kind: 'demo' };
  const gen = /^gen:(\d+)$/.exec(value);
  if (gen) {
    const variants = Number(gen[1]);
    if (variants < 1 || variants > 1_000_000) throw new SeedError(`seed: gen:N needs 1 <= N <= 1000000, got ${variants}`);
    return { kind: 'generated', variants };
  }
  if (value.startsWith('gen:')) throw new SeedError(`seed: "${value}" should be gen:N with N a whole number`);
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch {
    throw new SeedError(`seed: "${value}" is not empty, demo, gen:N or a readable JSON file`);
  }
  try {
    return { kind: 'file', path: value, data: JSON.parse(text) };
  } catch {
    throw new SeedError(`seed: the file ${value} is not valid JSON`);
  }
}
