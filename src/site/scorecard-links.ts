/**
 * Addresses on the scorecard pages, in one place because other pages link
 * into them: the dashboard to a group's band rows, the matrix to a plan's
 * perspective, the attention list to a measure. Ids use an underscore, which
 * no item id has, so they never clash with a measure's row.
 */
import type { Grouping } from '../model/scorecard-matrix.ts';
import type { HealthBand } from '../model/scorecard.ts';
import type { PlanView } from '../model/portfolio.ts';
import { url } from './urls.ts';

/** A plan's scorecard page, or an element on it (a perspective's section, a measure's row); a bare id is a public plan's. */
export function scorecardUrl(plan: string | Pick<PlanView, 'home'>, fragment?: string): string {
  return url(`${typeof plan === 'string' ? `plans/${plan}/` : plan.home}scorecard/`) + (fragment ? `#${fragment}` : '');
}

export function perspectiveId(perspective: string): string {
  return `perspective_${perspective}`;
}

/** The portfolio scorecard, whole or grouped. */
export function matrixUrl(grouping?: Grouping, fragment?: string): string {
  return url(grouping ? `scorecards/${grouping}/` : 'scorecards/') + (fragment ? `#${fragment}` : '');
}

/** A group's section on its grouped view, or (with a band) the rows of its plans in that band. */
export function groupId(grouping: Grouping, key: string, band?: HealthBand): string {
  return band ? `${grouping}_${key}_${band}` : `${grouping}_${key}`;
}
