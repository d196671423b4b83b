/**
 * The components a plan body may use (content model v2, "Plan body"), no
 * import needed: what each is called, its props and their values, what it
 * places and which section of the plan page it can stand in for. The checker
 * (src/body/placements.ts, src/validate/body-components.ts), the body edits,
 * the plan page, the editor types and the README all read this one list.
 */
import { HORIZONS } from '../schema/goal.ts';
import type { ItemKind } from '../schema/items.ts';

/** What a prop's value must be: one of a fixed set, or something the plan (or the site) has. */
export type PropValue =
  | { kind: 'one-of'; values: readonly string[]; default?: string }
  | { kind: 'item'; item: Extract<ItemKind, 'goal' | 'measure' | 'risk'> }
  | { kind: 'unit' }
  | { kind: 'perspective' };

export interface PropSpec {
  value: PropValue;
  required?: boolean;
  /** Shows part of the view: a view with a filter written does not stand in for its section. */
  filters?: boolean;
  /** For the messages, the README and the editor: what to write. */
  about: string;
}

export type ComponentShape =
  /** A view of the plan's data, on a line of its own. */
  | 'block'
  /** A few words about one item, inside a sentence. */
  | 'inline'
  /** A boxed passage of Markdown. */
  | 'container';

export interface ComponentSpec {
  shape: ComponentShape;
  /** The `data-view` of its root element. */
  view: string;
  props: Readonly<Record<string, PropSpec>>;
  /** What it places, in a line (README, editor). */
  about: string;
  /** What the view is called in a sentence ("the goal timeline"), for block views. */
  title?: string;
  /** The section of the plan page whose view this is (src/site/plan-sections.ts), for block views. */
  section?: 'goals' | 'stakeholders' | 'scorecard' | 'risks' | 'actions' | 'opportunities' | 'swot';
  /** An example tag, as a writer would use it. */
  example: string;
}

export const ACTIONS_STATUS = ['open', 'all'] as const;
export const CALLOUT_KINDS = ['note', 'decision', 'warning'] as const;

