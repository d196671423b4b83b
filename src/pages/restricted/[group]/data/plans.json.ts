/** An area's /data/plans.json: the published plans of the area, with their references to public plans. */
import type { APIContext } from 'astro';
import { areaPaths, viewPortfolio } from '../../../../site/portfolio.ts';
import { plansJson } from '../../../../model/export.ts';

export const getStaticPaths = areaPaths;

export function GET({ params }: APIContext): Response {
  return plansJson(viewPortfolio(params.group));
}
