/**
 * What a body's components name must be in the plan: the goal, measure or risk
 * of an id, a stakeholder unit, one of the site's perspectives. Their form
 * (names, props, values of fixed sets, placement) is checked with the outline
 * (src/body/placements.ts); this needs the plan's data.
 */
import { componentSpec, type BodyComponent } from '../body/components.ts';
import type { PlanData } from '../schema/plan.ts';
import { closest } from '../text/suggest.ts';
import type { Finding } from './found.ts';
import type { ItemKind } from './rules.ts';

export interface ComponentPlan {
  file: string;
  /** The plan's fields that passed the schema (undefined: unreadable, so nothing to check against). */
  data: Partial<PlanData> | undefined;
  /** Every item id written in the file, valid or not: an id with an error of its own is not reported again. */
  writtenIds: ReadonlyMap<string, ItemKind>;
  components: readonly BodyComponent[];
}

const ARTICLE: Record<ItemKind, string> = {
  goal: 'a goal', stakeholder: 'a stakeholder', measure: 'a measure', risk: 'a risk', action: 'an action', opportunity: 'an opportunity', competitor: 'a competitor',
};
const LIST = { goal: 'goals', measure: 'scorecard', risk: 'risks' } as const;

export function checkBodyComponents(plans: readonly ComponentPlan[], perspectives: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const plan of plans) {
    if (!plan.data) continue;
    for (const component of plan.components) {
      const spec = componentSpec(component.name);
      for (const [prop, value] of Object.entries(component.props)) {
        const problem = problemOf(spec.props[prop].value, value, plan, perspectives);
        if (!problem) continue;
        findings.push({
          file: plan.file, rule: problem.rule, path: [], field: ['body'], at: { line: component.line, column: component.column },
          message: `<${component.name} ${prop}="${value}">: ${problem.message}`,
        });
      }
    }
  }
  return findings;
}

function problemOf(kind: ReturnType<typeof componentSpec>['props'][string]['value'], value: string, plan: ComponentPlan, perspectives: readonly string[]):
  { rule: Finding['rule']; message: string } | undefined {
  const data = plan.data!;
  switch (kind.kind) {
    case 'one-of':
      return undefined;
    case 'perspective': {
      if (perspectives.includes(value)) return undefined;
      const near = closest(value, perspectives);
      return { rule: 'keyplan/component-prop', message: `"${value}" is not a perspective; use one of ${perspectives.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}` };
    }
    case 'unit': {
      const units = [...new Set((data.stakeholders ?? []).flatMap((s) => (s.unit ? [s.unit] : [])))];
      if (units.includes(value)) return undefined;
      const near = closest(value, units);
      return { rule: 'keyplan/component-reference', message: units.length === 0
        ? `no stakeholder of this plan has a unit; give stakeholders a unit, or write <StakeholderMap />`
        : `no stakeholder of this plan is in unit "${value}"${near ? ` (did you mean "${near}"?)` : ''}; the units are ${units.join(', ')}` };
    }
    case 'item': {
      const items = ((data[LIST[kind.item]] ?? []) as { id: string }[]).map((i) => i.id);
      if (items.includes(value)) return undefined;
      const written = plan.writtenIds.get(value);
      // An item with an error of its own: that error is the one to fix.
      if (written === kind.item) return undefined;
      if (written) {
        return { rule: 'keyplan/component-reference', message: `"${value}" is ${ARTICLE[written]}, not ${ARTICLE[kind.item]}; use the id of one of the plan's ${LIST[kind.item] === 'scorecard' ? 'scorecard measures' : LIST[kind.item]}` };
      }
      const near = closest(value, items);
      return { rule: 'keyplan/component-reference', message: `the plan has no ${kind.item} "${value}"${near ? ` (did you mean "${near}"?)` : ''}` };
    }
  }
}