export const BODY_COMPONENTS = {
  GoalTimeline: {
    shape: 'block', title: 'the goal timeline', view: 'goal-timeline', section: 'goals', about: 'the goal timeline (one horizon only, when given)',
    props: { horizon: { value: { kind: 'one-of', values: HORIZONS }, filters: true, about: 'short, medium or long: only the goals of that horizon' } },
    example: '<GoalTimeline horizon="short" />',
  },
  StakeholderMap: {
    shape: 'block', title: 'the stakeholder map', view: 'stakeholder-map', section: 'stakeholders', about: 'the stakeholder map (one unit\'s people and whoever they report to, when given)',
    props: { unit: { value: { kind: 'unit' }, filters: true, about: 'a stakeholder unit of this plan' } },
    example: '<StakeholderMap unit="Treasury" />',
  },
  Scorecard: {
    shape: 'block', title: 'the scorecard', view: 'scorecard', section: 'scorecard', about: 'the scorecard measures (one perspective, when given)',
    props: { perspective: { value: { kind: 'perspective' }, filters: true, about: 'a scorecard perspective' } },
    example: '<Scorecard perspective="client" />',
  },
  RiskMatrix: {
    shape: 'block', title: 'the risk matrix', view: 'risk-matrix', section: 'risks', about: 'the likelihood × impact matrix', props: {}, example: '<RiskMatrix />',
  },
  Actions: {
    shape: 'block', title: 'the actions table', view: 'actions', section: 'actions', about: 'the actions table, filtered',
    props: {
      goal: { value: { kind: 'item', item: 'goal' }, filters: true, about: 'a goal id: the actions that serve it' },
      risk: { value: { kind: 'item', item: 'risk' }, filters: true, about: 'a risk id: the actions that mitigate it' },
      // Open actions only is a filter too: the full table (status="all") is what stands in for the section.
      status: { value: { kind: 'one-of', values: ACTIONS_STATUS, default: 'open' }, filters: true, about: 'open (the default: not done or obsolete) or all' },
    },
    example: '<Actions goal="win-media-brief" />',
  },
  Whitespace: {
    shape: 'block', title: 'the whitespace matrix', view: 'whitespace', section: 'opportunities', about: 'the whitespace matrix', props: {}, example: '<Whitespace />',
  },
  Swot: {
    shape: 'block', title: 'the SWOT grid', view: 'swot', section: 'swot', about: 'the SWOT grid', props: {}, example: '<Swot />',
  },
  Goal: {
    shape: 'inline', view: 'goal', about: 'the goal\'s title, status and due date',
    props: { id: { value: { kind: 'item', item: 'goal' }, required: true, about: 'a goal id of this plan' } },
    example: '<Goal id="win-media-brief" />',
  },
  Measure: {
    shape: 'inline', view: 'measure', about: 'the measure\'s actual against its target, with its status',
    props: { id: { value: { kind: 'item', item: 'measure' }, required: true, about: 'a scorecard measure id of this plan' } },
    example: '<Measure id="nps" />',
  },
  Risk: {
    shape: 'inline', view: 'risk', about: 'the risk\'s title, score and band',
    props: { id: { value: { kind: 'item', item: 'risk' }, required: true, about: 'a risk id of this plan' } },
    example: '<Risk id="agency-review" />',
  },
  Callout: {
    shape: 'container', view: 'callout', about: 'a boxed passage; Markdown and inline components inside',
    props: { kind: { value: { kind: 'one-of', values: CALLOUT_KINDS, default: 'note' }, about: 'note (the default), decision or warning' } },
    example: '<Callout kind="decision">\n\n**Decision needed:** …\n\n</Callout>',
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof BODY_COMPONENTS;
export const COMPONENT_NAMES = Object.keys(BODY_COMPONENTS) as ComponentName[];
export type BlockViewName = { [K in ComponentName]: (typeof BODY_COMPONENTS)[K]['shape'] extends 'block' ? K : never }[ComponentName];
export type InlineViewName = { [K in ComponentName]: (typeof BODY_COMPONENTS)[K]['shape'] extends 'inline' ? K : never }[ComponentName];
/** The views the plan page draws with its own components (the callout is drawn in the tree). */
export type ViewName = BlockViewName | InlineViewName;

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(BODY_COMPONENTS, name);
}

export function componentSpec(name: ComponentName): ComponentSpec {
  return BODY_COMPONENTS[name];
}

/** The tags, as a message lists them. */
export const COMPONENT_TAGS = COMPONENT_NAMES.map((n) => `<${n}>`).join(' ');

/** One component as written in a body, checked for its form (names, props, values of fixed sets). */
export interface BodyComponent {
  name: ComponentName;
  /** Its props as written (plain strings). */
  props: Readonly<Record<string, string>>;
  /** Where the tag starts in the file. */
  line: number;
  column: number;
  /**
   * Where the Markdown parse that renders the body has the tag: the start of its
   * html node in the body (and of `</Callout>`'s), 1-based line and column.
   */
  at: { line: number; column: number };
  closeAt?: { line: number; column: number };
}

/** A placed view, as the rendered body hands it to the page. */
export interface PlacedView {
  name: ViewName;
  props: Readonly<Record<string, string>>;
}

/** Whether a placed view shows only part of what its section shows. */
export function isFiltered(view: Pick<PlacedView, 'name' | 'props'>): boolean {
  const spec = componentSpec(view.name);
  return Object.entries(spec.props).some(([prop, p]) => {
    if (!p.filters) return false;
    const value = view.props[prop] ?? (p.value.kind === 'one-of' ? p.value.default : undefined);
    // A value that selects everything (status="all") is no filter.
    return value !== undefined && value !== 'all';
  });
}
