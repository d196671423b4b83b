/** The component of each plan section (src/site/plan-sections.ts): a section without one is a type error. */
import type { SectionId } from '../../../site/plan-sections.ts';
import AtAGlance from '../AtAGlance.astro';
import Digest from './Digest.astro';
import Mission from './Mission.astro';
import Strategy from './Strategy.astro';
import Narrative from './Narrative.astro';
import Profile from './Profile.astro';
import Team from './Team.astro';
import Selection from './Selection.astro';
import GoalsSection from './GoalsSection.astro';
import StakeholdersSection from './StakeholdersSection.astro';
import ScorecardSection from './ScorecardSection.astro';
import RisksSection from './RisksSection.astro';
import ActionsSection from './ActionsSection.astro';
import Opportunities from './Opportunities.astro';
import Competitors from './Competitors.astro';
import Swot from './Swot.astro';
import Changes from './Changes.astro';
import References from './References.astro';

export const SECTION_COMPONENTS = {
  glance: AtAGlance, digest: Digest, mission: Mission, strategy: Strategy, narrative: Narrative, profile: Profile, team: Team,
  selection: Selection, goals: GoalsSection, stakeholders: StakeholdersSection, scorecard: ScorecardSection,
  risks: RisksSection, actions: ActionsSection, opportunities: Opportunities, competitors: Competitors,
  swot: Swot, changes: Changes, references: References,
} satisfies Record<SectionId, unknown>;
