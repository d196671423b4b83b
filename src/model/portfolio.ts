/**
 * The computed portfolio: every plan with what the pages show about it
 * (horizons, risk bands, measure status, health, attractiveness, what is
 * overdue), and every person with what they own. Built once per build from
 * the checked content; pages only render it.
 */
import type { Action } from '../schema/action.ts';
import type { Goal, Horizon } from '../schema/goal.ts';
import type { Measure } from '../schema/measure.ts';
import type { Person } from '../schema/person.ts';
import type { PlanData } from '../schema/plan.ts';
import type { Risk } from '../schema/risk.ts';
import type { Stakeholder } from '../schema/stakeholder.ts';
import type { IsoDate } from './dates.ts';
import { isActionOpen, isActionOverdue, isGoalOverdue, isActualStale, isContactOverdue, nextContactDue, reviewState, type ReviewState } from './due.ts';
import { deriveHorizon } from './horizon.ts';
import { riskBand, riskScore, type RiskBand } from './risk-band.ts';
import { measureStatus, planHealth, type Health, type MeasureStatus } from './scorecard.ts';
import { attractiveness } from './selection.ts';
import { relationshipCoverage, type Coverage } from './coverage.ts';
import { planCompleteness, type Completeness } from './completeness.ts';
import { collectReferences, type Reference } from './references.ts';
import type { Outline } from '../links/outline.ts';
import { buildLinkTargets } from '../links/targets.ts';
import type { LinkTargets } from '../links/resolve.ts';
import { decideVisibility, type View, type Visibility, type VisibilityOptions } from './visibility.ts';
import type { PlanHistory } from '../history/since-review.ts';

export interface PortfolioConfig extends VisibilityOptions {
  today: IsoDate;
  perspectives: readonly string[];
}

export interface GoalView extends Goal {
  start: IsoDate;
  horizon: Horizon;
  overdue: boolean;
  /** Resolved dependencies: `plan` is this plan's id for local ones. */
  dependencies: ItemLink[];
  /** Goals, here or in other plans, that depend on this one. */
  blocks: ItemLink[];
}

export interface ItemLink {
  plan: string;
  item: string;
  /** The target's own title, for link text; "a restricted goal" (or action) for one the view may not read. */
  label: string;
  /** The target is in a plan this view may not read: shown as its label, without a link, plan or item. */
  restricted?: true;
}

export interface StakeholderView extends Stakeholder {
  contactOverdue: boolean;
  nextContact?: IsoDate;
}

export interface MeasureView extends Measure {
  status: MeasureStatus;
  stale: boolean;
}

export interface RiskView extends Risk {
  score: number;
  band: RiskBand;
}

export interface ActionView extends Action {
  overdue: boolean;
  open: boolean;
  dependencies: ItemLink[];
  blocks: ItemLink[];
}

export interface PlanView {
  id: string;
  /** Where its page is, from the base, in this portfolio's view: `plans/<id>/` or `restricted/<group>/plans/<id>/`. */
  home: string;
  data: PlanData;
  goals: GoalView[];
  stakeholders: StakeholderView[];
  measures: MeasureView[];
  risks: RiskView[];
  actions: ActionView[];
  health: Health;
  attractiveness?: number;
  review: ReviewState;
  overdueActions: number;
  openActions: number;
  overdueGoals: number;
  coverage: Coverage;
  /** Undefined when the plan is not active or under review. */
  completeness?: Completeness;
  /** Plans whose `parent` is this one. */
  children: string[];
  /** Related plans, both those this plan names and those that name it. */
  related: string[];
  parent?: string;
  /** Its parent is a plan this view may not read: "a subsidiary of a restricted plan". */
  restrictedParent: boolean;
  /** How many of its related plans this view may not read. */
  restrictedRelated: number;
  /** References from other plans to this one or its items. */
  referencedBy: Reference[];
  /** Changes since the last review and when the file last changed, where git could tell. */
  history?: PlanHistory;
}

export interface PersonView {
  id: string;
  data: Person;
  /** Plans they are the accountable owner of. */
  owns: string[];
  /** Plans they are on the team of. */
  teams: { plan: string; role: string; allocation?: number }[];
  /** Sum of their allocations across plans, in %. */
  allocation: number;
  /** Items they own, by plan (plans the view may not read left out). */
  goals: { plan: string; goal: GoalView }[];
  actions: { plan: string; action: ActionView }[];
  risks: { plan: string; risk: RiskView }[];
  /** Client stakeholders whose relationship they hold. */
  relationships: { plan: string; stakeholder: StakeholderView }[];
  /** How many plans the view may not read they own, work on or own something in: a count, never a name. */
  restricted: number;
  reports: string[];
}

