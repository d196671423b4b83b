/** /people/<id>/calendar.ics: the actions, goals and reviews one person has to act on or attend. */
import type { APIContext } from 'astro';
import { getPortfolio, personPaths } from '../../../site/portfolio.ts';
import { ICS_HEADERS, subscribeSite } from '../../../site/subscribe-site.ts';
import { personCalendar } from '../../../subscribe/calendars.ts';

// Written on every build, like the other subscription files: the links follow Astro's `site`, which page keys do not cover.
export const getStaticPaths = async () => (await personPaths()).map(({ params }) => ({ params }));

export async function GET({ params }: APIContext): Promise<Response> {
  const portfolio = await getPortfolio();
  return new Response(personCalendar(params.id!, { plans: portfolio.plans, people: portfolio.person }, subscribeSite()), { headers: ICS_HEADERS });
}
