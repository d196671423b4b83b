/** /changes.xml: the Atom feed of what changed in each public plan, commit by commit, from git. */
import { viewPortfolio } from '../site/portfolio.ts';
import { changesResponse } from '../site/subscribe-site.ts';

export function GET(): Response {
  return changesResponse(viewPortfolio());
}
