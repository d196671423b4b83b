/** What body links can point at: every plan, its items and headings, and every person. */
import type { Person } from '../schema/person.ts';
import type { PlanData } from '../schema/plan.ts';
import type { ItemKind } from '../validate/rules.ts';
import type { Outline } from './outline.ts';
import type { LinkTargets, PlanTarget } from './resolve.ts';

export interface TargetPlan {
  id: string;
  data?: Partial<PlanData>;
  outline?: Outline;
}

export function buildLinkTargets(plans: readonly TargetPlan[], people: readonly { id: string; data?: Partial<Person> }[],
  options: { base: string; hidden?: Iterable<string> }): LinkTargets {
  return {
    plans: new Map(plans.map((p) => [p.id, planTarget(p)])),
    people: new Map(people.map((p) => [p.id, p.data?.name ?? p.id])),
    hidden: new Set(options.hidden ?? []),
    base: options.base,
  };
}

function planTarget({ id, data, outline }: TargetPlan): PlanTarget {
  const items = new Map<string, { kind: ItemKind; label: string }>();
  const add = (list: { id: string }[] | undefined, kind: ItemKind, label: (item: never) => string) => {
    for (const item of list ?? []) if (!items.has(item.id)) items.set(item.id, { kind, label: label(item as never) });
  };
  add(data?.goals, 'goal', (g: { title: string }) => g.title);
  add(data?.stakeholders, 'stakeholder', (s: { name: string }) => s.name);
  add(data?.scorecard, 'measure', (m: { measure: string }) => m.measure);
  add(data?.risks, 'risk', (r: { title: string }) => r.title);
  add(data?.actions, 'action', (a: { title: string }) => a.title);
  add(data?.opportunities, 'opportunity', (o: { title: string }) => o.title);
  add(data?.competitors, 'competitor', (c: { name: string }) => c.name);
  return {
    account: data?.account ?? id,
    items,
    headings: new Map((outline?.headings ?? []).map((h) => [h.slug, h.text])),
    confidential: data?.confidential === true,
    complete: data !== undefined && outline !== undefined,
  };
}