export interface Portfolio {
  /** The view's own plans, by account: the public site's, or an area's. */
  plans: PlanView[];
  /** Every plan the view's pages may show or link to, by id: its own, and in an area the public ones too. */
  plan: Map<string, PlanView>;
  people: PersonView[];
  person: Map<string, PersonView>;
  today: IsoDate;
  /** Which plans are shown, in the index and in the export (model/visibility.ts). */
  visibility: Visibility;
  /** Whose site this is: the public one or an area. */
  view: View;
}

export interface PortfolioInput {
  plans: readonly { id: string; data: PlanData }[];
  people: readonly { id: string; data: Person }[];
  /** Body outlines by plan id, for references from body links. */
  outlines?: ReadonlyMap<string, Outline>;
  /** Git history by plan id. */
  history?: ReadonlyMap<string, PlanHistory>;
  /** Which plans are shown, as the build decided it (decided here from the config when not given). */
  visibility?: Visibility;
  /** What body links resolve to, as the build built them (built here when not given). */
  targets?: LinkTargets;
  /** The view to build: the public one when not given. */
  view?: View;
}

export function buildPortfolio(input: PortfolioInput, config: PortfolioConfig): Portfolio {
  const visibility = input.visibility ?? decideVisibility(input.plans, config);
  const view = input.view ?? visibility.views[0];
  const readable = input.plans.filter((p) => view.readable.has(p.id));
  const dataById = new Map(readable.map((p) => [p.id, p.data]));

  const all = readable
    .map((p) => planView(p.id, p.data, view, dataById, config))
    .sort((a, b) => a.data.account.localeCompare(b.data.account, 'en'));
  const plan = new Map(all.map((p) => [p.id, p]));
  for (const v of all) {
    if (v.parent) plan.get(v.parent)!.children.push(v.id);
    for (const other of v.related) {
      const back = plan.get(other)!;
      if (!back.related.includes(v.id)) back.related.push(v.id);
    }
  }

  // Dependencies seen from the other side: what each goal or action blocks.
  for (const v of all) {
    for (const list of ['goals', 'actions'] as const) {
      for (const item of v[list]) {
        for (const dep of item.dependencies) {
          const target = dep.restricted ? undefined : plan.get(dep.plan)?.[list].find((x) => x.id === dep.item);
          target?.blocks.push({ plan: v.id, item: item.id, label: item.title });
        }
      }
    }
  }

  const targets = input.targets ?? buildLinkTargets(
    input.plans.map((p) => ({ id: p.id, data: p.data, outline: input.outlines?.get(p.id) })),
    input.people, { base: '/', hidden: visibility.hidden, view });
  for (const v of all) v.history = input.history?.get(v.id);
  for (const ref of collectReferences(readable.map((p) => ({ ...p, outline: input.outlines?.get(p.id) })), targets)) {
    plan.get(ref.to.plan)?.referencedBy.push(ref);
  }

  const owned = ownedItems(all, input.plans.filter((p) => view.restricted.has(p.id)));
  const people = input.people
    .map((p) => personView(p, owned.get(p.id) ?? emptyOwned(), input.people))
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
  const own = new Set(view.plans);
  return {
    plans: all.filter((p) => own.has(p.id)), plan,
    people, person: new Map(people.map((p) => [p.id, p])), today: config.today, visibility, view,
  };
}

type Owned = Pick<PersonView, 'owns' | 'teams' | 'goals' | 'actions' | 'risks' | 'relationships' | 'restricted'>;

const emptyOwned = (): Owned => ({ owns: [], teams: [], goals: [], actions: [], risks: [], relationships: [], restricted: 0 });

