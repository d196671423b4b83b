/**
 * Every kind of problem the checker reports, by stable id: the one list the
 * findings, the output formats (text, GitHub, JSON, SARIF), the /rules/ page,
 * the README table and the `rules` option all read. Tools key on these ids,
 * never on the English of a message.
 */
import { closest } from '../text/suggest.ts';

export type Severity = 'error' | 'warning';
/** What the `rules` option may set a rule to. */
export type RuleLevel = Severity | 'off';

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule checks, in one line. */
  description: string;
  /** How a writer fixes a finding of this rule. */
  fix: string;
  /** A line written wrong, then right. */
  example: { before: string; after: string };
}

export const RULES = [
  // Files that cannot be read.
  { id: 'keyplan/yaml', severity: 'error', description: 'The YAML of a person file or a plan\'s frontmatter cannot be parsed.',
    fix: 'Fix the syntax at the place named: line up indentation, close quotes, put a space after each colon.',
    example: { before: 'review:\n   cadence: quarterly\n  next: 2027-01-15', after: 'review:\n  cadence: quarterly\n  next: 2027-01-15' } },
  { id: 'keyplan/frontmatter', severity: 'error', description: 'A plan has no frontmatter block, an unclosed one, or one that is not a list of fields.',
    fix: 'Start the file with a line "---", write the fields as "name: value" lines, and close the block with "---".',
    example: { before: 'account: Acme Bank\n…', after: '---\naccount: Acme Bank\n…\n---' } },
  { id: 'keyplan/empty-file', severity: 'error', description: 'A person file, a plan file or a plan\'s frontmatter is empty.',
    fix: 'Write the required fields, or delete the file.',
    example: { before: '---\n---', after: '---\naccount: Acme Bank\nsummary: …\n---' } },
  { id: 'keyplan/file-name', severity: 'error', description: 'A file name is not a valid id (lower-case letters, digits, single hyphens).',
    fix: 'Rename the file to the id the message suggests.',
    example: { before: 'content/plans/Acme Bank.mdx', after: 'content/plans/acme-bank.mdx' } },
  // The schema.
  { id: 'keyplan/missing-field', severity: 'error', description: 'A required field is missing.',
    fix: 'Add the field the message names to the object it points at.',
    example: { before: '- id: win-treasury\n  due: 2027-06-30', after: '- id: win-treasury\n  title: Win the treasury tender\n  due: 2027-06-30' } },
  { id: 'keyplan/unknown-field', severity: 'error', description: 'A field the content model does not know: usually a typo.',
    fix: 'Correct the name (the message suggests the closest one) or remove the field.',
    example: { before: 'titel: Account Director', after: 'title: Account Director' } },
  { id: 'keyplan/wrong-type', severity: 'error', description: 'A value of the wrong type: text where a number, list or true/false belongs.',
    fix: 'Write the kind of value the message asks for.',
    example: { before: 'confidential: yes', after: 'confidential: true' } },
  { id: 'keyplan/not-allowed', severity: 'error', description: 'A value outside the allowed set of a field (a status, a tier, a stance).',
    fix: 'Use one of the values the message lists.',
    example: { before: 'status: activ', after: 'status: active' } },
  { id: 'keyplan/out-of-range', severity: 'error', description: 'A number or list outside its bounds, or a text over its length.',
    fix: 'Bring the value within the bounds the message states.',
    example: { before: 'impact: 7', after: 'impact: 5' } },
  { id: 'keyplan/invalid-value', severity: 'error', description: 'A value in the wrong format: a date that is not YYYY-MM-DD, an id that is not kebab-case, a bad currency.',
    fix: 'Write the value in the format the message describes.',
    example: { before: 'due: 2027-02-30', after: 'due: 2027-02-28' } },
  // References.
  { id: 'keyplan/unknown-person', severity: 'error', description: 'A person id that has no file in content/people.',
    fix: 'Correct the id (the message suggests the closest one) or add content/people/<id>.yaml.',
    example: { before: 'owner: jdoe', after: 'owner: j-doe' } },
  { id: 'keyplan/unknown-plan', severity: 'error', description: 'A plan id that has no file in content/plans.',
    fix: 'Correct the id or add the plan.',
    example: { before: 'parent: globex-grp', after: 'parent: globex-group' } },
  { id: 'keyplan/unknown-item', severity: 'error', description: 'A goal, stakeholder, risk or action id that the plan does not have.',
    fix: 'Use the id of an item that exists in the plan named.',
    example: { before: 'goal: win-tresury', after: 'goal: win-treasury' } },
  { id: 'keyplan/wrong-kind', severity: 'error', description: 'A reference to an item of the wrong kind: a risk where a goal belongs.',
    fix: 'Point at an item of the kind the field expects.',
    example: { before: 'goal: fx-exposure   # a risk', after: 'goal: win-treasury' } },
  { id: 'keyplan/self-reference', severity: 'error', description: 'Something refers to itself: its own manager, parent, relative or influence.',
    fix: 'Refer to someone or something else, or remove the field.',
    example: { before: 'manager: ana-silva   # in ana-silva.yaml', after: 'manager: marta-reis' } },
  { id: 'keyplan/broken-link', severity: 'error', description: 'A link in a plan body to a plan, person, item or heading that does not exist, or with a scheme that is not allowed.',
    fix: 'Link to an existing target with plan:, person:, #item, a relative path, http(s): or mailto:.',
    example: { before: '[Globex](plan:globx)', after: '[Globex](plan:globex)' } },
  { id: 'keyplan/duplicate-id', severity: 'error', description: 'Two items of a plan share an id (ids are unique across all kinds).',
    fix: 'Give one of the two items a new id.',
    example: { before: '- id: grow-online\n…\n- id: grow-online', after: '- id: grow-online\n…\n- id: grow-mobile' } },
  // Cycles.
  { id: 'keyplan/reporting-cycle', severity: 'error', description: 'People or stakeholders report to each other in a loop.',
    fix: 'Make someone in the loop report outside it.',
    example: { before: 'reportsTo: cfo   # and cfo reportsTo: cto', after: 'reportsTo: ceo' } },
  { id: 'keyplan/dependency-cycle', severity: 'error', description: 'Goals or actions depend on each other in a loop.',
    fix: 'Remove one of the dependsOn entries in the loop.',
    example: { before: 'dependsOn: [b]   # and b dependsOn: [a]', after: 'dependsOn: []' } },
  { id: 'keyplan/hierarchy-cycle', severity: 'error', description: 'Plans are each other\'s parent in a loop.',
    fix: 'Remove or change one parent in the loop.',
    example: { before: 'parent: acme-emea   # and acme-emea parent: acme', after: 'parent: acme-group' } },
  // Dates and numbers.
  { id: 'keyplan/period-reversed', severity: 'error', description: 'A plan\'s period ends on or before the day it starts.',
    fix: 'Make period.end later than period.start.',
    example: { before: 'period: { start: 2027-01-01, end: 2026-01-01 }', after: 'period: { start: 2026-01-01, end: 2027-01-01 }' } },
  { id: 'keyplan/outside-period', severity: 'error', description: 'A goal\'s start or due date falls outside the plan period.',
    fix: 'Move the date inside the period, or extend the period.',
    example: { before: 'due: 2028-03-31', after: 'due: 2027-12-31' } },
  { id: 'keyplan/start-after-due', severity: 'error', description: 'A goal or action starts after it is due.',
    fix: 'Make start no later than due.',
    example: { before: 'start: 2027-07-01\ndue: 2027-06-30', after: 'start: 2027-05-01\ndue: 2027-06-30' } },
  { id: 'keyplan/selection-weights', severity: 'error', description: 'The weights of the selection criteria do not add up to 100.',
    fix: 'Adjust the weights so they sum to 100.',
    example: { before: 'weights 50, 30, 30', after: 'weights 40, 30, 30' } },
  // Bodies.
  { id: 'keyplan/mdx', severity: 'error', description: 'A plan body is not valid MDX.',
    fix: 'Fix the syntax at the place named: close tags, escape a literal < or {.',
    example: { before: 'Revenue <5m', after: 'Revenue \\<5m' } },
  { id: 'keyplan/body-code', severity: 'error', description: 'A plan body holds code (import, export, {…}, <script>) or HTML that is not allowed.',
    fix: 'Use Markdown, or one of the components the message lists.',
    example: { before: '{revenue * 2}', after: '\\{revenue * 2\\}' } },
  { id: 'keyplan/unknown-component', severity: 'error', description: 'A plan body uses a component Keyplan does not have (names are case-sensitive).',
    fix: 'Correct the name (the message suggests the closest one), or use one of the components the message lists.',
    example: { before: '<Scorcard />', after: '<Scorecard />' } },
  { id: 'keyplan/component-prop', severity: 'error', description: 'A body component with an unknown prop, a required prop missing, a value outside its set, or a value written as an expression.',
    fix: 'Write the props the message lists, each as name="value" with one of the values allowed.',
    example: { before: '<Scorecard perspective="finance" />', after: '<Scorecard perspective="financial" />' } },
  { id: 'keyplan/component-reference', severity: 'error', description: 'A body component names a goal, measure, risk or stakeholder unit that the plan does not have.',
    fix: 'Use an id (or unit) of this plan; the message suggests the closest one.',
    example: { before: '<Goal id="win-tresury" />', after: '<Goal id="win-treasury" />' } },
  { id: 'keyplan/component-placement', severity: 'error', description: 'A body component where it cannot be placed: a view inside a sentence or a callout, a view with content, a tag without the blank lines around it.',
    fix: 'Write block components on lines of their own with a blank line before and after; in a callout, leave a blank line after <Callout …> and before </Callout>.',
    example: { before: '<Callout kind="decision">\nDecide by March.\n</Callout>', after: '<Callout kind="decision">\n\nDecide by March.\n\n</Callout>' } },
  { id: 'keyplan/mermaid', severity: 'error', description: 'A ```mermaid block in a plan body that mermaid cannot parse.',
    fix: 'Fix the diagram at the line mermaid names.',
    example: { before: 'graph TD\n  A --> ', after: 'graph TD\n  A --> B' } },
  // Warnings.
  { id: 'keyplan/large-body', severity: 'warning', description: 'A plan body over 256 KB, which slows every build.',
    fix: 'Link long documents instead of pasting them into the plan.',
    example: { before: '(a pasted 1 MB report)', after: '[Full report](https://intranet/reports/acme-2026.pdf)' } },
  { id: 'keyplan/horizon-mismatch', severity: 'warning', description: 'A goal\'s horizon contradicts its due date.',
    fix: 'Remove horizon so it is derived from the dates, or write the one the message names.',
    example: { before: 'horizon: short', after: '(no horizon line)' } },
  { id: 'keyplan/stale-actual', severity: 'warning', description: 'A scorecard actual measured more than two review cycles ago.',
    fix: 'Update actual and asOf.',
    example: { before: 'asOf: 2026-01-31', after: 'asOf: 2026-11-30' } },
  { id: 'keyplan/scorecard-history', severity: 'warning', description: 'A measure\'s history is out of date order, or has a value after its actual.',
    fix: 'List history oldest first, with dates no later than asOf.',
    example: { before: 'history: [{ date: 2026-06-30 }, { date: 2026-03-31 }]', after: 'history: [{ date: 2026-03-31 }, { date: 2026-06-30 }]' } },
  { id: 'keyplan/overdue-goal', severity: 'warning', description: 'A goal whose due date has passed and that is not done or dropped.',
    fix: 'Mark the goal done or dropped, or move due and say why in the plan\'s changes.',
    example: { before: 'due: 2026-09-30\nstatus: off-track', after: 'due: 2027-03-31\nstatus: off-track   # moved: see changes' } },
  { id: 'keyplan/placeholder-summary', severity: 'warning', description: 'A published plan still has the summary written by npm run new.',
    fix: 'Write one line on where the relationship stands.',
    example: { before: 'summary: One line on where…', after: 'summary: Brand and CRM agency for a retail bank; win the media brief in 2027.' } },
  { id: 'keyplan/review-overdue', severity: 'warning', description: 'The plan\'s review.next date has passed.',
    fix: 'Hold the planning meeting and set review.next to the next date.',
    example: { before: 'next: 2026-10-10', after: 'next: 2027-01-15' } },
  { id: 'keyplan/overdue-action', severity: 'warning', description: 'An action past its due date that is not done or dropped.',
    fix: 'Finish it, or move due and say why.',
    example: { before: 'status: in-progress', after: 'status: done' } },
  { id: 'keyplan/contact-overdue', severity: 'warning', description: 'A stakeholder not contacted within their agreed cadence.',
    fix: 'Get in touch and update lastContact.',
    example: { before: 'lastContact: 2026-06-01', after: 'lastContact: 2026-11-20' } },
  { id: 'keyplan/skeptic-without-owner', severity: 'warning', description: 'A high- or decisive-influence skeptic or blocker with no owner on our side.',
    fix: 'Name one of our people as the stakeholder\'s owner.',
    example: { before: 'stance: blocker', after: 'stance: blocker\nowner: ana-silva' } },
  { id: 'keyplan/due-before-dependency', severity: 'warning', description: 'A goal or action is due before something it depends on.',
    fix: 'Move one of the two due dates, or drop the dependency.',
    example: { before: 'due: 2027-03-31   # depends on one due 2027-06-30', after: 'due: 2027-09-30' } },
  { id: 'keyplan/over-allocation', severity: 'warning', description: 'A person allocated over 100% in total across plans.',
    fix: 'Rebalance the allocations to 100% or less.',
    example: { before: 'allocation: 70   # and 50 elsewhere', after: 'allocation: 50' } },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** `keyplan({ rules: { 'keyplan/stale-actual': 'error' } })`: the team's own severity per rule. */
export type RuleOverrides = Readonly<Partial<Record<string, RuleLevel>>>;

/** The severity a finding of `rule` is reported with, or 'off'. */
export function levelOf(rule: RuleId, overrides: RuleOverrides = {}): RuleLevel {
  return overrides[rule] ?? BY_ID.get(rule)!.severity;
}

/** Why an id in the `rules` option is not a rule, with the closest one; undefined when it is. */
export function unknownRuleMessage(id: string): string | undefined {
  if (BY_ID.has(id)) return undefined;
  const near = closest(id, BY_ID.keys()) ?? closest(`keyplan/${id}`, BY_ID.keys());
  return `unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; the rules are listed at /rules/ and in the README`;
}

/** The anchor of a rule on the /rules/ page: `keyplan-unknown-person`. */
export function ruleAnchor(id: string): string {
  return id.replace('/', '-');
}
