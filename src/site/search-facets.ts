/**
 * What the search index knows about a plan besides its text: the metadata a
 * result shows, the values a reviewer filters by and the keys results sort by.
 * Pagefind reads them from data-pagefind-meta/filter/sort attributes
 * (components/search/SearchData.astro); a confidential plan has none, since
 * its page is never indexed.
 */
import type { PlanView, Portfolio } from '../model/portfolio.ts';
import { date, label, percent } from './format.ts';

export interface SearchFacets {
  /** Shown with each result, in this order. */
  meta: Record<string, string>;
  /** Filter name → values (a plan has several tags). */
  filters: Record<string, string[]>;
  /** Sort key → value; numbers sort as numbers, ISO dates as text. */
  sort: Record<string, string>;
}

/** The filters of the search page, in the order it shows them. */
export const SEARCH_FILTERS = ['tier', 'industry', 'region', 'status', 'owner', 'tags'] as const;


/** The sorts of the search page: key, direction and the words for it. */
export const SEARCH_SORTS = [
  { key: 'review', direction: 'asc', text: 'Next review, soonest first' },
  { key: 'health', direction: 'asc', text: 'Health, weakest first' },
] as const;

/** Sort value of a plan whose health is unknown: before red, since nobody can tell how it is doing. */
const UNKNOWN_HEALTH = '-1';

export function planFacets(plan: PlanView, portfolio: Portfolio): SearchFacets {
  const d = plan.data;
  const owner = portfolio.person.get(d.owner)?.data.name ?? d.owner;
  const { band, score } = plan.health;
  const filters: Record<string, string[]> = {
    tier: [label(d.tier)],
    status: [label(d.status)],
    owner: [owner],
  };
  if (d.industry) filters.industry = [d.industry];
  if (d.region) filters.region = [d.region];
  if (d.tags?.length) filters.tags = [...d.tags];
  return {
    meta: {
      account: d.account,
      tier: label(d.tier),
      owner,
      status: label(d.status),
      health: band === 'unknown' ? 'Unknown' : `${label(band)} ${percent(score)}`,
      review: date(d.review.next),
    },
    filters,
    sort: {
      review: d.review.next,
      health: score === undefined ? UNKNOWN_HEALTH : String(Math.round(score * 100)),
    },
  };
}