/** What each person owns across the view's plans, in one pass over every plan (not one per person); plans it may not read, as a count. */
function ownedItems(plans: readonly PlanView[], unreadable: readonly { data: PlanData }[]): Map<string, Owned> {
  const byPerson = new Map<string, Owned>();
  const of = (person: string) => {
    let owned = byPerson.get(person);
    if (!owned) byPerson.set(person, (owned = emptyOwned()));
    return owned;
  };
  for (const v of plans) {
    of(v.data.owner).owns.push(v.id);
    for (const t of v.data.team ?? []) of(t.person).teams.push({ plan: v.id, role: t.role, allocation: t.allocation });
    for (const goal of v.goals) if (goal.owner) of(goal.owner).goals.push({ plan: v.id, goal });
    for (const action of v.actions) if (action.owner) of(action.owner).actions.push({ plan: v.id, action });
    for (const risk of v.risks) if (risk.owner) of(risk.owner).risks.push({ plan: v.id, risk });
    for (const stakeholder of v.stakeholders) if (stakeholder.owner) of(stakeholder.owner).relationships.push({ plan: v.id, stakeholder });
  }
  for (const { data } of unreadable) {
    const people = new Set([data.owner, ...(data.team ?? []).map((t) => t.person),
      ...[...(data.goals ?? []), ...(data.actions ?? []), ...(data.risks ?? []), ...(data.stakeholders ?? [])].flatMap((x) => (x.owner ? [x.owner] : []))]);
    for (const person of people) of(person).restricted++;
  }
  return byPerson;
}

function personView(p: { id: string; data: Person }, owned: Owned, everyone: PortfolioInput['people']): PersonView {
  return {
    id: p.id,
    data: p.data,
    ...owned,
    allocation: owned.teams.reduce((sum, t) => sum + (t.allocation ?? 0), 0),
    reports: everyone.filter((q) => q.data.manager === p.id).map((q) => q.id),
  };
}

function planView(id: string, data: PlanData, view: View, dataById: Map<string, PlanData>, config: PortfolioConfig): PlanView {
  const { today } = config;
  const shown = view.readable;
  const label = (planId: string, item: string, list: 'goals' | 'actions'): ItemLink | undefined => {
    if (view.restricted.has(planId)) return { plan: '', item: '', label: `a restricted ${list === 'goals' ? 'goal' : 'action'}`, restricted: true };
    if (!shown.has(planId)) return undefined;
    const target = (dataById.get(planId)?.[list] ?? []).find((x) => x.id === item);
    return target ? { plan: planId, item, label: target.title } : undefined;
  };
  const resolve = (refs: string[] | undefined, list: 'goals' | 'actions'): ItemLink[] =>
    (refs ?? []).map((ref) => {
      const [planId, item] = ref.includes('#') ? ref.split('#') : [id, ref];
      return label(planId, item, list);
    }).filter((x): x is ItemLink => x !== undefined);

  const goals = (data.goals ?? []).map((g): GoalView => ({
    ...g,
    start: g.start ?? data.period.start,
    horizon: g.horizon ?? deriveHorizon(data.period.start, g.due),
    overdue: isGoalOverdue(g, today),
    dependencies: resolve(g.dependsOn, 'goals'),
    blocks: [],
  }));
  const measures = (data.scorecard ?? []).map((m): MeasureView => ({
    ...m,
    status: measureStatus(m),
    stale: isActualStale(m.asOf, data.review.cadence, today),
  }));
  const actions = (data.actions ?? []).map((a): ActionView => ({
    ...a,
    overdue: isActionOverdue(a, today),
    open: isActionOpen(a),
    dependencies: resolve(a.dependsOn, 'actions'),
    blocks: [],
  }));
  const stakeholders = (data.stakeholders ?? []).map((s) => ({
      ...s,
      contactOverdue: isContactOverdue(s, today),
      nextContact: s.lastContact && s.contactEvery ? nextContactDue(s.lastContact, s.contactEvery) : undefined,
    }));
  return {
    id,
    home: view.homes.get(id)!,
    data,
    goals,
    stakeholders,
    measures,
    risks: (data.risks ?? []).map((r) => ({ ...r, score: riskScore(r), band: riskBand(riskScore(r)) })),
    actions,
    health: planHealth(config.perspectives, measures),
    attractiveness: data.selection ? attractiveness(data.selection) : undefined,
    review: reviewState(data.review.next, today),
    overdueActions: actions.filter((a) => a.overdue).length,
    openActions: actions.filter((a) => a.open).length,
    overdueGoals: goals.filter((g) => g.overdue).length,
    coverage: relationshipCoverage(stakeholders, today),
    completeness: planCompleteness(data, config.perspectives),
    children: [],
    related: (data.related ?? []).filter((r) => shown.has(r)),
    parent: data.parent && shown.has(data.parent) ? data.parent : undefined,
    restrictedParent: data.parent !== undefined && view.restricted.has(data.parent),
    restrictedRelated: (data.related ?? []).filter((r) => view.restricted.has(r)).length,
    referencedBy: [],
  };
}
