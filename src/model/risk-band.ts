/** Risk score = likelihood × impact, banded low, medium, high, critical. */

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

export function riskScore(risk: { likelihood: number; impact: number }): number {
  return risk.likelihood * risk.impact;
}

/** low 1–4, medium 5–9, high 10–16, critical 20–25 (products of 1–5 skip 17–19). */
export function riskBand(score: number): RiskBand {
  if (score >= 20) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

export const RISK_BAND_ORDER: readonly RiskBand[] = ['critical', 'high', 'medium', 'low'];
