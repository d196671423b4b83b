/**
 * Relationship coverage (spec v2, "Computed signals"): of a plan's
 * stakeholders with influence `high` or `decisive`, the share that have an
 * owner and whose contact is not overdue; and which of a decision-maker, a
 * champion and a coach the plan lacks.
 */
import type { Stakeholder } from '../schema/stakeholder.ts';
import type { IsoDate } from './dates.ts';
import { isContactOverdue } from './due.ts';

/** A stakeholder whose view weighs enough that the relationship must be held. */
export function isKeyStakeholder(s: Pick<Stakeholder, 'influence'>): boolean {
  return s.influence === 'high' || s.influence === 'decisive';
}

/** The checker's warning: a high-influence skeptic or blocker nobody on our side owns. */
export function isUnownedOpponent(s: Pick<Stakeholder, 'influence' | 'stance' | 'owner'>): boolean {
  return isKeyStakeholder(s) && (s.stance === 'skeptic' || s.stance === 'blocker') && !s.owner;
}

/** What a plan's relationship map lacks, in the order the spec names them. */
export const COVERAGE_ROLES = ['decision-maker', 'champion', 'coach'] as const;
export type CoverageRole = (typeof COVERAGE_ROLES)[number];

export interface CoverageGap {
  id: string;
  name: string;
  /** No owner of ours, or an owner whose contact is overdue. */
  reason: 'no-owner' | 'contact-overdue';
}

export interface Coverage {
  /** Stakeholders with influence high or decisive. */
  key: number;
  /** Of those, the ones with an owner and no overdue contact. */
  covered: number;
  /** covered / key, 0 to 1; undefined (unknown) when the plan has no key stakeholder. */
  share?: number;
  /** The key stakeholders not covered, in the order the plan lists them. */
  gaps: CoverageGap[];
  /** Which of a decision-maker (role), a champion (stance) and a coach (role) no stakeholder of the plan is. */
  lacks: CoverageRole[];
}

/** Below this share a plan is listed on /attention/. */
export const COVERAGE_ATTENTION = 0.5;

export function relationshipCoverage(stakeholders: readonly Stakeholder[], today: IsoDate): Coverage {
  const key = stakeholders.filter(isKeyStakeholder);
  const gaps: CoverageGap[] = [];
  for (const s of key) {
    if (!s.owner) gaps.push({ id: s.id, name: s.name, reason: 'no-owner' });
    else if (isContactOverdue(s, today)) gaps.push({ id: s.id, name: s.name, reason: 'contact-overdue' });
  }
  const covered = key.length - gaps.length;
  const has: Record<CoverageRole, boolean> = {
    'decision-maker': stakeholders.some((s) => s.role === 'decision-maker'),
    champion: stakeholders.some((s) => s.stance === 'champion'),
    coach: stakeholders.some((s) => s.role === 'coach'),
  };
  return {
    key: key.length,
    covered,
    share: key.length === 0 ? undefined : covered / key.length,
    gaps,
    lacks: COVERAGE_ROLES.filter((r) => !has[r]),
  };
}

/** Listed on /attention/: coverage under 50%, or no decision-maker or no champion (a missing coach is only shown on the plan). */
export function coverageNeedsAttention(c: Coverage): boolean {
  return (c.share !== undefined && c.share < COVERAGE_ATTENTION) || c.lacks.includes('decision-maker') || c.lacks.includes('champion');
}
