/** /changes.xml: the Atom feed of what changed in each public plan, commit by commit, from git. */
import site from 'virtual:keyplan/config';
import { getContentState } from '../../plugins/state.ts';
import { getPortfolio, planSource } from '../site/portfolio.ts';
import { subscribeSite } from '../site/subscribe-site.ts';
import { overdueChanges, planChanges } from '../history/changes.ts';
import { changesFeed, FEED_ENTRIES } from '../subscribe/atom.ts';
import { subscribablePlans } from '../subscribe/calendars.ts';

export async function GET(): Promise<Response> {
  const portfolio = await getPortfolio();
  // Only the plans the feed may name are read from git.
  const plans = subscribablePlans(portfolio.plans);
  const files = plans.map((p) => ({ id: p.id, file: planSource(p.id).file }));
  const { changes } = planChanges(getContentState().root, files, site.perspectives, FEED_ENTRIES);
  const feed = changesFeed([...changes, ...overdueChanges(plans)], { plans: portfolio.plans, people: portfolio.person }, subscribeSite());
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
