/**
 * Who points at whom: body links, `related`, `parent` and cross-plan
 * `dependsOn`, collected once for the whole portfolio so that every plan can
 * show what references it, each reference linking back to the exact place.
 */
import type { PlanData } from '../schema/plan.ts';
import type { Outline } from '../links/outline.ts';
import { resolveLink, type LinkTargets } from '../links/resolve.ts';

export type ReferenceKind = 'link' | 'related' | 'parent' | 'depends-on';

export interface Reference {
  kind: ReferenceKind;
  from: {
    plan: string;
    /** The item that holds the reference (a goal or action), if any. */
    item?: string;
    /** The body heading a link stands under, if any. */
    heading?: string;
  };
  to: { plan: string; item?: string };
}

export interface ReferenceSource {
  id: string;
  data: PlanData;
  outline?: Outline;
}

/** Every reference between two different plans that are both in this build. */
export function collectReferences(plans: readonly ReferenceSource[], targets: LinkTargets): Reference[] {
  const shown = new Set(plans.map((p) => p.id));
  const refs: Reference[] = [];
  const add = (ref: Reference) => {
    if (ref.from.plan !== ref.to.plan && shown.has(ref.to.plan)) refs.push(ref);
  };
  for (const { id, data, outline } of plans) {
    for (const link of outline?.links ?? []) {
      const resolved = resolveLink(link.url, id, targets);
      if (resolved.kind !== 'link' || !resolved.target.plan) continue;
      add({ kind: 'link', from: { plan: id, heading: link.under }, to: { plan: resolved.target.plan, item: resolved.target.item } });
    }
    for (const related of data.related ?? []) add({ kind: 'related', from: { plan: id }, to: { plan: related } });
    if (data.parent) add({ kind: 'parent', from: { plan: id }, to: { plan: data.parent } });
    for (const list of ['goals', 'actions'] as const) {
      for (const item of data[list] ?? []) {
        for (const ref of item.dependsOn ?? []) {
          const hash = ref.indexOf('#');
          if (hash < 0) continue;
          add({ kind: 'depends-on', from: { plan: id, item: item.id }, to: { plan: ref.slice(0, hash), item: ref.slice(hash + 1) } });
        }
      }
    }
  }
  return refs;
}
