/** An area's review calendar: the planning meetings of the plans restricted to its group. */
import type { APIContext } from 'astro';
import { areaPaths, viewPortfolio } from '../../../site/portfolio.ts';
import { reviewsResponse } from '../../../site/subscribe-site.ts';

export const getStaticPaths = () => areaPaths().map(({ params }) => ({ params }));

export function GET({ params }: APIContext): Response {
  return reviewsResponse(viewPortfolio(params.group));
}
