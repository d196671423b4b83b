/** /people/<id>/calendar.ics: the actions, goals and reviews one person has to act on or attend. */
import type { APIContext } from 'astro';
import { getPortfolio, personPaths } from '../../../site/portfolio.ts';
import { ICS_HEADERS, subscribeSite } from '../../../site/subscribe-site.ts';
import { personCalendar } from '../../../subscribe/calendars.ts';

// Keyed as the person's page: their calendar is made of the same plans. Its links follow Astro's `site`, which is in
// the hash of the config Astro's incremental build keeps, so a new `site` writes every page again.
export const getStaticPaths = personPaths;

export async function GET({ params }: APIContext): Promise<Response> {
  const portfolio = await getPortfolio();
  return new Response(personCalendar(params.id!, { plans: portfolio.plans, people: portfolio.person }, subscribeSite()), { headers: ICS_HEADERS });
}
