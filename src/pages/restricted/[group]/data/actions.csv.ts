/** An area's /data/actions.csv: every action of the area's published plans. */
import type { APIContext } from 'astro';
import site from 'virtual:keyplan/config';
import { areaPaths, viewPortfolio } from '../../../../site/portfolio.ts';
import { actionsCsvResponse } from '../../../../model/export.ts';

export const getStaticPaths = areaPaths;

export function GET({ params }: APIContext): Response {
  return actionsCsvResponse(viewPortfolio(params.group), site.currency);
}
