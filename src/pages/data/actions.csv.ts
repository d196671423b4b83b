/** /data/actions.csv: every action of the exported plans, for spreadsheets. */
import site from 'virtual:keyplan/config';
import { getPortfolio } from '../../site/portfolio.ts';
import { actionsCsv } from '../../model/export.ts';

export async function GET(): Promise<Response> {
  const portfolio = await getPortfolio();
  return new Response(actionsCsv(portfolio, site.currency), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
