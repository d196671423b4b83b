/** An area's change feed: what changed in the plans restricted to its group. */
import type { APIContext } from 'astro';
import { areaPaths, viewPortfolio } from '../../../site/portfolio.ts';
import { changesResponse } from '../../../site/subscribe-site.ts';

export const getStaticPaths = () => areaPaths().map(({ params }) => ({ params }));

export function GET({ params }: APIContext): Response {
  return changesResponse(viewPortfolio(params.group));
}
