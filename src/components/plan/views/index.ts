/**
 * The component that draws each view a body can place (src/body/components.ts):
 * the same components the plan's sections draw them with. A view without one
 * is a type error.
 */
import type { ViewName } from '../../../body/components.ts';
import Actions from '../Actions.astro';
import Scorecard from '../Scorecard.astro';
import GoalInline from './GoalInline.astro';
import GoalTimelineView from './GoalTimelineView.astro';
import MeasureInline from './MeasureInline.astro';
import RiskInline from './RiskInline.astro';
import RiskMatrixView from './RiskMatrixView.astro';
import StakeholderMapView from './StakeholderMapView.astro';
import SwotView from './SwotView.astro';
import WhitespaceView from './WhitespaceView.astro';

export const VIEW_COMPONENTS = {
  GoalTimeline: GoalTimelineView, StakeholderMap: StakeholderMapView, Scorecard, RiskMatrix: RiskMatrixView, Actions,
  Whitespace: WhitespaceView, Swot: SwotView, Goal: GoalInline, Measure: MeasureInline, Risk: RiskInline,
} satisfies Record<ViewName, unknown>;
