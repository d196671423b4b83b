/**
 * The portfolio scorecard: plans × perspectives, worst health first, whole or
 * grouped by tier, owner or industry. Its plans are the public ones: a
 * restricted plan's scorecard is in its area only.
 */
import type { PersonView, PlanView } from './portfolio.ts';
import type { HealthBand } from './scorecard.ts';
import { TIERS, type Tier } from '../schema/plan.ts';

/** Worst first; a plan with no measured perspective last, since there is nothing to judge. */
export const BAND_ORDER: readonly HealthBand[] = ['red', 'amber', 'green', 'unknown'];

export const TIER_LABELS: Record<Tier, string> = { strategic: 'Strategic', key: 'Key', growth: 'Growth', maintain: 'Maintain' };

/** Lowest health first, unknown health last, equal health by account name. */
export function worstFirst(plans: readonly PlanView[]): PlanView[] {
  return [...plans].sort((a, b) => {
    const sa = a.health.score ?? Infinity;
    const sb = b.health.score ?? Infinity;
    return sa === sb ? byAccount(a, b) : sa - sb;
  });
}

/** The plans of each health band, bands in `BAND_ORDER`, empty bands left out, each worst first. */
export function bandGroups(plans: readonly PlanView[]): { band: HealthBand; plans: PlanView[] }[] {
  const sorted = worstFirst(plans);
  return BAND_ORDER.map((band) => ({ band, plans: sorted.filter((p) => p.health.band === band) }))
    .filter((g) => g.plans.length > 0);
}

export const GROUPINGS = ['tier', 'owner', 'industry'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface PlanGroup {
  /** Safe in an element id: a tier, a person id, or the industry in kebab-case. */
  key: string;
  label: string;
  /** Worst first. */
  plans: PlanView[];
}

/**
 * Tiers in their own order (strategic first), owners by name, industries
 * alphabetically with plans that name none last. Only groups with plans.
 */
export function groupPlans(plans: readonly PlanView[], grouping: Grouping, people: ReadonlyMap<string, PersonView>): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const plan of plans) {
    const { key, label } = groupOf(plan, grouping, people);
    const group = groups.get(key) ?? { key, label, plans: [] };
    group.plans.push(plan);
    groups.set(key, group);
  }
  const list = [...groups.values()].map((g) => ({ ...g, plans: worstFirst(g.plans) }));
  if (grouping === 'tier') return list.sort((a, b) => TIERS.indexOf(a.key as Tier) - TIERS.indexOf(b.key as Tier));
  return list.sort((a, b) => Number(a.key === NONE) - Number(b.key === NONE) || a.label.localeCompare(b.label, 'en'));
}

/** The key of the group of plans with no industry; never an industry's own key, which has no underscore. */
const NONE = 'none_given';

function groupOf(plan: PlanView, grouping: Grouping, people: ReadonlyMap<string, PersonView>): { key: string; label: string } {
  const d = plan.data;
  if (grouping === 'tier') return { key: d.tier, label: TIER_LABELS[d.tier] };
  if (grouping === 'owner') return { key: d.owner, label: people.get(d.owner)?.data.name ?? d.owner };
  const key = d.industry ? kebab(d.industry) : '';
  return key ? { key, label: d.industry! } : { key: NONE, label: 'No industry given' };
}

/**
 * `Healthcare (dental clinics)` → `healthcare-dental-clinics`, `Énergie` → `energie`;
 * letters of other scripts are kept (a valid id), so only a name of bare punctuation is lost.
 */
function kebab(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Account names in English alphabetical order: the tie-break everywhere. */
export function byAccount(a: PlanView, b: PlanView): number {
  return a.data.account.localeCompare(b.data.account, 'en');
}
