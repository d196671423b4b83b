/**
 * /data/plans.json: every published, non-confidential plan with its computed
 * values, for other tools. Confidential plans are left out entirely, not even
 * named in another plan's related, parent or dependencies.
 */
import { getPortfolio } from '../../site/portfolio.ts';
import { exportPlans } from '../../model/export.ts';

export async function GET(): Promise<Response> {
  const portfolio = await getPortfolio();
  return new Response(`${JSON.stringify(exportPlans(portfolio), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
