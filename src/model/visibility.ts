/**
 * Which plans this build shows, and where: decided here, once, for every
 * page, the search index, the export, link resolution, diagrams and bodies.
 * Nobody else filters plans by status, confidentiality or audience.
 */
import { CONFIDENTIAL_GROUP, type PlanData } from '../schema/plan.ts';

export interface VisibilityOptions {
  /** Draft plans are shown (dev) or left out (production). */
  showDrafts: boolean;
  /** Leave every restricted plan (confidential or with an audience) out entirely, and every pointer to them. */
  excludeConfidential: boolean;
}

export interface Visibility {
  /** Plans with pages in this build (in file order). */
  shown: readonly string[];
  /** Plans left out of this build: drafts outside dev, excluded confidential plans, plans that could not be read. */
  hidden: ReadonlySet<string>;
  /** Shown plans whose content other pages, the search index and the export may show: not restricted. */
  open: ReadonlySet<string>;
  /** Shown plans in the data export: open and not drafts. */
  exported: ReadonlySet<string>;
  /** Each shown restricted plan (one with an audience, or confidential) and the groups who may read it. */
  restricted: ReadonlyMap<string, readonly string[]>;
  /** One area per group, `restricted/<group>/`: the shown plans it may read, in file order; groups in order of first use. */
  areas: ReadonlyMap<string, readonly string[]>;
  /** Where each kind of reader sees the site: the public view first, then one per area. */
  views: readonly View[];
}

/**
 * One reader's site: the public one, or a restricted area. Its pages are its
 * own plans; they may show (and link to) every readable plan; whatever points
 * at a plan outside that set shows "a restricted plan", without a link.
 */
export interface View {
  /** The area's group; undefined for the public site. */
  area?: string;
  /** Where the view's pages are, from the site's base: empty for the public site, else `restricted/<group>/`; it names the view. */
  prefix: string;
  /** The plans with pages in this view (in file order): the open ones publicly, the group's plans in its area. */
  plans: readonly string[];
  /** The plans this view's pages may show and link to: the open plans, and in an area its own plans too. */
  readable: ReadonlySet<string>;
  /** Where each readable plan's page is, from the base: `plans/<id>/`, or `restricted/<group>/plans/<id>/` for the area's own. */
  homes: ReadonlyMap<string, string>;
  /** Shown plans this view may not read: pointers to them say "a restricted plan". */
  restricted: ReadonlySet<string>;
  /** The plans in this view's data export: its own plans that are not drafts. */
  exported: ReadonlySet<string>;
}

/** Where an area's pages are, from the site's base. */
export function areaPath(group: string): string {
  return `restricted/${group}/`;
}

export function decideVisibility(plans: readonly { id: string; data?: Pick<PlanData, 'status' | 'confidential' | 'audience'> }[],
  options: VisibilityOptions, unreadable: ReadonlySet<string> = new Set()): Visibility {
  const shown: string[] = [];
  const hidden = new Set<string>();
  const open = new Set<string>();
  const exported = new Set<string>();
  const restricted = new Map<string, readonly string[]>();
  const areas = new Map<string, string[]>();
  for (const { id, data } of plans) {
    const leftOut = !data || unreadable.has(id) || (!options.showDrafts && data.status === 'draft')
      || (options.excludeConfidential && audienceOf(data).length > 0);
    if (leftOut) {
      hidden.add(id);
      continue;
    }
    shown.push(id);
    const groups = audienceOf(data);
    if (groups.length > 0) {
      restricted.set(id, groups);
      for (const group of groups) areas.set(group, [...(areas.get(group) ?? []), id]);
      continue;
    }
    open.add(id);
    if (data.status !== 'draft') exported.add(id);
  }
  const drafts = new Set(plans.filter((p) => p.data?.status === 'draft').map((p) => p.id));
  return { shown, hidden, open, exported, restricted, areas, views: viewsOf(shown, open, restricted, areas, drafts) };
}

function viewsOf(shown: readonly string[], open: ReadonlySet<string>, restricted: ReadonlyMap<string, readonly string[]>,
  areas: ReadonlyMap<string, readonly string[]>, drafts: ReadonlySet<string>): View[] {
  const publicHomes = new Map([...open].map((id) => [id, `plans/${id}/`]));
  const view = (area: string | undefined, plans: readonly string[]): View => {
    const prefix = area === undefined ? '' : areaPath(area);
    const own = new Set(plans);
    const homes = new Map(publicHomes);
    for (const id of plans) homes.set(id, `${prefix}plans/${id}/`);
    return {
      area, prefix, plans,
      readable: new Set([...open, ...own]),
      homes,
      restricted: new Set([...restricted.keys()].filter((id) => !own.has(id))),
      exported: new Set(plans.filter((id) => !drafts.has(id))),
    };
  };
  return [view(undefined, shown.filter((id) => open.has(id))), ...[...areas].map(([group, plans]) => view(group, plans))];
}

/** The groups who may read a plan; none for a public plan. The schema already folds `confidential: true` into the audience. */
function audienceOf(data: Pick<PlanData, 'confidential' | 'audience'>): readonly string[] {
  if (data.audience && data.audience.length > 0) return data.audience;
  return data.confidential ? [CONFIDENTIAL_GROUP] : [];
}
