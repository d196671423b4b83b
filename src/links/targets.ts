/** What body links can point at: every plan, its items and headings, and every person. */
import type { Person } from '../schema/person.ts';
import type { PlanData } from '../schema/plan.ts';
import { ITEM_LABEL_FIELD, ITEM_LISTS, type ItemKind, type ItemList } from '../schema/items.ts';
import type { Outline } from './outline.ts';
import type { LinkTargets, PlanTarget } from './resolve.ts';
import type { View } from '../model/visibility.ts';

export interface TargetPlan {
  id: string;
  data?: Partial<PlanData>;
  outline?: Outline;
}

export function buildLinkTargets(plans: readonly TargetPlan[], people: readonly { id: string; data?: Partial<Person> }[],
  options: { base: string; hidden?: Iterable<string>; view?: Pick<View, 'restricted' | 'homes'> }): LinkTargets {
  return {
    plans: new Map(plans.map((p) => [p.id, planTarget(p)])),
    people: new Map(people.map((p) => [p.id, p.data?.name ?? p.id])),
    hidden: new Set(options.hidden ?? []),
    restricted: options.view?.restricted ?? new Set(),
    homes: options.view?.homes ?? new Map(),
    base: options.base,
  };
}

/** The same plans and people, as another view's pages link to them. */
export function forView(targets: LinkTargets, view: Pick<View, 'restricted' | 'homes'>): LinkTargets {
  return { ...targets, restricted: view.restricted, homes: view.homes };
}

function planTarget({ id, data, outline }: TargetPlan): PlanTarget {
  const items = new Map<string, { kind: ItemKind; label: string }>();
  for (const [list, kind] of Object.entries(ITEM_LISTS) as [ItemList, ItemKind][]) {
    for (const item of (data?.[list] ?? []) as Record<string, unknown>[]) {
      const id = item.id as string;
      if (!items.has(id)) items.set(id, { kind, label: String(item[ITEM_LABEL_FIELD[kind]]) });
    }
  }
  return {
    account: data?.account ?? id,
    items,
    headings: new Map((outline?.headings ?? []).map((h) => [h.slug, h.text])),
    confidential: data?.confidential === true,
    complete: data !== undefined && outline !== undefined,
  };
}
