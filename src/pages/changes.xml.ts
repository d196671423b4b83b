/** /changes.xml: the Atom feed of what changed in each public plan, commit by commit, from git. */
import { snapshot } from '../snapshot/current.ts';
import { subscribeSite } from '../site/subscribe-site.ts';
import { overdueChanges } from '../history/changes.ts';
import { changesFeed } from '../subscribe/atom.ts';
import { subscribablePlans } from '../subscribe/calendars.ts';

export async function GET(): Promise<Response> {
  // The commits' changes come with the snapshot (read from git once per build, open plans only).
  const { portfolio, changes } = snapshot();
  const plans = subscribablePlans(portfolio.plans);
  const feed = changesFeed([...changes, ...overdueChanges(plans)], { plans: portfolio.plans, people: portfolio.person }, subscribeSite());
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
