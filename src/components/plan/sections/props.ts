/** What every plan section component (./index.ts) is given. */
import type { PlanView, Portfolio } from '../../../model/portfolio.ts';
import type { BodyOnPage } from '../../../site/placed-views.ts';

export interface SectionProps {
  plan: PlanView;
  portfolio: Portfolio;
  /** The plan's body: what it places, and which views stand in for their sections. */
  body: BodyOnPage;
}
