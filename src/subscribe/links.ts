/**
 * Links in subscription files: absolute when the site's address is known
 * (Astro's `site`), else under the base path, which feed and calendar readers
 * on the intranet resolve against the file's own URL.
 */
export interface SubscribeSite {
  /** Shown as the calendar's and the feed's name. */
  title: string;
  /** The base path, e.g. "/plans-site/". */
  base: string;
  /** Astro's `site`, e.g. "https://plans.example.com", when set. */
  site?: string;
  /** The pinned today (YYYY-MM-DD): DTSTAMP and "overdue" come from it, so builds are byte-identical. */
  today: string;
}

export interface SiteLinks {
  page(path: string): string;
  /** A plan's page where the file's view has it (`PlanView.home`: public, or in an area). */
  plan(plan: { home: string }, item?: string): string;
  person(id: string): string;
}

export function siteLinks(site: Pick<SubscribeSite, 'base' | 'site'>): SiteLinks {
  const page = (path: string) => {
    const local = site.base + path.replace(/^\/+/, '');
    return site.site ? new URL(local, site.site).href : local;
  };
  return {
    page,
    plan: (plan, item) => page(plan.home) + (item ? `#${item}` : ''),
    person: (id) => page(`people/${id}/`),
  };
}

/** The domain part of UIDs and the authority of tag: ids: the site's host, or "keyplan" without one. */
export function siteHost(site: Pick<SubscribeSite, 'site'>): string {
  return site.site ? new URL(site.site).hostname : 'keyplan';
}
