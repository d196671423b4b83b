/** /reviews.ics: every public plan's next planning meeting, for calendar apps to subscribe to. */
import { getPortfolio } from '../site/portfolio.ts';
import { ICS_HEADERS, subscribeSite } from '../site/subscribe-site.ts';
import { reviewsCalendar } from '../subscribe/calendars.ts';

export async function GET(): Promise<Response> {
  const portfolio = await getPortfolio();
  return new Response(reviewsCalendar({ plans: portfolio.plans, people: portfolio.person }, subscribeSite()), { headers: ICS_HEADERS });
}
