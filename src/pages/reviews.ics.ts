/** /reviews.ics: every public plan's next planning meeting, for calendar apps to subscribe to. */
import { viewPortfolio } from '../site/portfolio.ts';
import { reviewsResponse } from '../site/subscribe-site.ts';

export function GET(): Response {
  return reviewsResponse(viewPortfolio());
}
