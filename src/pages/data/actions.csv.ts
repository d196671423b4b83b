/** /data/actions.csv: every action of the exported public plans, for spreadsheets. */
import site from 'virtual:keyplan/config';
import { viewPortfolio } from '../../site/portfolio.ts';
import { actionsCsvResponse } from '../../model/export.ts';

export function GET(): Response {
  return actionsCsvResponse(viewPortfolio(), site.currency);
}
