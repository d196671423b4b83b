/** Key-account selection: attractiveness = Σ weight × (score − 1) / 4, from 0 to 100. */

export interface Criterion {
  weight: number;
  score: number;
}

export function attractiveness(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, c) => sum + (c.weight * (c.score - 1)) / 4, 0);
}

export function totalWeight(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, c) => sum + c.weight, 0);
}
