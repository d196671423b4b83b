/** What every view component (./index.ts) is given, in a plan's section or placed by its body. */
import type { PlanView, Portfolio } from '../../../model/portfolio.ts';

export interface ViewProps {
  plan: PlanView;
  portfolio: Portfolio;
  /** The props written in the body (its filters); undefined in the plan's own sections. */
  props?: Readonly<Record<string, string>>;
  /** The id of the root element, when the body places the view. */
  anchor?: string;
  /** Whether the items' rows carry their anchors (`#goal-id`): false for a copy (filtered, or printed), which would repeat them. */
  anchors?: boolean;
  /** The section's printed copy of a view the body places: the narrative is not printed. */
  copy?: 'print';
}
