/**
 * `npm run new -- <plan-id> --account "Name" --owner <person-id> [--tier key]`:
 * writes content/plans/<plan-id>.mdx, a plan that passes `npm run check`
 * with every section stubbed and explained. Never overwrites a file.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addMonths } from '../model/dates.ts';
import { resolveToday } from '../model/today.ts';
import { TIERS } from '../schema/plan.ts';
import { ID_PATTERN, suggestId } from '../schema/primitives.ts';
import { didYouMean } from '../text/suggest.ts';
import { placeholderSummary } from '../validate/placeholder.ts';

const USAGE = 'usage: npm run new -- <plan-id> --account "Client name" --owner <person-id> [--tier strategic|key|growth|maintain] [--root DIR]';

export function scaffold(id: string, options: { account: string; owner: string; tier: string; today: string }): string {
  const start = options.today;
  const quote = (s: string) => JSON.stringify(s);
  return `---
# The account plan for ${options.account}. Every field is described in src/schema/;
# run \`npm run check\` after each edit for exact, located feedback.
account: ${quote(options.account)}
summary: ${quote(placeholderSummary(options.account))}
status: draft            # draft | active | under-review | suspended | discontinued (drafts are not published)
tier: ${options.tier}
owner: ${options.owner}
period: { start: ${start}, end: ${addMonths(start, 36)} }
review:
  cadence: quarterly     # monthly | quarterly | half-yearly | yearly
  next: ${addMonths(start, 3)}
  # last: YYYY-MM-DD     # the last planning meeting: the site shows what changed since
# industry: Retail
# region: Nordics
# tags: [example]
# parent: group-plan-id  # the group account's plan
# related: [other-plan-id]
mission: ${quote(`Why ${options.account} matters to us and what we want to be for them.`)}
strategy: ${quote('The long-term strategy in a paragraph: where we grow, how, and what we will not do.')}
team:
  - { person: ${options.owner}, role: Account manager, allocation: 20 }
profile:
  # revenue: { amount: 1200000000, currency: EUR }
  # employees: 5000
  headquarters: ${quote('City, Country')}
  clientGoals: [${quote('What the client wants to achieve this year')}]
  painPoints: [${quote('What gets in their way')}]
# selection:             # 3 to 8 criteria whose weights sum to 100; scores 1 to 5
#   - { criterion: Revenue potential, weight: 40, score: 4 }
#   - { criterion: Strategic fit, weight: 35, score: 3 }
#   - { criterion: Relationship strength, weight: 25, score: 3 }
swot:
  strengths: []
  weaknesses: []
  opportunities: []
  threats: []
goals:                   # due within the period: 3, 6, 12, 24 and 36 months out
  - id: first-goal
    title: ${quote('A measurable goal for the next six months')}
    due: ${addMonths(start, 6)}
    owner: ${options.owner}
    status: not-started  # not-started | on-track | at-risk | off-track | done | dropped
    # perspective: client
    # kpi: { metric: Net promoter score, target: 40 }
stakeholders: []         # the client's people: { id, name, title, role, influence, stance, reportsTo, owner }
scorecard: []            # { id, perspective, measure, target, actual, unit, direction, asOf }
risks: []                # { id, title, likelihood, impact, mitigation, owner, status }
actions:
  - id: first-action
    title: ${quote('Book the kick-off planning meeting')}
    goal: first-goal
    owner: ${options.owner}
    due: ${addMonths(start, 1)}
    status: planned      # planned | in-progress | blocked | done | obsolete
opportunities: []        # whitespace: { id, title, unit, offering, status, value, stage, close }
competitors: []          # { id, name, position, share, strengths, weaknesses }
changes: []              # re-planning log: { date, trigger, summary }
---

## Context

Who ${options.account} is, how we came to work with them, and what matters to them now.
Link to goals, people and other plans: [](#first-goal), [](person:${options.owner}).

## Where we stand

## What we will do

The plan's own views can stand in the story where it needs them, with no import: a goal in a
sentence, <Goal id="first-goal" />, or the actions that serve it (every component is listed under
"Plan body components" in the README):

<Actions goal="first-goal" />

## Relationship notes
`;
}

export function newPlan(argv: string[], root: string, env: Record<string, string | undefined> = process.env): { code: number; message: string } {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: {
      account: { type: 'string' }, owner: { type: 'string' }, tier: { type: 'string', default: 'key' }, root: { type: 'string' } } });
  } catch (error) {
    return { code: 2, message: `${(error as Error).message}\n${USAGE}` };
  }
  const [id] = args.positionals;
  const { account, owner, tier } = args.values;
  if (!id || !account || !owner) return { code: 2, message: USAGE };
  const base = resolve(args.values.root ?? root);
  if (!ID_PATTERN.test(id)) {
    return { code: 1, message: `"${id}" is not a valid plan id: use lower-case letters, digits and single hyphens, e.g. "${suggestId(id)}"` };
  }
  if (!(TIERS as readonly string[]).includes(tier!)) return { code: 1, message: `--tier must be one of ${TIERS.join(', ')}` };
  const peopleDir = join(base, 'content/people');
  const people = existsSync(peopleDir) ? readdirSync(peopleDir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : [];
  if (!people.includes(owner)) {
    return { code: 1, message: `unknown person "${owner}"${didYouMean(owner, people) || `: add content/people/${owner}.yaml first`}` };
  }
  const file = join(base, 'content/plans', `${id}.mdx`);
  const text = scaffold(id, { account, owner, tier: tier!, today: resolveToday(undefined, env) });
  try {
    // 'wx': never overwrite a writer's work, even if the file appears in the meantime.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { code: 1, message: `content/plans/${id}.mdx already exists; nothing was written. Choose another id or edit that file.` };
    }
    throw error;
  }
  return { code: 0, message: `wrote content/plans/${id}.mdx (status: draft). Fill it in, run npm run check, and set status: active to publish it.` };
}

if (import.meta.main) {
  const { code, message } = newPlan(process.argv.slice(2), process.cwd());
  (code === 0 ? console.log : console.error)(message);
  process.exitCode = code;
}
