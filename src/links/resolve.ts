/**
 * Body links, resolved once for every consumer: the checker, and the remark
 * and Sätteri plugins that rewrite links while Astro renders a plan.
 *
 *   [text](plan:acme)            the plan page of acme
 *   [text](plan:acme#grow)       item (or body heading) grow on that page
 *   [text](#grow)                an item or heading of the current plan
 *   [text](person:jane-doe)      the person page
 *   [](…)                        the text is filled with the target's own name
 *
 * Plain http(s):, mailto: and relative links pass through; any other scheme
 * (javascript:, data:, vbscript:, …) is an error.
 */
import type { ItemKind } from '../schema/items.ts';
import { didYouMean } from '../text/suggest.ts';

export interface PlanTarget {
  account: string;
  /** Item id → what the item is and its own name (title, name or measure). */
  items: Map<string, { kind: ItemKind; label: string }>;
  /** Heading slug → heading text, from the plan's body. */
  headings: Map<string, string>;
  confidential: boolean;
  /** False when the file could not be read: its items are unknown, not missing. */
  complete: boolean;
}

export interface LinkTargets {
  plans: Map<string, PlanTarget>;
  people: Map<string, string>;
  /** Plans left out of this build (drafts in production, excluded confidential plans). */
  hidden: Set<string>;
  /** Plans in this build that the pages rendered against these targets may not read: they say "a restricted plan". */
  restricted: ReadonlySet<string>;
  /** Where each plan's page is, from the base, for the view rendered against these targets (src/model/visibility.ts); `plans/<id>/` when not listed. */
  homes: ReadonlyMap<string, string>;
  base: string;
}

export type Resolution =
  /** Not ours to touch: http(s), mailto, relative paths. */
  | { kind: 'pass' }
  | { kind: 'link'; href: string; label: string; target: LinkTarget }
  /** The target is left out of this build: keep the text, drop the link. */
  | { kind: 'unlinked'; label: string; target: LinkTarget }
  /** The target is a plan this view may not read: "a restricted plan" (or goal, …) replaces the link and its text. */
  | { kind: 'restricted'; label: string; target: LinkTarget }
  | { kind: 'error'; message: string };

export interface LinkTarget {
  plan?: string;
  item?: string;
  person?: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

export function resolveLink(rawUrl: string, fromPlan: string, targets: LinkTargets): Resolution {
  // Browsers ignore control characters and spaces around a scheme: so must we.
  const url = rawUrl.replace(/[\u0000-\u0020\u007f]/g, '');
  if (url.startsWith('#')) return resolveItem(fromPlan, decode(url.slice(1)), targets, true);
  const scheme = SCHEME.exec(url)?.[1].toLowerCase();
  if (scheme === undefined) return { kind: 'pass' };
  if (ALLOWED_SCHEMES.has(scheme)) return { kind: 'pass' };
  const rest = url.slice(scheme.length + 1);
  if (scheme === 'plan') {
    const [planId, item] = splitFragment(rest);
    const plan = targets.plans.get(planId);
    if (!plan) {
      return { kind: 'error', message: `unknown plan "${planId}" in link "${rawUrl}"${didYouMean(planId, targets.plans.keys()) || ': there is no such file in content/plans/'}` };
    }
    if (item === undefined) return planLink(planId, plan, targets);
    return resolveItem(planId, item, targets, planId === fromPlan);
  }
  if (scheme === 'person') {
    const [id] = splitFragment(rest);
    const name = targets.people.get(id);
    if (name === undefined) {
      return { kind: 'error', message: `unknown person "${id}" in link "${rawUrl}"${didYouMean(id, targets.people.keys()) || ': there is no such file in content/people/'}` };
    }
    return { kind: 'link', href: `${targets.base}people/${id}/`, label: name, target: { person: id } };
  }
  return { kind: 'error', message: `"${scheme}:" links are not allowed; link with plan:, person:, #item, a relative path, http(s): or mailto:` };
}

function splitFragment(rest: string): [string, string | undefined] {
  const hash = rest.indexOf('#');
  return hash < 0 ? [decode(rest), undefined] : [decode(rest.slice(0, hash)), decode(rest.slice(hash + 1))];
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function planLink(planId: string, plan: PlanTarget, targets: LinkTargets): Resolution {
  const target = { plan: planId };
  if (targets.hidden.has(planId)) return { kind: 'unlinked', label: hiddenLabel(plan), target };
  if (targets.restricted.has(planId)) return { kind: 'restricted', label: RESTRICTED_PLAN, target };
  return { kind: 'link', href: planHref(targets, planId), label: plan.account, target };
}

/** What stands for a plan the reader may not read, or for one of its items. */
export const RESTRICTED_PLAN = 'a restricted plan';
export function restrictedItem(kind: ItemKind | undefined): string {
  return kind ? `a restricted ${kind}` : RESTRICTED_PLAN;
}

/** A plan's page, in the view the targets were built for. */
export function planHref(targets: Pick<LinkTargets, 'base' | 'homes'>, planId: string): string {
  return `${targets.base}${targets.homes.get(planId) ?? `plans/${planId}/`}`;
}

/** A draft may be named in plain text; a confidential plan left out of the build, not even that. */
function hiddenLabel(plan: PlanTarget): string {
  return plan.confidential ? '' : plan.account;
}

function resolveItem(planId: string, item: string, targets: LinkTargets, samePlan: boolean): Resolution {
  const plan = targets.plans.get(planId);
  if (!plan) return { kind: 'error', message: `unknown plan "${planId}"` };
  const found = plan.items.get(item);
  const heading = plan.headings.get(item);
  if (!found && heading === undefined && !plan.complete) {
    return { kind: 'link', href: samePlan ? `#${item}` : `${planHref(targets, planId)}#${item}`, label: item, target: { plan: planId, item } };
  }
  if (!found && heading === undefined) {
    const where = samePlan ? 'this plan' : `plan "${planId}"`;
    const known = [...plan.items.keys(), ...plan.headings.keys()];
    return { kind: 'error', message: `no item or heading "${item}" in ${where}${didYouMean(item, known) || ': use the id of a goal, stakeholder, measure, risk, action, opportunity or competitor, or a heading\'s anchor'}` };
  }
  const target = { plan: planId, item };
  const label = found?.label ?? heading ?? item;
  if (samePlan) return { kind: 'link', href: `#${item}`, label, target };
  if (targets.hidden.has(planId)) return { kind: 'unlinked', label: hiddenLabel(plan), target };
  if (targets.restricted.has(planId)) return { kind: 'restricted', label: restrictedItem(found?.kind), target };
  return { kind: 'link', href: `${planHref(targets, planId)}#${item}`, label, target };
}
