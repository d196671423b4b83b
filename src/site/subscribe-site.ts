/** What the subscription files need of the site: its title, base path, pinned today and address (Astro's `site`). */
import site from 'virtual:keyplan/config';
import type { SubscribeSite } from '../subscribe/links.ts';
import type { Portfolio } from '../model/portfolio.ts';
import { overdueChanges } from '../history/changes.ts';
import { snapshot } from '../snapshot/current.ts';
import { changesFeed } from '../subscribe/atom.ts';
import { reviewsCalendar } from '../subscribe/calendars.ts';
import { label } from './format.ts';

export function subscribeSite(): SubscribeSite {
  // Astro's `site` is read here only; without it the integration has warned once and links use the base path.
  return { title: site.title, base: site.base, today: site.today, site: import.meta.env.SITE || undefined };
}

export const ICS_HEADERS = { 'Content-Type': 'text/calendar; charset=utf-8' };

/** A view's review calendar (/reviews.ics, or an area's): its own plans' planning meetings. */
export function reviewsResponse(portfolio: Portfolio): Response {
  return new Response(reviewsCalendar({ plans: portfolio.plans, people: portfolio.person }, subscribeSite(), calendarName(portfolio, 'reviews')),
    { headers: ICS_HEADERS });
}

/** A view's change feed (/changes.xml, or an area's): what changed in its own plans. */
export function changesResponse(portfolio: Portfolio): Response {
  // The commits' changes come with the snapshot (read from git once per build, each view's plans).
  const changes = snapshot().changes.get(portfolio.view.prefix) ?? [];
  const feed = changesFeed([...changes, ...overdueChanges(portfolio.plans)], { plans: portfolio.plans, people: portfolio.person }, subscribeSite(),
    { path: `${portfolio.view.prefix}changes.xml`, title: calendarName(portfolio, 'changes') });
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}

/** "Keyplan: reviews", or in an area "Keyplan: reviews (Finance area)". */
function calendarName(portfolio: Portfolio, what: string): string {
  return `${site.title}: ${what}${portfolio.view.area ? ` (${label(portfolio.view.area)} area)` : ''}`;
}
