/**
 * /data/plans.json: every published public plan with its computed values, for
 * other tools. Restricted plans are left out entirely, not even named in
 * another plan's related, parent or dependencies: each area exports its own.
 */
import { viewPortfolio } from '../../site/portfolio.ts';
import { plansJson } from '../../model/export.ts';

export function GET(): Response {
  return plansJson(viewPortfolio());
}
