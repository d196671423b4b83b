/** What the subscription files need of the site: its title, base path, pinned today and address (Astro's `site`). */
import site from 'virtual:keyplan/config';
import type { SubscribeSite } from '../subscribe/links.ts';

export function subscribeSite(): SubscribeSite {
  // Astro's `site` is read here only; without it the integration has warned once and links use the base path.
  return { title: site.title, base: site.base, today: site.today, site: import.meta.env.SITE || undefined };
}

export const ICS_HEADERS = { 'Content-Type': 'text/calendar; charset=utf-8' };
